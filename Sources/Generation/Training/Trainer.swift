import Foundation
import NeuralNetwork

/// Trains a ``/NeuralNetwork/SequenceModel`` on windows of a ``SequenceDataset``: shuffled batches, Adam,
/// validation loss per epoch, early stopping, a checkpoint per epoch written atomically, and
/// resuming from the last checkpoint.
///
/// The weights kept are those of the epoch with the best validation loss (the last epoch when
/// there is no validation data). Same seed, same data, same machine → same weights.
public struct Trainer: Sendable {
    /// The settings.
    public var options: TrainingOptions

    /// Creates a trainer.
    public init(options: TrainingOptions = TrainingOptions()) { self.options = options }

    /// Trains `model` in place.
    ///
    /// - Parameters:
    ///   - model: the network to train; on return, the weights of the best epoch.
    ///   - training: the training windows.
    ///   - validation: the validation windows (may be empty: then the last epoch is kept).
    ///   - checkpoint: a folder for the per-epoch checkpoint; when it holds one from an
    ///     interrupted run of the same model, training resumes after its epoch.
    ///   - progress: called after every step and at the end of every epoch.
    ///
    /// Runs `options.threads` threads of its own (training steps and validation share each batch
    /// among them) and changes no process-wide state itself. The first step loads the
    /// matrix-product library unless `BLAS.load(_:)` did, which sets OpenBLAS's thread count
    /// once, to 1 by default (what the threads here want), and may set `OPENBLAS_CORETYPE` while
    /// OpenBLAS loads: see ``/NeuralNetwork/BLAS``.
    ///
    /// - Throws: ``GenerationError/notEnoughData(_:)`` with no training window, ``/NeuralNetwork/NetworkError``
    ///   from the network, ``GenerationError/invalidModel(path:reason:cause:)`` for a corrupt checkpoint.
    public func train(_ model: inout SequenceModel, training: SequenceDataset, validation: SequenceDataset,
                      checkpoint: URL? = nil, progress: (TrainingProgress) -> Void = { _ in }) throws -> TrainingSummary {
        guard training.count > 0 else {
            throw GenerationError.notEnoughData("no training window of \(training.length + 1) elements")
        }
        try options.validate()
        var optimizer = Adam(learningRate: options.learningRate, globalClipNorm: options.clipNorm)
        var random = SeededRandom(seed: options.seed)
        var state = CheckpointState(epoch: 0, bestEpoch: 0, bestValidationLoss: nil, epochsWithoutImprovement: 0,
                                    sequences: 0, seconds: 0, lastTrainLoss: .nan)
        var best = model
        if let checkpoint, let saved = try Checkpoint.load(from: checkpoint, like: model) {
            model = saved.model
            best = saved.best
            try optimizer.restore(iterations: saved.iterations, momentums: saved.momentums, velocities: saved.velocities)
            state = saved.state
        }
        let threads = options.threads ?? SequenceModel.recommendedThreads
        let perEpoch = min(training.count, options.maximumSequencesPerEpoch ?? training.count)
        let steps = (perEpoch + options.batchSize - 1) / options.batchSize
        let unigram = Trainer.unigramLoss(training: training, validation: validation)
        let start = Date()
        let secondsBefore = state.seconds, sequencesBefore = state.sequences
        let plannedSteps = options.epochs * steps
        var stopped = false
        // The last validation pass's duration, kept free before the limit for the final one.
        var validationSeconds = 0.0

        while state.epoch < options.epochs && !stopped {
            if let patience = options.patience, state.epochsWithoutImprovement >= patience { break }
            state.epoch += 1
            // Each epoch draws from its own stream, so a resumed run repeats exactly what an
            // uninterrupted one would have done.
            random = SeededRandom(seed: options.seed &+ 0x5EED &+ UInt64(state.epoch))
            var order = Array(0..<training.count)
            order.shuffle(using: &random)
            if perEpoch < order.count { order.removeLast(order.count - perEpoch) }
            var lossSum = 0.0, seen = 0
            for step in 0..<steps {
                let slice = order[(step * options.batchSize)..<min(order.count, (step + 1) * options.batchSize)]
                let batch = try training.batch(slice).trainingBatch()
                if let schedule = options.schedule {
                    optimizer.learningRate = schedule.rate(
                        peak: options.learningRate, step: optimizer.iterations,
                        progress: progressFraction(step: optimizer.iterations, of: plannedSteps, since: start))
                }
                let loss = try model.train(batch, optimizer: &optimizer, random: &random, threads: threads)
                lossSum += loss * Double(slice.count)
                seen += slice.count
                state.sequences += slice.count
                let rate = Double(state.sequences - sequencesBefore) / max(Date().timeIntervalSince(start), 1e-9)
                let left = Double((options.epochs - state.epoch) * perEpoch + (perEpoch - seen)) / max(rate, 1e-9)
                progress(TrainingProgress(epoch: state.epoch, epochs: options.epochs, step: step + 1, steps: steps,
                                          loss: lossSum / Double(seen), sequencesPerSecond: rate,
                                          secondsLeft: secondsLeft(left, since: start), validationLoss: nil))
                if timeIsUp(since: start, reserving: validationSeconds) {
                    stopped = true
                    break
                }
            }
            state.lastTrainLoss = lossSum / Double(max(seen, 1))
            let validationStart = Date()
            let validationLoss = try Trainer.meanLoss(model, validation, batchSize: options.batchSize, threads: threads)
            validationSeconds = Date().timeIntervalSince(validationStart)
            if let validationLoss {
                if state.bestValidationLoss.map({ validationLoss < $0 }) ?? true {
                    state.bestValidationLoss = validationLoss
                    state.bestEpoch = state.epoch
                    state.epochsWithoutImprovement = 0
                    best = model
                } else {
                    state.epochsWithoutImprovement += 1
                }
            } else {
                best = model
                state.bestEpoch = state.epoch
            }
            state.seconds = secondsBefore + Date().timeIntervalSince(start)
            let rate = Double(state.sequences - sequencesBefore) / max(Date().timeIntervalSince(start), 1e-9)
            progress(TrainingProgress(epoch: state.epoch, epochs: options.epochs, step: steps, steps: steps,
                                      loss: state.lastTrainLoss, sequencesPerSecond: rate,
                                      secondsLeft: Double((options.epochs - state.epoch) * perEpoch) / max(rate, 1e-9),
                                      validationLoss: validationLoss))
            if let checkpoint {
                try Checkpoint(model: model, best: best, iterations: optimizer.iterations, momentums: optimizer.momentums,
                               velocities: optimizer.velocities, state: state).save(to: checkpoint)
            }
        }
        model = best
        let seconds = state.seconds
        return TrainingSummary(sequences: state.sequences, seconds: seconds,
                               sequencesPerSecond: Double(state.sequences) / max(seconds, 1e-9),
                               trainLoss: state.lastTrainLoss, validationLoss: state.bestValidationLoss,
                               unigramValidationLoss: unigram, epochs: state.epoch, bestEpoch: state.bestEpoch,
                               targets: state.sequences, stoppedByTimeLimit: stopped)
    }

