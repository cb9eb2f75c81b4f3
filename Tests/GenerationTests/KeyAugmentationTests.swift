import Foundation
import Testing
import Notation
import NeuralNetwork
@testable import Generation
import TestSupport

/// Training pieces copied into other keys: the shifts, their spelling, and that held-out
/// pieces stay as they are.
@Suite struct KeyAugmentationTests {
    @Test func everyKeyOnce() {
        #expect(KeyAugmentation.shifts(range: 0).isEmpty)
        #expect(KeyAugmentation.shifts(range: 2) == [-2, -1, 1, 2])
        #expect(KeyAugmentation.shifts(range: 6) == [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6])
        #expect(Set(KeyAugmentation.shifts(range: 6).map { ($0 + 12) % 12 }).count == 11)
    }

    /// Hand-checked spellings: C major moved to D, A, F♯, B and D♭ major.
    @Test func copiesAreSpelledInTheirNewKey() throws {
        func move(_ label: String, _ semitones: Int) -> String? {
            KeyAugmentation.transposed(Token(noteLabel: label, durationLabel: "quarter"),
                                       by: KeyAugmentation.interval(semitones: semitones))?.noteLabel
        }
        #expect(move("C4.E4.G4", 2) == "D4.F#4.A4")
        #expect(move("C4.E4.G4", -3) == "A3.C#4.E4")
        #expect(move("C4.E4.G4", 6) == "F#4.A#4.C#5")
        #expect(move("F4", -1) == "E4")
        #expect(move("C4", 1) == "Db4")
        #expect(move("rest", 4) == "rest")
        let piece = PreparedPiece(name: "p", originalKey: .cMajor, key: .cMajor,
                                  treble: [Token(noteLabel: "E5", durationLabel: "half")],
                                  bass: [Token(noteLabel: "C3", durationLabel: "+"), Token(noteLabel: "G3", durationLabel: "half")])
        let moved = try #require(piece.transposed(semitones: 2))
        #expect(moved.name == "p@+2")
        #expect(moved.treble.map(\.noteLabel) == ["F#5"] && moved.bass.map(\.noteLabel) == ["D3", "A3"])
        #expect(moved.bass.map(\.durationLabel) == ["+", "half"])
        #expect(moved.key == Key(.D, .major))
        // The copy says which key it is in: one-hot at 20 + shift; the original at 20.
        let w = HandConditioning.width
        for (p, shift) in [(piece, 0), (moved, 2), (try #require(moved.transposed(semitones: -5)), 9)] {
            let values = p.conditioning(.treble)
            #expect(Array(values[20..<w]) == (0..<12).map { $0 == shift ? 1 : 0 }, "shift \(shift)")
        }
    }

    @Test func onlyTrainingPiecesAreCopied() throws {
        let folder = SharedData.packageRoot.appendingPathComponent("Corpus/exercises")
        let plain = try CorpusPreprocessor(options: PreprocessingOptions(tokenEncoding: .notes)).prepare(corpus: folder)
        var options = plain.options
        options.keyAugmentation = 6
        let augmented = PreparedCorpus(options: options, pieces: plain.pieces)
        let (training, validation) = plain.split()
        let (moved, held) = augmented.split()
        #expect(held.map(\.name) == validation.map(\.name) && !held.isEmpty)
        #expect(moved.count == training.count * 12)
        // Each copy sounds its original moved by the shift its name gives.
        for copy in moved.dropFirst(training.count) {
            let parts = copy.name.split(separator: "@")
            let shift = try #require(Int(parts[1].replacingOccurrences(of: "+", with: "")))
            let original = try #require(training.first { $0.name == parts[0] })
            for clef in ClefStream.allCases {
                let before = original.tokens(clef).flatMap { Token.pitches(for: $0.noteLabel) ?? [] }.map(\.midi)
                let after = copy.tokens(clef).flatMap { Token.pitches(for: $0.noteLabel) ?? [] }.map(\.midi)
                #expect(after == before.map { $0 + shift })
            }
        }
        // The vocabulary grows with the keys; the held-out windows do not change.
        #expect(augmented.vocabularies(.treble).notes.count > plain.vocabularies(.treble).notes.count)
        let (notes, durations) = augmented.vocabularies(.bass)
        #expect(augmented.streamDatasets(.bass, notes: notes, durations: durations, conditioned: true).validation.targetCount
                == plain.streamDatasets(.bass, notes: notes, durations: durations, conditioned: true).validation.targetCount)
    }

    /// A duet network trained before the key input (20 conditioning values) reads the leading
    /// 20 of the 32 values generation now gives, and predicts what it predicted before.
    @Test func aNetworkWithoutTheKeyInputReadsTheLeadingValues() throws {
        let network = try SequenceModel(configuration: ModelConfiguration(
            noteVocabularySize: 5, durationVocabularySize: 3, lstmUnits: [6], denseUnits: 6, dropout: 0,
            conditioningSize: HandConditioning.keylessWidth), seed: 4)
        let full = HandConditioning.vector(at: Rational(1, 2), meter: TimeSignature(3, 4),
                                           other: (pitchClasses: 0b1001_0001, startsHere: true), keyShift: 3)
        #expect(full.count == HandConditioning.width && full[23] == 1)
        var given = NetworkStepModel(network: network), leading = NetworkStepModel(network: network)
        let a = given.step(note: 2, duration: 1, conditioning: full)
        let b = leading.step(note: 2, duration: 1, conditioning: Array(full.prefix(HandConditioning.keylessWidth)))
        var zeros = NetworkStepModel(network: network)
        let c = zeros.step(note: 2, duration: 1, conditioning: [])
        #expect(a.notes == b.notes && a.durations == b.durations)
        #expect(a.notes != c.notes, "the leading values must reach the network")
    }
}
