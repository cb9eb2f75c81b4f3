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
}
