import Foundation
import NeuralNetwork

/// What both training loops (``Trainer/train(_:training:validation:checkpoint:progress:)`` and
/// ``Trainer/trainEveryStep(_:training:validation:checkpoint:progress:)``) share, so that
/// resuming, the learning-rate schedule, the time limit, early stopping and checkpoints behave
/// the same whichever way the batches are made.
struct TrainingRun {
    /// The settings.
    let options: TrainingOptions
    /// The optimiser, restored from the checkpoint when resuming.
    var optimizer: Adam
    /// The random stream of the current epoch.
    var random: SeededRandom
    /// Counters and the best validation loss so far.
    var state: CheckpointState
    /// The weights of the best epoch so far.
    var best: SequenceModel
    /// When this process started training (a resumed run counts its earlier seconds apart).
    let start = Date()
    private let secondsBefore: Double
    private let sequencesBefore: Int
    /// The last validation pass's duration, kept free before the time limit for the final one.
    private var validationSeconds = 0.0

    /// Starts a run, or resumes the one whose checkpoint is in `checkpoint` (then `model`
    /// becomes the checkpoint's weights).
    init(model: inout SequenceModel, options: TrainingOptions, checkpoint: URL?) throws {
        self.options = options
        optimizer = Adam(learningRate: options.learningRate, globalClipNorm: options.clipNorm)
        random = SeededRandom(seed: options.seed)
        state = CheckpointState(epoch: 0, bestEpoch: 0, bestValidationLoss: nil, epochsWithoutImprovement: 0,
                                sequences: 0, seconds: 0, lastTrainLoss: .nan)
        best = model
        if let checkpoint, let saved = try Checkpoint.load(from: checkpoint, like: model) {
            model = saved.model
            best = saved.best
            try optimizer.restore(iterations: saved.iterations, momentums: saved.momentums, velocities: saved.velocities)
            state = saved.state
        }
        secondsBefore = state.seconds
        sequencesBefore = state.sequences
    }

    /// Begins the next epoch, or returns `false` when the epochs are done or patience ran out.
    mutating func beginEpoch() -> Bool {
        guard state.epoch < options.epochs else { return false }
        if let patience = options.patience, state.epochsWithoutImprovement >= patience { return false }
        state.epoch += 1
        // Each epoch draws from its own stream, so a resumed run repeats exactly what an
        // uninterrupted one would have done.
        random = SeededRandom(seed: options.seed &+ 0x5EED &+ UInt64(state.epoch))
        return true
    }

    /// Sets the learning rate the schedule gives for the next step of `plannedSteps`.
    mutating func scheduleLearningRate(plannedSteps: Int) {
        guard let schedule = options.schedule else { return }
        optimizer.learningRate = schedule.rate(
            peak: options.learningRate, step: optimizer.iterations,
            progress: progressFraction(step: optimizer.iterations, of: plannedSteps))
    }

    /// Windows learnt per second by this process.
    var rate: Double {
        Double(state.sequences - sequencesBefore) / max(Date().timeIntervalSince(start), 1e-9)
    }

    /// The progress report after a step: `windowsLeft` is what the run still has to learn.
    func stepProgress(step: Int, of steps: Int, loss: Double, windowsLeft: Int) -> TrainingProgress {
        let rate = rate
        return TrainingProgress(epoch: state.epoch, epochs: options.epochs, step: step, steps: steps, loss: loss,
                                sequencesPerSecond: rate, secondsLeft: secondsLeft(Double(windowsLeft) / max(rate, 1e-9)),
                                validationLoss: nil)
    }

    /// Whether the time limit is reached, keeping the last validation pass's duration free.
    func timeIsUp() -> Bool {
        options.timeLimit.map { Date().timeIntervalSince(start) + validationSeconds >= $0 } ?? false
    }

    /// Ends an epoch: validates with `validate` (`nil`: no validation data, the last epoch is
    /// kept), keeps the best weights, counts patience, reports and writes the checkpoint.
    mutating func endEpoch(
        model: SequenceModel, trainLoss: Double, steps: Int, windowsPerEpoch: Int, checkpoint: URL?,
        progress: (TrainingProgress) -> Void, validate: () throws -> Double?
    ) throws {
        state.lastTrainLoss = trainLoss
        let validationStart = Date()
        let validationLoss = try validate()
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
        let rate = rate
        progress(TrainingProgress(epoch: state.epoch, epochs: options.epochs, step: steps, steps: steps,
                                  loss: state.lastTrainLoss, sequencesPerSecond: rate,
                                  secondsLeft: secondsLeft(Double((options.epochs - state.epoch) * windowsPerEpoch)
                                                           / max(rate, 1e-9)),
                                  validationLoss: validationLoss))
        if let checkpoint {
            try Checkpoint(model: model, best: best, iterations: optimizer.iterations, momentums: optimizer.momentums,
                           velocities: optimizer.velocities, state: state).save(to: checkpoint)
        }
    }

    /// The summary of the run; `targets` is how many predictions it learnt from.
    func summary(unigramValidationLoss: Double?, targets: Int, stoppedByTimeLimit: Bool) -> TrainingSummary {
        let seconds = state.seconds
        return TrainingSummary(sequences: state.sequences, seconds: seconds,
                               sequencesPerSecond: Double(state.sequences) / max(seconds, 1e-9),
                               trainLoss: state.lastTrainLoss, validationLoss: state.bestValidationLoss,
                               unigramValidationLoss: unigramValidationLoss, epochs: state.epoch,
                               bestEpoch: state.bestEpoch, targets: targets, stoppedByTimeLimit: stoppedByTimeLimit)
    }

    /// How much of the planned run is done: the larger of the share of steps and the share of
    /// the time limit.
    private func progressFraction(step: Int, of planned: Int) -> Double {
        let byStep = Double(step) / Double(max(planned, 1))
        guard let limit = options.timeLimit else { return byStep }
        return max(byStep, Date().timeIntervalSince(start) / limit)
    }

    /// The estimate `left`, capped by what the time limit leaves.
    private func secondsLeft(_ left: Double) -> Double {
        guard let limit = options.timeLimit else { return left }
        return min(left, max(0, limit - Date().timeIntervalSince(start)))
    }
}
