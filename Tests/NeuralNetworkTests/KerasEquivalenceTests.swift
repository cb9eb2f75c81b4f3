import Foundation
import Testing
@testable import NeuralNetwork

/// The Swift model against the same model in Keras 3 (TensorFlow backend), from the committed
/// fixture made by `Scripts/keras/make_fixture.py`: same weights and inputs must give the same
/// probabilities and loss, and one Adam step the same weights, to 1e-5.
@Suite struct KerasEquivalenceTests {
    struct EncodedTensor: Decodable {
        let shape: [Int]
        let values: [Float]
        func tensor() throws -> Tensor { try Tensor(shape: shape, scalars: values) }
    }

    struct Fixture: Decodable {
        let configuration: ModelConfiguration
        let batchSize: Int
        let steps: Int
        let notes: [Int32]
        let durations: [Int32]
        let targetNotes: [Int32]
        let targetDurations: [Int32]
        let weights: [String: EncodedTensor]
        let noteProbabilities: EncodedTensor
        let durationProbabilities: EncodedTensor
        let loss: Double
        let trainStepLoss: Double
        let weightsAfterAdamStep: [String: EncodedTensor]
    }

    static func loadFixture() throws -> Fixture {
        try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: FixtureFiles.url("keras-tiny.json")))
    }

    static func model(_ fixture: Fixture, dropout: Float) throws -> SequenceModel {
        var configuration = fixture.configuration
        configuration.dropout = dropout
        var model = try SequenceModel(configuration: configuration, seed: 0)
        let tensors = try model.parameterNames.map { name in
            guard let encoded = fixture.weights[name] else { throw NetworkError.missingWeight(name: name, path: "fixture") }
            return try encoded.tensor()
        }
        try model.setParameters(tensors)
        return model
    }

    static func batch(_ fixture: Fixture) throws -> TrainingBatch {
        try TrainingBatch(
            batchSize: fixture.batchSize, steps: fixture.steps, notes: fixture.notes, durations: fixture.durations,
            targetNotes: fixture.targetNotes, targetDurations: fixture.targetDurations)
    }

    @Test func inferenceOutputsAndLossMatchKeras() throws {
        try BLAS.require()
        let fixture = try Self.loadFixture()
        let model = try Self.model(fixture, dropout: fixture.configuration.dropout)
        let batch = try Self.batch(fixture)
        let (notes, durations) = try model.predict(batch)
        #expect(notes.count == fixture.noteProbabilities.values.count)
        #expect(durations.count == fixture.durationProbabilities.values.count)
        for (a, b) in zip(notes, fixture.noteProbabilities.values) { #expect(abs(a - b) < 1e-5) }
        for (a, b) in zip(durations, fixture.durationProbabilities.values) { #expect(abs(a - b) < 1e-5) }
        #expect(abs(try model.loss(batch) - fixture.loss) < 1e-5)
    }

    @Test func oneAdamStepMatchesKeras() throws {
        try BLAS.require()
        let fixture = try Self.loadFixture()
        var model = try Self.model(fixture, dropout: 0)
        var optimizer = Adam()
        var random = SeededRandom(seed: 1)
        let loss = try model.train(Self.batch(fixture), optimizer: &optimizer, random: &random)
        #expect(abs(loss - fixture.trainStepLoss) < 1e-5)
        var worst: Float = 0
        for (name, tensor) in zip(model.parameterNames, model.parameters) {
            let expected = try #require(fixture.weightsAfterAdamStep[name])
            #expect(tensor.shape == expected.shape, "\(name)")
            for (a, b) in zip(tensor.scalars, expected.values) { worst = max(worst, abs(a - b)) }
        }
        #expect(worst < 1e-5, "largest weight difference \(worst)")
        // The step must have moved the weights well beyond the tolerance, or the check is empty.
        let initial = try Self.model(fixture, dropout: 0)
        let moved = zip(initial.parameters, model.parameters).map { zip($0.scalars, $1.scalars).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
        #expect(moved > 5e-4)
    }

    /// Stepping through the window element by element with carried state gives the window's
    /// prediction.
    @Test func statefulStepsMatchWindowPrediction() throws {
        try BLAS.require()
        let fixture = try Self.loadFixture()
        let model = try Self.model(fixture, dropout: fixture.configuration.dropout)
        var state = model.makeState()
        var last: (notes: [Float], durations: [Float]) = ([], [])
        for t in 0..<fixture.steps {  // window 0
            last = try model.step(note: Int(fixture.notes[t]), duration: Int(fixture.durations[t]), state: &state)
        }
        let vn = fixture.configuration.noteVocabularySize, vd = fixture.configuration.durationVocabularySize
        for (a, b) in zip(last.notes, fixture.noteProbabilities.values[0..<vn]) { #expect(abs(a - b) < 1e-5) }
        for (a, b) in zip(last.durations, fixture.durationProbabilities.values[0..<vd]) { #expect(abs(a - b) < 1e-5) }
    }
}
