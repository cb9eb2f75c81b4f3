import Foundation
import Testing
@testable import NeuralNetwork

/// Every step a target: the network over whole windows with a loss at every position, the
/// conditioning inputs, and the state carried from window to window.
@Suite struct EveryStepTests {
    static let configuration = ModelConfiguration(
        noteVocabularySize: 5, durationVocabularySize: 3, lstmUnits: [4, 3], denseUnits: 5, dropout: 0.25,
        conditioningSize: 2)

    /// A small model with weights drawn larger than Keras's so every gate and ReLU carries signal.
    static func model(_ configuration: ModelConfiguration = configuration, seed: UInt64 = 42) throws -> SequenceModel {
        var model = try SequenceModel(configuration: configuration, seed: seed)
        var parameters = model.parameters
        for index in parameters.indices {
            parameters[index].scalars = GradientCheck.uniform(parameters[index].count, scale: 0.8, seed: seed &+ UInt64(index))
        }
        try model.setParameters(parameters)
        return model
    }

    /// Two windows of four elements: ids, conditioning values in [−1, 1) and next-element targets.
    static func batch(conditioning width: Int = 2) throws -> SequenceBatch {
        try SequenceBatch(
            batchSize: 2, steps: 4, notes: [0, 1, 2, 3, 4, 3, 2, 1], durations: [0, 1, 2, 0, 1, 1, 2, 0],
            conditioning: GradientCheck.uniform(8 * width, seed: 5),
            targetNotes: [1, 2, 3, 4, 3, 2, 1, 0], targetDurations: [1, 2, 0, 2, 1, 2, 0, 1])
    }

    /// Backpropagation with dropout, conditioning and a carried (non-zero) initial state against
    /// central differences of the independent Double forward pass with the same masks.
    @Test func gradientsMatchFiniteDifferences() throws {
        try BLAS.require()
        let configuration = Self.configuration
        let model = try Self.model()
        let batch = try Self.batch()
        var state = RecurrentState(batchSize: 2, units: configuration.lstmUnits)
        for layer in state.hidden.indices {
            state.hidden[layer] = GradientCheck.uniform(state.hidden[layer].count, scale: 0.5, seed: 60 + UInt64(layer))
            state.cells[layer] = GradientCheck.uniform(state.cells[layer].count, scale: 0.5, seed: 70 + UInt64(layer))
        }
        var random: SeededRandom? = SeededRandom(seed: 99)
        let (loss, gradients, _) = try model.everyStepLossAndGradients(batch, state: state, random: &random)
        var maskRandom = SeededRandom(seed: 99)
        let masks = [model.dropout.mask(count: batch.steps * batch.batchSize * 4, random: &maskRandom)]
        let doubles = model.parameters.map { $0.scalars.map(Double.init) }
        func reference(_ p: [[Double]]) -> Double {
            EveryStepReference.loss(configuration: configuration, parameters: p, batch: batch,
                                    initialHidden: state.hidden, initialCells: state.cells, masks: masks)
        }
        #expect(abs(reference(doubles) - loss) < 1e-5, "Float32 loss \(loss) vs Double reference \(reference(doubles))")
        let h = 1e-5
        for (index, name) in model.parameterNames.enumerated() {
            var differenceSquared = 0.0, scaleSquared = 0.0
            for k in 0..<doubles[index].count {
                var plus = doubles, minus = doubles
                plus[index][k] += h
                minus[index][k] -= h
                let numeric = (reference(plus) - reference(minus)) / (2 * h)
                let analytic = Double(gradients[index].scalars[k])
                differenceSquared += (analytic - numeric) * (analytic - numeric)
                scaleSquared += max(analytic * analytic, numeric * numeric)
            }
            let error = scaleSquared == 0 ? 0 : (differenceSquared / scaleSquared).squareRoot()
            #expect(error < GradientCheckTests.tolerance, "\(name): norm-wise relative error \(error)")
        }
    }

    /// Hand-computed: with every weight zero the logits are zero, so each position costs
    /// log 5 + log 3 (uniform over 5 notes and 3 durations).
    @Test func zeroWeightsCostLogOfVocabularies() throws {
        try BLAS.require()
        var model = try SequenceModel(configuration: Self.configuration, seed: 1)
        try model.setParameters(model.parameters.map { Tensor(shape: $0.shape) })
        let (loss, _) = try model.everyStepLoss(try Self.batch(), state: nil)
        #expect(abs(loss - (log(5.0) + log(3.0))) < 1e-6)
    }

