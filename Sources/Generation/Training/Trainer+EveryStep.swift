import Foundation
import NeuralNetwork

extension Trainer {
    /// Trains `model` with every step a target (``Recipe/duet``): each epoch deals the
    /// training pieces, shuffled, to ``TrainingOptions/batchSize`` streams; step k trains on the
    /// k-th window of every stream at once, each row starting from the state its stream reached
    /// after window k − 1 (zeros at a piece's start). The loss of a step is the mean over all its
    /// positions.
    ///
    /// ``TrainingOptions/maximumSequencesPerEpoch`` keeps whole pieces, in each epoch's shuffled
    /// order, while their windows fit in it (at least one piece).
    ///
    /// Otherwise as ``train(_:training:validation:checkpoint:progress:)``: validation loss (the
    /// same every-step loss, the validation pieces streamed alike) after every epoch, the best
    /// epoch's weights kept, early stopping after ``TrainingOptions/patience`` epochs without
    /// improvement, a checkpoint per epoch written atomically and resumed from, the learning-rate
    /// ``TrainingOptions/schedule`` and the ``TrainingOptions/timeLimit``.
    ///
    /// - Throws: ``GenerationError/notEnoughData(_:)`` when no piece has a whole window,
    ///   ``GenerationError/Code/invalidOptions`` for bad options, ``/NeuralNetwork/NetworkError``
    ///   from the network, ``GenerationError/invalidModel(path:reason:cause:)`` for a corrupt
    ///   checkpoint.
    public func trainEveryStep(_ model: inout SequenceModel, training: StreamDataset, validation: StreamDataset,
                               checkpoint: URL? = nil, progress: (TrainingProgress) -> Void = { _ in }) throws -> TrainingSummary {
        guard training.targetCount > 0 else {
            throw GenerationError.notEnoughData("no piece of more than \(training.length) elements")
        }
        try options.validate()
        let threads = options.threads ?? SequenceModel.recommendedThreads
        let streamCount = options.batchSize
        let units = model.lstms.map(\.units)
        let windowsPerEpoch = training.pieces.indices.reduce(0) { $0 + training.windowCount($1) }
        // Streams are dealt greedily, so an epoch is about this many steps.
        let stepsPerEpoch = (windowsPerEpoch + streamCount - 1) / streamCount
        let unigram = Trainer.unigramLoss(training: training, validation: validation)
        var run = try TrainingRun(model: &model, options: options, checkpoint: checkpoint)
        var stopped = false
        while !stopped && run.beginEpoch() {
            var order = Array(training.pieces.indices)
            order.shuffle(using: &run.random)
            if let maximum = options.maximumSequencesPerEpoch {
                // Whole pieces, in the shuffled order, until the windows reach the maximum.
                var kept = 0, windows = 0
                while kept < order.count && (kept == 0 || windows + training.windowCount(order[kept]) <= maximum) {
                    windows += training.windowCount(order[kept])
                    kept += 1
                }
                order.removeLast(order.count - kept)
            }
            let streams = training.streams(streamCount, order: order)
            let steps = streams.map(\.count).max() ?? 0
            var carried = RecurrentState(batchSize: streams.count, units: units)
            var lossSum = 0.0, seen = 0
            for k in 0..<steps {
                let rows = streams.indices.filter { streams[$0].count > k }
                let windows = rows.map { streams[$0][k] }
                for (row, window) in zip(rows, windows) where window.index == 0 { carried.reset(row: row) }
                var rowState = rows.count == streams.count ? carried : carried.rows(rows)
                run.scheduleLearningRate(plannedSteps: options.epochs * stepsPerEpoch)
                let loss = try model.trainEveryStep(try training.batch(windows), state: &rowState,
                                                    optimizer: &run.optimizer, random: &run.random, threads: threads)
                if rows.count == streams.count { carried = rowState } else { carried.setRows(rows, from: rowState) }
                lossSum += loss * Double(windows.count)
                seen += windows.count
                run.state.sequences += windows.count
                progress(run.stepProgress(step: k + 1, of: steps, loss: lossSum / Double(seen),
                                          windowsLeft: (options.epochs - run.state.epoch) * windowsPerEpoch
                                              + (windowsPerEpoch - seen)))
                if run.timeIsUp() {
                    stopped = true
                    break
                }
            }
            try run.endEpoch(model: model, trainLoss: lossSum / Double(max(seen, 1)), steps: steps,
                             windowsPerEpoch: windowsPerEpoch, checkpoint: checkpoint, progress: progress) {
                try Trainer.meanEveryStepLoss(model, validation, streams: streamCount, threads: threads)
            }
        }
        model = run.best
        return run.summary(unigramValidationLoss: unigram, targets: run.state.sequences * training.length,
                           stoppedByTimeLimit: stopped)
    }

