import Notation

/// The settings of corpus preprocessing, saved with a model so generation can repeat them.
public struct PreprocessingOptions: Sendable, Hashable, Codable {
    /// How many files to sample from the corpus; `nil` for all of them.
    public var fileCount: Int?
    /// Seed of the file sample and of the train/validation split.
    public var seed: UInt64
    /// The key every piece is moved to (a minor piece goes to its relative minor: A minor for
    /// C major).
    public var targetKey: Key
    /// Where a one-staff part is split into treble and bass.
    public var splitPoint: Pitch
    /// Window length of training sequences (the seed's 100).
    public var sequenceLength: Int
    /// Labels seen fewer times than this become `<unk>`.
    public var minimumLabelCount: Int
    /// Share of pieces held out for validation.
    public var validationFraction: Double

    /// Creates options; the defaults follow the seed study.
    public init(fileCount: Int? = nil, seed: UInt64 = 1, targetKey: Key = .cMajor,
                splitPoint: Pitch = Pitch(.C, octave: 4), sequenceLength: Int = 100,
                minimumLabelCount: Int = 1, validationFraction: Double = 0.1) {
        self.fileCount = fileCount
        self.seed = seed
        self.targetKey = targetKey
        self.splitPoint = splitPoint
        self.sequenceLength = sequenceLength
        self.minimumLabelCount = minimumLabelCount
        self.validationFraction = validationFraction
    }
}
