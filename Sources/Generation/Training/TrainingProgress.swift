/// Where a training run is, reported after every step.
public struct TrainingProgress: Sendable, Hashable {
    /// 1-based epoch.
    public var epoch: Int
    /// Epochs planned.
    public var epochs: Int
    /// 1-based step within the epoch.
    public var step: Int
    /// Steps per epoch.
    public var steps: Int
    /// Mean training loss so far this epoch.
    public var loss: Double
    /// Training windows per second so far this run.
    public var sequencesPerSecond: Double
    /// Estimated seconds left in the run.
    public var secondsLeft: Double
    /// Validation loss, reported once at the end of each epoch.
    public var validationLoss: Double?
}
