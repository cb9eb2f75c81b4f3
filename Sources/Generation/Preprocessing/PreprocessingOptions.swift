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
    /// How elements become tokens: a chord label per element (the seed's way) or a token per
    /// pitch. Recorded in a model's manifest only when it is not ``TokenEncoding/chords``, so
    /// manifests written before it existed read as chord-encoded.
    public var tokenEncoding: TokenEncoding
    /// Opt-in augmentation: training pieces are also learnt moved by up to this many semitones
    /// either way (6: in every key; see ``KeyAugmentation``); 0 (the default) moves nothing.
    /// Recorded in a manifest only when not 0.
    public var keyAugmentation: Int

    /// Creates options; the defaults follow the seed study.
    public init(fileCount: Int? = nil, seed: UInt64 = 1, targetKey: Key = .cMajor,
                splitPoint: Pitch = Pitch(.C, octave: 4), sequenceLength: Int = 100,
                minimumLabelCount: Int = 1, validationFraction: Double = 0.1, tokenEncoding: TokenEncoding = .chords,
                keyAugmentation: Int = 0) {
        self.fileCount = fileCount
        self.seed = seed
        self.targetKey = targetKey
        self.splitPoint = splitPoint
        self.sequenceLength = sequenceLength
        self.minimumLabelCount = minimumLabelCount
        self.validationFraction = validationFraction
        self.tokenEncoding = tokenEncoding
        self.keyAugmentation = keyAugmentation
    }

    private enum CodingKeys: String, CodingKey {
        case fileCount, seed, targetKey, splitPoint, sequenceLength, minimumLabelCount, validationFraction, tokenEncoding, keyAugmentation
    }

    /// Reads options; a missing `tokenEncoding` (every manifest and shard before it existed)
    /// is ``TokenEncoding/chords``, a missing `keyAugmentation` 0.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fileCount = try c.decodeIfPresent(Int.self, forKey: .fileCount)
        seed = try c.decode(UInt64.self, forKey: .seed)
        targetKey = try c.decode(Key.self, forKey: .targetKey)
        splitPoint = try c.decode(Pitch.self, forKey: .splitPoint)
        sequenceLength = try c.decode(Int.self, forKey: .sequenceLength)
        minimumLabelCount = try c.decode(Int.self, forKey: .minimumLabelCount)
        validationFraction = try c.decode(Double.self, forKey: .validationFraction)
        tokenEncoding = try c.decodeIfPresent(TokenEncoding.self, forKey: .tokenEncoding) ?? .chords
        keyAugmentation = try c.decodeIfPresent(Int.self, forKey: .keyAugmentation) ?? 0
    }

    /// Writes options; ``TokenEncoding/chords`` and no augmentation are left out, so a chord-encoded model's manifest
    /// (and a shard's) is byte for byte what it was before the encoding could be chosen.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(fileCount, forKey: .fileCount)
        try c.encode(seed, forKey: .seed)
        try c.encode(targetKey, forKey: .targetKey)
        try c.encode(splitPoint, forKey: .splitPoint)
        try c.encode(sequenceLength, forKey: .sequenceLength)
        try c.encode(minimumLabelCount, forKey: .minimumLabelCount)
        try c.encode(validationFraction, forKey: .validationFraction)
        if tokenEncoding != .chords { try c.encode(tokenEncoding, forKey: .tokenEncoding) }
        if keyAugmentation != 0 { try c.encode(keyAugmentation, forKey: .keyAugmentation) }
    }
}