    /// How much of the planned run is done: the larger of the share of steps and the share of
    /// the time limit.
    func progressFraction(step: Int, of planned: Int, since start: Date) -> Double {
        let byStep = Double(step) / Double(max(planned, 1))
        guard let limit = options.timeLimit else { return byStep }
        return max(byStep, Date().timeIntervalSince(start) / limit)
    }

    /// Whether this run has used its time limit, keeping `reserve` seconds for the validation
    /// pass that ends it.
    func timeIsUp(since start: Date, reserving reserve: Double = 0) -> Bool {
        options.timeLimit.map { Date().timeIntervalSince(start) + reserve >= $0 } ?? false
    }

    /// The estimate `left`, capped by what the time limit leaves.
    func secondsLeft(_ left: Double, since start: Date) -> Double {
        guard let limit = options.timeLimit else { return left }
        return min(left, max(0, limit - Date().timeIntervalSince(start)))
    }

    /// Mean loss (both heads) over every window of `data`, in inference mode; `nil` if empty.
    /// Each batch's windows are shared among `threads` threads (`SequenceModel.loss(_:threads:)`).
    public static func meanLoss(
        _ model: SequenceModel, _ data: SequenceDataset, batchSize: Int, threads: Int = 1
    ) throws -> Double? {
        guard data.count > 0 else { return nil }
        var total = 0.0
        var start = 0
        while start < data.count {
            let indices = start..<min(data.count, start + batchSize)
            total += try model.loss(try data.batch(indices).trainingBatch(), threads: threads) * Double(indices.count)
            start += batchSize
        }
        return total / Double(data.count)
    }

    /// The validation loss of a model that ignores context and predicts each label with its
    /// training frequency (add-one smoothed): the bar a sequence model has to clear.
    public static func unigramLoss(training: SequenceDataset, validation: SequenceDataset) -> Double? {
        guard validation.count > 0, training.count > 0 else { return nil }
        func targets(_ data: SequenceDataset) -> (notes: [Int32], durations: [Int32]) {
            var n: [Int32] = [], d: [Int32] = []
            for w in data.windows {
                let piece = data.pieces[w.piece]
                n.append(piece.notes[w.start + data.length])
                d.append(piece.durations[w.start + data.length])
            }
            return (n, d)
        }
        let train = targets(training), valid = targets(validation)
        func loss(_ trainLabels: [Int32], _ validLabels: [Int32]) -> Double {
            let classes = Int((trainLabels + validLabels).max() ?? 0) + 1
            var counts = [Double](repeating: 1, count: classes)
            for label in trainLabels { counts[Int(label)] += 1 }
            let total = counts.reduce(0, +)
            return validLabels.reduce(0) { $0 - log(counts[Int($1)] / total) } / Double(validLabels.count)
        }
        return loss(train.notes, valid.notes) + loss(train.durations, valid.durations)
    }
}

extension SequenceDataset.Batch {
    /// The batch in the network's input type.
    func trainingBatch() throws(NetworkError) -> TrainingBatch {
        try TrainingBatch(batchSize: size, steps: length, notes: notes, durations: durations,
                          targetNotes: targetNotes, targetDurations: targetDurations)
    }
}