    /// Position t's prediction equals the seed's last-step prediction after the window's first
    /// t + 1 elements: the two passes share nothing but the layers.
    @Test func everyPositionMatchesTheLastStepPrediction() throws {
        try BLAS.require()
        var configuration = Self.configuration
        configuration.conditioningSize = 0
        let model = try Self.model(configuration, seed: 7)
        let batch = try Self.batch(conditioning: 0)
        let (notes, durations, _) = try model.everyStepPredict(batch, state: nil)
        for s in 0..<batch.batchSize {
            for t in 0..<batch.steps {
                let prefix = (s * batch.steps)..<(s * batch.steps + t + 1)
                let window = try TrainingBatch(
                    batchSize: 1, steps: t + 1, notes: Array(batch.notes[prefix]), durations: Array(batch.durations[prefix]),
                    targetNotes: [0], targetDurations: [0])
                let expected = try model.predict(window)
                let k = s * batch.steps + t
                for j in 0..<5 { #expect(abs(notes[k * 5 + j] - expected.notes[j]) < 1e-5) }
                for j in 0..<3 { #expect(abs(durations[k * 3 + j] - expected.durations[j]) < 1e-5) }
            }
        }
    }

    /// Truncated back-propagation's forward half: two windows with the state carried equal one
    /// window twice as long, and equal feeding the elements one by one as generation does.
    @Test func carriedStateContinuesThePiece() throws {
        try BLAS.require()
        let model = try Self.model()
        let notes: [Int32] = [0, 1, 2, 3, 4, 3, 2, 1], durations: [Int32] = [0, 1, 2, 0, 1, 1, 2, 0]
        let conditioning = GradientCheck.uniform(16, seed: 8)
        let whole = try SequenceBatch(batchSize: 1, steps: 8, notes: notes, durations: durations,
                                      conditioning: conditioning, targetNotes: notes, targetDurations: durations)
        let first = try whole.windows(0..<1)
        func half(_ range: Range<Int>) throws -> SequenceBatch {
            try SequenceBatch(batchSize: 1, steps: 4, notes: Array(notes[range]), durations: Array(durations[range]),
                              conditioning: Array(conditioning[(range.lowerBound * 2)..<(range.upperBound * 2)]),
                              targetNotes: Array(notes[range]), targetDurations: Array(durations[range]))
        }
        #expect(first == whole)
        let full = try model.everyStepPredict(whole, state: nil)
        let a = try model.everyStepPredict(try half(0..<4), state: nil)
        let b = try model.everyStepPredict(try half(4..<8), state: a.state)
        for (x, y) in zip(full.notes, a.notes + b.notes) { #expect(abs(x - y) < 1e-5) }
        var state = model.makeState()
        for t in 0..<8 {
            let p = try model.step(note: Int(notes[t]), duration: Int(durations[t]),
                                   conditioning: Array(conditioning[(2 * t)..<(2 * t + 2)]), state: &state)
            for j in 0..<5 { #expect(abs(p.notes[j] - full.notes[t * 5 + j]) < 1e-5) }
        }
    }

    /// Sharing the windows among threads changes nothing but rounding when dropout is off.
    @Test func threadsAgreeWithOneThread() throws {
        try BLAS.require()
        var configuration = Self.configuration
        configuration.dropout = 0
        let model = try Self.model(configuration)
        let batch = try Self.batch()
        var r1 = SeededRandom(seed: 1), r2 = SeededRandom(seed: 1)
        let one = try model.everyStepLossAndGradients(batch, state: nil, random: &r1, threads: 1)
        let two = try model.everyStepLossAndGradients(batch, state: nil, random: &r2, threads: 2)
        #expect(abs(one.loss - two.loss) < 1e-6)
        for (g1, g2) in zip(one.gradients, two.gradients) {
            for (x, y) in zip(g1.scalars, g2.scalars) { #expect(abs(x - y) < 1e-5) }
        }
        for (x, y) in zip(one.state.hidden[1], two.state.hidden[1]) { #expect(abs(x - y) < 1e-6) }
    }

    /// A training step lowers the loss on the batch it learnt from.
    @Test func trainingLowersTheLoss() throws {
        try BLAS.require()
        var configuration = Self.configuration
        configuration.dropout = 0
        var model = try SequenceModel(configuration: configuration, seed: 3)
        let batch = try Self.batch()
        var optimizer = Adam(learningRate: 0.05)
        var random = SeededRandom(seed: 4)
        let before = try model.everyStepLoss(batch, state: nil).loss
        for _ in 0..<100 {
            var state = RecurrentState(batchSize: 2, units: Self.configuration.lstmUnits)
            try model.trainEveryStep(batch, state: &state, optimizer: &optimizer, random: &random)
        }
        let after = try model.everyStepLoss(batch, state: nil).loss
        #expect(after < before * 0.5, "loss \(before) → \(after)")
    }

    /// Bad input is a typed error, never a crash.
    @Test func badInputIsRefused() throws {
        try BLAS.require()
        let model = try Self.model()
        #expect(throws: NetworkError.self) { try model.everyStepLoss(try Self.batch(conditioning: 3), state: nil) }
        #expect(throws: NetworkError.self) {
            try model.everyStepLoss(try Self.batch(), state: RecurrentState(batchSize: 3, units: [4, 3]))
        }
        #expect(throws: NetworkError.self) {
            try model.everyStepLoss(
                try SequenceBatch(batchSize: 1, steps: 1, notes: [9], durations: [0], conditioning: [0, 0],
                                  targetNotes: [0], targetDurations: [0]), state: nil)
        }
        #expect(throws: NetworkError.self) {
            try SequenceBatch(batchSize: 1, steps: 2, notes: [0], durations: [0], targetNotes: [0], targetDurations: [0])
        }
        var state = model.makeState()
        #expect(throws: NetworkError.self) { try model.step(note: 0, duration: 0, conditioning: [1], state: &state) }
    }

    /// A configuration file written before conditioning existed reads as unconditioned, and an
    /// unconditioned configuration writes no new key.
    @Test func configurationWithoutConditioningKeepsItsFormat() throws {
        let old = #"{"denseUnits":5,"dropout":0.25,"durationVocabularySize":3,"lstmUnits":[4],"noteVocabularySize":5}"#
        let decoded = try JSONDecoder().decode(ModelConfiguration.self, from: Data(old.utf8))
        #expect(decoded.conditioningSize == 0)
        #expect(decoded.inputSize == 8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: try encoder.encode(decoded), as: UTF8.self) == old)
        let conditioned = try JSONDecoder().decode(ModelConfiguration.self, from: try encoder.encode(Self.configuration))
        #expect(conditioned == Self.configuration)
        #expect(Self.configuration.parameterCount == (try SequenceModel(configuration: Self.configuration, seed: 1)).parameterCount)
    }
}
