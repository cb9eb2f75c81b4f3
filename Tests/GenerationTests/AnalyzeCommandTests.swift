import Foundation
import Testing
import Notation
import TestSupport

/// `recompose analyze` end to end: figures and findings of a four-chord progression checked by
/// hand (the same as `HarmonicAnalysisTests` uses), and its answers to bad input.
@Suite struct AnalyzeCommandTests {
    /// C major, half notes: I – V – I – ii6; alto and tenor G4/C4 → A4/D4 move in fifths.
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

    private func records(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test(.enabled(if: RecomposeCLI.url != nil, "the recompose executable is not built"))
    func jsonLinesOfAProgression() throws {
        let folder = try TemporaryDirectory.make("analyze")
        defer { TemporaryDirectory.remove(folder) }
        let file = folder.appendingPathComponent("progression.musicxml")
        try progression().write(to: file)
        let run = try RecomposeCLI.run(["analyze", "--json", "--key", "C major", file.path], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let all = try records(run.standardOutput)
        let chords = all.filter { $0["type"] as? String == "chord" }
        #expect(chords.map { $0["roman"] as? String } == ["I", "V", "I", "ii6"])
        #expect(chords.map { $0["measure"] as? Int } == [1, 1, 2, 2])
        #expect(chords.map { $0["offset"] as? String } == ["0", "2", "0", "2"])
        #expect(chords.allSatisfy { $0["key"] as? String == "C major" && $0["file"] as? String == file.path })
        #expect(chords[1]["pitches"] as? [String] == ["G2", "B3", "G4", "D5"])
        let fifths = all.filter { $0["type"] as? String == "voiceLeading" && $0["kind"] as? String == "parallelFifth" }
        #expect(fifths.count == 1)
        #expect(fifths.first?["voices"] as? [Int] == [1, 2])
        #expect(fifths.first?["measure"] as? Int == 2 && fifths.first?["offset"] as? String == "2")
    }

    @Test(.enabled(if: RecomposeCLI.url != nil, "the recompose executable is not built"))
    func badInputIsRefusedWithItsName() throws {
        let folder = try TemporaryDirectory.make("analyze-bad")
        defer { TemporaryDirectory.remove(folder) }
        let badKey = try RecomposeCLI.run(["analyze", "--key", "H major", "x.musicxml"], in: folder)
        #expect(badKey.status != 0 && badKey.standardError.contains("'H major'"))
        let rests = folder.appendingPathComponent("rests.musicxml")
        try Score(parts: [Part(staves: [Staff(measures: [Measure(number: 1, length: 4, voices: [
            Voice(sequence: [.rest(Rest(Duration(.whole)))])], timeSignature: .commonTime)])])]).write(to: rests)
        let empty = try RecomposeCLI.run(["analyze", rests.path], in: folder)
        #expect(empty.status == 1)
        #expect(empty.standardError.contains(rests.path) && empty.standardError.contains("no pitched notes"))
    }
}
