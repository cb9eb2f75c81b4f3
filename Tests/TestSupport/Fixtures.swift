import Foundation
import Notation

/// Scores built by hand for tests in several targets.
public enum Fixtures {
    /// A two-staff piano part: right hand two voices, left hand one, a tie across the barline,
    /// a triplet, an accidental and a key of D major.
    public static func pianoScore() throws -> Score {
        let rh1 = Voice(id: "1", sequence: [
            .note(Note(Pitch("F#5"), Duration(.half))),
            .note(Note(Pitch("A5"), Duration(.half), tie: .start)),
        ])
        let rh2 = Voice(id: "2", sequence: [
            .note(Note(Pitch("D5"), Duration(.eighth, tuplets: [.triplet]))),
            .note(Note(Pitch("E5"), Duration(.eighth, tuplets: [.triplet]))),
            .note(Note(Pitch("F5"), Duration(.eighth, tuplets: [.triplet]))),   // F natural in D major
            .rest(Rest(Duration(.quarter))),
            .chord(Chord([Pitch("A4"), Pitch("D5")], Duration(.half))),
        ])
        let lh = Voice(id: "3", sequence: [.note(Note(Pitch("D3"), Duration(.whole)))])
        let key = Key(.D, .major)
        var m1Treble = Measure(number: 1, length: 4, voices: [rh1, rh2], key: key, timeSignature: .commonTime, clef: .treble)
        m1Treble.directions = [Direction(offset: 0, kind: .tempo(Tempo(96))), Direction(offset: 2, kind: .dynamic("p"))]
        let m2Treble = Measure(number: 2, length: 4, voices: [Voice(id: "1", sequence: [
            .note(Note(Pitch("A5"), Duration(.quarter), tie: .stop)),
            .rest(Rest(Duration(.half, dots: 1))),
        ])])
        let m1Bass = Measure(number: 1, length: 4, voices: [lh], key: key, timeSignature: .commonTime, clef: .bass)
        let m2Bass = Measure(number: 2, length: 4, voices: [Voice(id: "3", sequence: [.rest(Rest(Duration(.whole), isMeasureRest: true))])])
        let part = Part(id: "P1", name: "Piano", abbreviation: "Pno.", instrument: .piano, staves: [
            Staff(clef: .treble, measures: [m1Treble, m2Treble]),
            Staff(clef: .bass, measures: [m1Bass, m2Bass]),
        ])
        return Score(metadata: Metadata(title: "Test & <Check>", composer: "Nobody"), parts: [part])
    }
}
