import Foundation
import Testing
import Notation
@testable import Generation
import TestSupport

@Suite struct MelodicPatternsTests {
    @Test func aPatternIsSevenStepsBetweenEightNotes() {
        // C major scale C4…D5 (9 notes): steps 2 2 1 2 2 2 1 2, so two windows of seven.
        let scale = MelodicPatterns(melody: [60, 62, 64, 65, 67, 69, 71, 72, 74])
        #expect(scale.windows == [[2, 2, 1, 2, 2, 2, 1], [2, 1, 2, 2, 2, 1, 2]])
        #expect(MelodicPatterns(melody: [60, 62, 64, 65, 67, 69, 71]).windows.isEmpty)   // seven notes: none
        #expect(MelodicPatterns(melody: []).copiedShare { _ in true } == nil)
        // Figures, not melodies: repeated notes, an octave alternation, a trill (two pitch classes).
        #expect(MelodicPatterns(melody: Array(repeating: 60, count: 10)).windows.isEmpty)
        #expect(MelodicPatterns(melody: [60, 72, 60, 72, 60, 72, 60, 72]).windows.isEmpty)
        #expect(MelodicPatterns(melody: [60, 62, 60, 62, 60, 62, 60, 62, 60]).windows.isEmpty)
    }

    @Test func theMelodyIsTheTopStruckNoteOfEachTrebleOnset() throws {
        // Fixtures.pianoScore: voice 1 F#5 (0), A5 (2, tied on into bar 2); voice 2 a triplet
        // D5 E5 F5 from 0, a rest, then the chord A4 D5 at 2. Top line: F#5 at 0 (over D5), E5
        // at 1/3, F5 at 2/3, A5 at 2 (over the chord); the tie's continuation in bar 2 is not
        // struck; the bass D3 is another staff.
        let melody = MelodicPatterns.melody(of: try Fixtures.pianoScore())
        #expect(melody == [78, 76, 77, 81])
    }

    @Test func copiesAreCountedInAnyKeyAndLeaveOneOutExcludesThePieceItself() {
        let cMajor = MelodicPatterns(melody: [60, 62, 64, 65, 67, 69, 71, 72, 74])
        let gMajorStart = MelodicPatterns(melody: [55, 57, 59, 60, 62, 64, 66, 67])      // first window only
        let other = MelodicPatterns(melody: [60, 62, 60, 62, 60, 64, 60, 62, 60, 62])
        let index = PatternIndex([cMajor, gMajorStart, other])
        #expect(index.pieceCounts[[2, 2, 1, 2, 2, 2, 1]] == 2)
        #expect(index.copiedShare(of: cMajor) == 1)
        #expect(index.copiedShare(of: cMajor, excludingItself: true) == 0.5)   // only window 1 is in G major too
        #expect(index.copiedShare(of: other, excludingItself: true) == 0)
        let fresh = MelodicPatterns(melody: [60, 67, 64, 72, 71, 59, 62, 65, 60])
        #expect(PatternIndex([cMajor, other]).copiedShare(of: fresh) == 0)
    }
}