    /// Reads every whole window of `data` in inference order: the pieces dealt to `streams`
    /// streams, each read from its start with the state carried from window to window. `step`
    /// gets each batch's windows, their batch and their state, and returns the state after them.
    static func readInferenceWindows(
        _ model: SequenceModel, _ data: StreamDataset, streams: Int,
        _ step: ([StreamDataset.Window], SequenceBatch, RecurrentState) throws -> RecurrentState
    ) throws {
        let lanes = data.streams(max(1, streams), order: Array(data.pieces.indices))
        var carried = RecurrentState(batchSize: lanes.count, units: model.lstms.map(\.units))
        for k in 0..<(lanes.map(\.count).max() ?? 0) {
            let rows = lanes.indices.filter { lanes[$0].count > k }
            let windows = rows.map { lanes[$0][k] }
            for (row, window) in zip(rows, windows) where window.index == 0 { carried.reset(row: row) }
            carried.setRows(rows, from: try step(windows, try data.batch(windows), carried.rows(rows)))
        }
    }

    /// Mean every-step loss (both heads) over every position of every whole window of `data`,
    /// in inference mode, each piece read from its start with the state carried from window to
    /// window; `nil` if there is no window.
    public static func meanEveryStepLoss(
        _ model: SequenceModel, _ data: StreamDataset, streams: Int, threads: Int = 1
    ) throws -> Double? {
        guard data.targetCount > 0 else { return nil }
        var total = 0.0, windowsSeen = 0
        try readInferenceWindows(model, data, streams: streams) { windows, batch, state in
            let (loss, after) = try model.everyStepLoss(batch, state: state, threads: threads)
            total += loss * Double(windows.count)
            windowsSeen += windows.count
            return after
        }
        return total / Double(max(windowsSeen, 1))
    }

    /// The natural log-probability (both heads) the network gives every target of every whole
    /// window of `data`, piece by piece in order (element 1 up to the last whole window's end),
    /// in inference mode, each piece read as ``meanEveryStepLoss(_:_:streams:threads:)`` reads it.
    public static func everyStepTargetLogProbabilities(
        _ model: SequenceModel, _ data: StreamDataset, streams: Int
    ) throws -> [[Double]] {
        var result = data.pieces.indices.map { [Double](repeating: 0, count: data.windowCount($0) * data.length) }
        guard data.targetCount > 0 else { return result }
        try readInferenceWindows(model, data, streams: streams) { windows, batch, state in
            let (values, after) = try model.everyStepTargetLogProbabilities(batch, state: state)
            for (r, window) in windows.enumerated() {
                let first = window.index * data.length
                for step in 0..<data.length { result[window.piece][first + step] = values[r * data.length + step] }
            }
            return after
        }
        return result
    }

    /// The unigram baseline (``unigramLoss(training:validation:)``) over every element a stream
    /// dataset teaches.
    public static func unigramLoss(training: StreamDataset, validation: StreamDataset) -> Double? {
        func targets(_ data: StreamDataset) -> (notes: [Int32], durations: [Int32]) {
            var n: [Int32] = [], d: [Int32] = []
            for (p, piece) in data.pieces.enumerated() {
                let count = data.windowCount(p) * data.length
                guard count > 0 else { continue }
                n += piece.notes[1...count]
                d += piece.durations[1...count]
            }
            return (n, d)
        }
        let train = targets(training), valid = targets(validation)
        guard !train.notes.isEmpty, !valid.notes.isEmpty else { return nil }
        return unigramLoss(train.notes, valid.notes) + unigramLoss(train.durations, valid.durations)
    }

    /// −mean log p of `validLabels` under add-one smoothed frequencies of `trainLabels`.
    static func unigramLoss(_ trainLabels: [Int32], _ validLabels: [Int32]) -> Double {
        let classes = Int((trainLabels + validLabels).max() ?? 0) + 1
        var counts = [Double](repeating: 1, count: classes)
        for label in trainLabels { counts[Int(label)] += 1 }
        let total = counts.reduce(0, +)
        return validLabels.reduce(0) { $0 - log(counts[Int($1)] / total) } / Double(validLabels.count)
    }
}
