import Testing
@testable import NeuralNetwork

@Suite struct SequenceModelTests {
    /// A repeating 6-element phrase: predicting the next element is deterministic given
    /// the window, so training must drive the loss near zero (from ≈ log 6 + log 3 ≈ 2.9).
    @Test func learnsARepeatingSequence() throws {
        try BLAS.require()
        let phrase: [(Int32, Int32)] = [(0, 0), (2, 1), (4, 0), (5, 2), (3, 1), (1, 1)]
        let configuration = ModelConfiguration(
            noteVocabularySize: 6, durationVocabularySize: 3, lstmUnits: [16, 16], denseUnits: 16, dropout: 0.1)
        var model = try SequenceModel(configuration: configuration, seed: 1)
        let steps = 8, batchSize = 6
        var notes: [Int32] = [], durations: [Int32] = [], targetNotes: [Int32] = [], targetDurations: [Int32] = []
        for start in 0..<batchSize {
            for t in 0..<steps {
                notes.append(phrase[(start + t) % 6].0)
                durations.append(phrase[(start + t) % 6].1)
            }
            targetNotes.append(phrase[(start + steps) % 6].0)
            targetDurations.append(phrase[(start + steps) % 6].1)
        }
        let batch = try TrainingBatch(
            batchSize: batchSize, steps: steps, notes: notes, durations: durations,
            targetNotes: targetNotes, targetDurations: targetDurations)
        let initial = try model.loss(batch)
        var optimizer = Adam(learningRate: 0.01)
        var random = SeededRandom(seed: 2)
        for _ in 0..<600 { try model.train(batch, optimizer: &optimizer, random: &random) }
        let final = try model.loss(batch)
        #expect(initial > 2.5)
        #expect(final < 0.01, "loss \(initial) → \(final)")
    }

    /// Training is reproducible: same seeds, same weights after several steps.
    @Test func trainingIsDeterministic() throws {
        let configuration = ModelConfiguration(noteVocabularySize: 5, durationVocabularySize: 2, lstmUnits: [6, 6], denseUnits: 4)
        let batch = try TrainingBatch(
            batchSize: 2, steps: 3, notes: [0, 1, 2, 3, 4, 0], durations: [0, 1, 0, 1, 0, 1],
            targetNotes: [3, 1], targetDurations: [0, 0])
        func run() throws -> [Tensor] {
            var model = try SequenceModel(configuration: configuration, seed: 5)
            var optimizer = Adam()
            var random = SeededRandom(seed: 6)
            for _ in 0..<5 { try model.train(batch, optimizer: &optimizer, random: &random) }
            return model.parameters
        }
        #expect(try run() == run())
    }

    /// Sharing a batch among threads gives the whole batch's mean loss and gradients
    /// (dropout off, so both paths see the same function).
    @Test func dataParallelGradientsMatchSingleThread() throws {
        let configuration = ModelConfiguration(
            noteVocabularySize: 5, durationVocabularySize: 3, lstmUnits: [6, 5], denseUnits: 4, dropout: 0)
        let model = try SequenceModel(configuration: configuration, seed: 3)
        let batch = try TrainingBatch(
            batchSize: 5, steps: 3, notes: (0..<15).map { Int32($0 % 5) }, durations: (0..<15).map { Int32($0 % 3) },
            targetNotes: [0, 1, 2, 3, 4], targetDurations: [2, 1, 0, 2, 1])
        var r1 = SeededRandom(seed: 1), r3 = SeededRandom(seed: 1)
        let single = try model.lossAndGradients(batch, random: &r1, threads: 1)
        let split = try model.lossAndGradients(batch, random: &r3, threads: 3)
        #expect(abs(single.loss - split.loss) < 1e-6)
        for (a, b) in zip(single.gradients, split.gradients) {
            for (x, y) in zip(a.scalars, b.scalars) { #expect(abs(x - y) < 1e-6) }
        }
    }

    @Test func rejectsOutOfRangeIds() throws {
        let configuration = ModelConfiguration(noteVocabularySize: 3, durationVocabularySize: 2, lstmUnits: [4], denseUnits: 4)
        let model = try SequenceModel(configuration: configuration, seed: 1)
        let bad = try TrainingBatch(batchSize: 1, steps: 2, notes: [0, 3], durations: [0, 0], targetNotes: [0], targetDurations: [0])
        #expect(throws: NetworkError.self) { try model.loss(bad) }
        var state = model.makeState()
        #expect(throws: NetworkError.self) { try model.step(note: 0, duration: 5, state: &state) }
        #expect(throws: NetworkError.self) {
            try TrainingBatch(batchSize: 2, steps: 2, notes: [0], durations: [0], targetNotes: [0], targetDurations: [0])
        }
        #expect(throws: NetworkError.self) {
            try SequenceModel(configuration: ModelConfiguration(noteVocabularySize: 3, durationVocabularySize: 2, dropout: 1), seed: 1)
        }
    }

    /// FLOP count by hand for a small configuration: LSTMs 8·u·(n+u) per step, dense 2·in·out.
    @Test func forwardFLOPs() {
        let c = ModelConfiguration(noteVocabularySize: 3, durationVocabularySize: 1, lstmUnits: [2, 2], denseUnits: 5)
        // steps 10: 10·8·2·(4+2) + 10·8·2·(2+2) = 960 + 640; dense 2·2·5 = 20; heads 2·5·4 = 40.
        #expect(c.forwardFLOPs(steps: 10) == 1660)
    }
}

@Suite struct DropoutTests {
    /// Inverted dropout: values are 0 or 1/(1 − rate), the dropped share is close to the rate,
    /// and the mean factor is close to 1 (expected activations preserved).
    @Test func maskStatistics() throws {
        let dropout = try Dropout(rate: 0.3)
        var random = SeededRandom(seed: 4)
        let mask = dropout.mask(count: 100_003, random: &random)
        #expect(mask.count == 100_003)
        #expect(mask.allSatisfy { $0 == 0 || abs($0 - 1 / 0.7) < 1e-6 })
        let dropped = Double(mask.filter { $0 == 0 }.count) / Double(mask.count)
        #expect(abs(dropped - 0.3) < 0.01)
        let mean = mask.reduce(0.0) { $0 + Double($1) } / Double(mask.count)
        #expect(abs(mean - 1) < 0.02)
        #expect(try Dropout(rate: 0).mask(count: 10, random: &random).isEmpty)
    }
}
