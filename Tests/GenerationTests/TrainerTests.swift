import Foundation
import Testing
@testable import Generation
import NeuralNetwork

@Suite struct TrainerTests {
    /// A small repeating corpus: two pieces cycling through 6 notes and 3 durations.
    func data() -> (SequenceDataset, SequenceDataset) {
        func piece(_ name: String, _ offset: Int) -> EncodedPiece {
            EncodedPiece(name: name, notes: (0..<60).map { Int32(1 + ($0 + offset) % 6) },
                         durations: (0..<60).map { Int32(1 + ($0 + offset) % 3) })
        }
        return (SequenceDataset(pieces: [piece("a", 0), piece("b", 2)], length: 8),
                SequenceDataset(pieces: [piece("c", 4)], length: 8))
    }

    func model() throws -> SequenceModel {
        try SequenceModel(configuration: ModelConfiguration(noteVocabularySize: 7, durationVocabularySize: 4,
                                                            lstmUnits: [12, 12], denseUnits: 12, dropout: 0.2), seed: 9)
    }

    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("recompose-trainer-\(UUID().uuidString)")
    }

    @Test func learnsARepeatingSequenceFarBelowTheUnigramBaseline() throws {
        let (training, validation) = data()
        var network = try model()
        let summary = try Trainer(options: TrainingOptions(epochs: 60, batchSize: 16, learningRate: 0.01, patience: nil))
            .train(&network, training: training, validation: validation)
        let unigram = try #require(summary.unigramValidationLoss)
        let validationLoss = try #require(summary.validationLoss)
        // Uniform over 6 notes and 3 durations: log 6 + log 3 ≈ 2.89.
        #expect(abs(unigram - (log(6.0) + log(3.0))) < 0.1)
        #expect(validationLoss < 0.2 * unigram)
        #expect(summary.sequences == 60 * training.count)
    }

    @Test func anInterruptedRunResumesToTheSameWeights() throws {
        let (training, validation) = data()
        let options = TrainingOptions(epochs: 4, batchSize: 16, patience: nil)
        var straight = try model()
        _ = try Trainer(options: options).train(&straight, training: training, validation: validation)

        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var first = try model()
        var shorter = options
        shorter.epochs = 2
        _ = try Trainer(options: shorter).train(&first, training: training, validation: validation, checkpoint: folder)
        var resumed = try model()
        let summary = try Trainer(options: options).train(&resumed, training: training, validation: validation, checkpoint: folder)
        #expect(summary.epochs == 4)
        #expect(resumed.parameters == straight.parameters)
    }

    @Test func aCorruptCheckpointIsRefused() throws {
        let (training, validation) = data()
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var network = try model()
        _ = try Trainer(options: TrainingOptions(epochs: 1, batchSize: 16)).train(
            &network, training: training, validation: validation, checkpoint: folder)
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("state.json"))
        var again = try model()
        #expect(throws: GenerationError.self) {
            try Trainer(options: TrainingOptions(epochs: 2, batchSize: 16)).train(
                &again, training: training, validation: validation, checkpoint: folder)
        }
        // A checkpoint of another architecture is refused too.
        var other = try SequenceModel(configuration: ModelConfiguration(noteVocabularySize: 7, durationVocabularySize: 4,
                                                                        lstmUnits: [8], denseUnits: 8), seed: 1)
        let otherFolder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: otherFolder) }
        _ = try Trainer(options: TrainingOptions(epochs: 1, batchSize: 16)).train(
            &other, training: training, validation: validation, checkpoint: otherFolder)
        var mismatched = try model()
        #expect(throws: GenerationError.self) {
            try Trainer(options: TrainingOptions(epochs: 2, batchSize: 16)).train(
                &mismatched, training: training, validation: validation, checkpoint: otherFolder)
        }
    }
}
