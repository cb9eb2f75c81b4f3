import NeuralNetwork
/// Settings of one training run.
public struct TrainingOptions: Sendable, Hashable, Codable {
    /// Passes over the training windows.
    public var epochs: Int
    /// Windows per step (the seed's 64).
    public var batchSize: Int
    /// Adam's learning rate (Keras's default 0.001).
    public var learningRate: Float
    /// Clip the global gradient norm to this, if set.
    public var clipNorm: Float?
    /// Seed of initialisation, dropout and shuffling.
    public var seed: UInt64
    /// Stop after this many epochs without a better validation loss (`nil`: never).
    public var patience: Int?
    /// Use at most this many training windows per epoch, sampled afresh each epoch (`nil`: all).
    public var maximumSequencesPerEpoch: Int?
    /// Threads sharing each batch (`nil`: `SequenceModel.recommendedThreads`, the whole
    /// machine). Results depend on it, because each thread draws its own dropout masks.
    /// These are the trainer's own threads; OpenBLAS's process-wide thread count is not changed
    /// by training (it is set once when the library loads, to 1 unless `BLAS.load(_:)` chose
    /// otherwise).
    public var threads: Int?
    /// Stop after this many seconds of training, keeping the weights of the best validation
    /// loss, the partial epoch included; `nil`: no limit. Checked after every step, keeping free
    /// the time the last validation pass took (the final pass measures the partial epoch), so a
    /// run ends near the limit rather than a validation pass after it. `recompose
    /// train --time-limit MINUTES` shares it among the clefs.
    public var timeLimit: Double?
    /// The learning-rate schedule (`nil`: constant, the seed's).
    public var schedule: LearningRateSchedule?

    /// Creates options.
    public init(epochs: Int = 20, batchSize: Int = 64, learningRate: Float = 0.001, clipNorm: Float? = 5,
                seed: UInt64 = 1, patience: Int? = 5, maximumSequencesPerEpoch: Int? = nil, threads: Int? = nil,
                timeLimit: Double? = nil, schedule: LearningRateSchedule? = nil) {
        self.timeLimit = timeLimit
        self.schedule = schedule
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.clipNorm = clipNorm
        self.seed = seed
        self.patience = patience
        self.maximumSequencesPerEpoch = maximumSequencesPerEpoch
        self.threads = threads
    }

    /// Checks the settings.
    ///
    /// - Throws: ``GenerationError/Code/invalidOptions`` for a time limit that is not positive
    ///   (or not finite), no epoch, an empty batch or a learning rate that is not positive.
    public func validate() throws(GenerationError) {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw .invalidOptions("the time limit must be a positive number of minutes, not \(timeLimit / 60)")
        }
        guard epochs >= 1 else { throw .invalidOptions("epochs must be at least 1, not \(epochs)") }
        guard batchSize >= 1 else { throw .invalidOptions("the batch size must be at least 1, not \(batchSize)") }
        guard learningRate > 0, learningRate.isFinite else {
            throw .invalidOptions("the learning rate must be positive, not \(learningRate)")
        }
    }
}
