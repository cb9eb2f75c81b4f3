import Testing
import Notation
@testable import Generation

/// Expected values counted by hand from the four chords below.
@Suite struct HarmonicMetricsTests {
    /// C major, half notes: I – V – I – ii6 (soprano E5 D5 E5 F5, bass C3 G2 C3 F3).
    private func progression() throws -> Score {
        func part(_ names: [String]) throws -> Part {
            let notes = try names.map { Event.note(Note(try Pitch($0), Duration(.half))) }
            return Part(staves: [Staff(measures: [
                Measure(number: 1, length: 4, voices: [Voice(sequence: Array(notes[0..<2]))], key: .cMajor,
                        timeSignature: .commonTime),
                Measure(number: 2, length: 4, voices: [Voice(sequence: Array(notes[2..<4]))]),
            ])])
        }
        return Score(parts: [try part(["E5", "D5", "E5", "F5"]), try part(["G4", "G4", "G4", "A4"]),
                             try part(["C4", "B3", "C4", "D4"]), try part(["C3", "G2", "C3", "F3"])])
    }

    @Test func bigramsParallelsAndChords() throws {
        let metrics = HarmonicMetrics(score: try progression())
        #expect(metrics.romanBigrams == ["I V": 1, "V I": 1, "I ii6": 1])
        // Outer voices E5/C3 → D5/G2 → E5/C3 → F5/F3: contrary, contrary, then similar into an
        // octave (hidden, not parallel): no parallel fifth or octave.
        #expect(metrics.outerParallelsPer100Beats == 0)
        #expect(metrics.recognisedChordRate == 1)
        #expect(HarmonicMetrics.distance(["I V": 0.5, "V I": 0.5], ["I V": 1]) == 0.5)
    }

    @Test func outerParallelFifthsAreCounted() throws {
        // Two voices in parallel fifths, four quarter notes: C/F → D/G → E/A → F/B♭ over 4 beats.
        let upper = try ["C5", "D5", "E5", "F5"].map { Event.note(Note(try Pitch($0))) }
        let lower = try ["F4", "G4", "A4", "Bb4"].map { Event.note(Note(try Pitch($0))) }
        let score = Score(parts: [upper, lower].map { events in
            Part(staves: [Staff(measures: [Measure(number: 1, length: 4, voices: [Voice(sequence: events)],
                                                   timeSignature: .commonTime)])])
        })
        // F4→G4→A4→B♭4 under C5→D5→E5→F5: three motions, all perfect fifths; 3 per 4 beats.
        #expect(HarmonicMetrics(score: score).outerParallelsPer100Beats == 75)
    }
}
