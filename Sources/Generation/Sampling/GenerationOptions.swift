/// How a piece is sampled from trained models.
public struct GenerationOptions: Sendable, Hashable, Codable {
    /// How rhythm is kept in order.
    public enum Rhythm: String, Sendable, Hashable, Codable, CaseIterable {
        /// Ours: both hands advance on one shared clock (the hand that is behind goes next) and a
        /// duration that would overrun the bar is not drawn, so every bar is filled exactly and
        /// the hands stay in step.
        case barAware = "bar-aware"
        /// The seed's: each hand samples its own sequence of elements independently; lengths are
        /// balanced afterwards with rests.
        case seedFaithful = "seed"
    }

    /// Top-k for notes and chords (the seed's 10).
    public var topKNotes: Int
    /// Top-k for durations (the seed's 5).
    public var topKDurations: Int
    /// Softmax temperature.
    public var temperature: Double
    /// Nucleus threshold (1 = off).
    public var topP: Double
    /// Random seed; the same seed gives the same piece.
    public var seed: UInt64
    /// Length in bars (bar-aware rhythm).
    public var bars: Int
    /// Length in elements per hand (seed-faithful rhythm); `nil` derives it from `bars`.
    public var elements: Int?
    /// The rhythm strategy.
    public var rhythm: Rhythm
    /// How strongly a hand prefers pitches consonant with what the other hand sounds when it
    /// draws (see ``HarmonicBias``): 0 leaves the model's odds alone. Only generation whose
    /// hands hear each other (``PieceGenerator/generateHearingEachOther(treble:trebleVocabularies:trebleSeed:bass:bassVocabularies:bassSeed:)``)
    /// knows the other hand's pitches at the moment.
    public var harmony: Double
    /// How strongly pitches follow the pitch-class profile of the piece's mode (see
    /// ``HarmonicBias`` and ``PieceGenerator/profile``): 0 leaves the model's odds alone.
    public var tonality: Double
    /// How much a hand repeats what the piece did before (see ``RepetitionModel``): each
    /// element, with the probability the hand's repetition model gives the match at the piece's
    /// end, times this, the element that followed the match is written again (when it fits the
    /// bar). 1 samples the mixture the model is measured as; 0 leaves the networks alone. Only
    /// generation whose hands hear each other uses it, with the models
    /// ``PieceGenerator/repetition`` holds.
    public var repetition: Double

    /// Creates options with the seed's defaults.
    public init(topKNotes: Int = 10, topKDurations: Int = 5, temperature: Double = 1, topP: Double = 1,
                seed: UInt64 = 1, bars: Int = 32, elements: Int? = nil, rhythm: Rhythm = .barAware,
                harmony: Double = 0, tonality: Double = 0, repetition: Double = 0) {
        self.topKNotes = topKNotes
        self.topKDurations = topKDurations
        self.temperature = temperature
        self.topP = topP
        self.seed = seed
        self.bars = bars
        self.elements = elements
        self.rhythm = rhythm
        self.harmony = harmony
        self.tonality = tonality
        self.repetition = repetition
    }
}
