/// What a training run did, for the closing report and `--json`.
public struct TrainingSummary: Sendable, Hashable, Codable {
    /// Training windows processed (over all epochs).
    public var sequences: Int
    /// Wall-clock seconds.
    public var seconds: Double
    /// `sequences / seconds`.
    public var sequencesPerSecond: Double
    /// Mean training loss of the last epoch (both heads summed).
    public var trainLoss: Double
    /// Validation loss of the best epoch (both heads summed); `nil` without validation data.
    public var validationLoss: Double?
    /// The validation loss of a frequency-only model (the unigram baseline) for comparison.
    public var unigramValidationLoss: Double?
    /// Epochs run (including resumed ones).
    public var epochs: Int
    /// The epoch whose weights were kept.
    public var bestEpoch: Int
    /// Targets learnt (over all epochs): one per window for the seed's training, one per
    /// element of every window for every-step training; `nil` in manifests written before it.
    public var targets: Int?
    /// Whether the run stopped at ``TrainingOptions/timeLimit`` (`nil` in older manifests).
    public var stoppedByTimeLimit: Bool?

    /// Creates a summary.
    public init(sequences: Int, seconds: Double, sequencesPerSecond: Double, trainLoss: Double, validationLoss: Double?,
                unigramValidationLoss: Double?, epochs: Int, bestEpoch: Int, targets: Int? = nil,
                stoppedByTimeLimit: Bool? = nil) {
        self.sequences = sequences
        self.seconds = seconds
        self.sequencesPerSecond = sequencesPerSecond
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
        self.unigramValidationLoss = unigramValidationLoss
        self.epochs = epochs
        self.bestEpoch = bestEpoch
        self.targets = targets
        self.stoppedByTimeLimit = stoppedByTimeLimit
    }

    /// Targets learnt per second.
    public var targetsPerSecond: Double { Double(targets ?? sequences) / max(seconds, 1e-9) }
}
