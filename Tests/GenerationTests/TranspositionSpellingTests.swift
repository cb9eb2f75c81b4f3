import Foundation
import Testing
import Notation
@testable import Generation
import TestSupport

/// Preprocessing keeps every key area in a writable key: the "Raindrop" prelude (op. 28 no. 15,
/// D♭ major with a long middle section in C♯ minor, read from MIDI as D♭ major / C♯ minor /
/// D♭ major) is estimated as C♯ major — its sharps prevail — and moving "C♯ major → C major"
/// (down an augmented unison) used to put its D♭ major frame in D𝄫 major: 568 double-flat
/// labels in that piece alone. About a fifth of the Chopin vocabulary was such labels.
@Suite struct TranspositionSpellingTests {
    @Test("the Raindrop prelude comes to C major without double accidentals",
          .requires(shared: "corpus/piano-midi/chopin/chpn-p15.mid"))
    func raindropPrelude() throws {
        let url = SharedData.url("corpus/piano-midi/chopin/chpn-p15.mid")
        let piece = try CorpusPreprocessor(options: PreprocessingOptions()).prepare(file: url)
        #expect(piece.originalKey?.tonicPitchClass == 1 && piece.originalKey?.mode == .major)
        #expect(piece.key == .cMajor)
        let pitches = ClefStream.allCases.flatMap { piece.tokens($0) }.flatMap { Token.pitches(for: $0.noteLabel) ?? [] }
        #expect(pitches.count > 1000)
        let doubled = pitches.filter { abs($0.alter) >= 2 }
        #expect(doubled.isEmpty, "\(doubled.count) double accidentals, e.g. \(doubled.prefix(5).map(\.name))")
        // The piece's repeated A♭ (its "raindrop") becomes G, the most frequent pitch class.
        var counts = [Int](repeating: 0, count: 12)
        for p in pitches { counts[p.pitchClass] += 1 }
        #expect(counts.firstIndex(of: counts.max()!) == 7)
    }
}
