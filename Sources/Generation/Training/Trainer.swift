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
        let threads = options.threads ?? SequenceModel.recommendedThreads
        let perEpoch = min(training.count, options.maximumSequencesPerEpoch ?? training.count)
        let steps = (perEpoch + options.batchSize - 1) / options.batchSize
        let unigram = Trainer.unigramLoss(training: training, validation: validation)
        var run = try TrainingRun(model: &model, options: options, checkpoint: checkpoint)
        var stopped = false
        while !stopped && run.beginEpoch() {
            var order = Array(0..<training.count)
            order.shuffle(using: &run.random)
            if perEpoch < order.count { order.removeLast(order.count - perEpoch) }
            var lossSum = 0.0, seen = 0
            for step in 0..<steps {
                let slice = order[(step * options.batchSize)..<min(order.count, (step + 1) * options.batchSize)]
                let batch = try training.batch(slice).trainingBatch()
                run.scheduleLearningRate(plannedSteps: options.epochs * steps)
                let loss = try model.train(batch, optimizer: &run.optimizer, random: &run.random, threads: threads)
                lossSum += loss * Double(slice.count)
                seen += slice.count
                run.state.sequences += slice.count
                progress(run.stepProgress(step: step + 1, of: steps, loss: lossSum / Double(seen),
                                          windowsLeft: (options.epochs - run.state.epoch) * perEpoch + (perEpoch - seen)))
                if run.timeIsUp() {
                    stopped = true
                    break
                }
            }
            try run.endEpoch(model: model, trainLoss: lossSum / Double(max(seen, 1)), steps: steps,
                             windowsPerEpoch: perEpoch, checkpoint: checkpoint, progress: progress) {
                try Trainer.meanLoss(model, validation, batchSize: options.batchSize, threads: threads)
            }
        }
        model = run.best
        return run.summary(unigramValidationLoss: unigram, targets: run.state.sequences, stoppedByTimeLimit: stopped)
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
