import Notation

/// What to compose and how to sample it: key, tempo, meter and length of the piece, the
/// sampling settings, the random seed and, optionally, the music to start from. What
/// ``ModelBundle/compose(_:)`` takes.
///
/// The defaults are those of `recompose generate`. The same model, options and seed always
/// give the same piece.
///
/// ```swift
/// var options = CompositionOptions(key: Key(.E, .minor), tempo: 120, bars: 16, seed: 3)
/// options.temperature = 0.9
/// let piece = try model.compose(options)
/// ```
public struct CompositionOptions: Sendable, Hashable {
    /// The key to write the piece in. Its mode chooses the corpus window the models start from
    /// (when there is no ``prompt``), so a minor key starts from minor material.
    public var key: Key
    /// Quarter notes per minute.
    public var tempo: Double
    /// The meter.
    public var meter: TimeSignature
    /// Length in bars: every bar is filled exactly (``GenerationOptions/Rhythm/barAware``).
    public var bars: Int
    /// Length in elements per hand instead of bars; setting it samples each hand on its own
    /// (``GenerationOptions/Rhythm/seedFaithful``), as the seed study did.
    public var elements: Int?
    /// How rhythm is kept in order (ignored when ``elements`` is set); `nil` follows the
    /// model's recipe (``Recipe/rhythm``: the seed's for ``Recipe/seed``, else bar-aware).
    public var rhythm: GenerationOptions.Rhythm?
    /// Sample among this many most likely notes/chords (the seed's 10).
    public var topKNotes: Int
    /// Sample among this many most likely durations (the seed's 5).
    public var topKDurations: Int
    /// Softmax temperature: below 1 sharper, above 1 flatter. Must be positive.
    public var temperature: Double
    /// Nucleus (top-p) threshold in (0, 1]; 1 turns it off.
    public var topP: Double
    /// How strongly each hand prefers pitches consonant with the other hand's (see
    /// ``HarmonicBias``); `nil` follows the model's recipe (``Recipe/harmony``).
    public var harmony: Double?
    /// How strongly pitches follow the corpus's pitch-class profile of the key's mode (see
    /// ``HarmonicBias``); `nil` follows the model's recipe (``Recipe/tonality``).
    public var tonality: Double?
    /// How much each hand repeats what the piece did before (see ``RepetitionModel``); `nil`
    /// follows the model's recipe (``Recipe/repetition``).
    public var repetition: Double?
    /// The random seed of sampling and of the choice of corpus window.
    public var seed: UInt64
    /// The music both models are primed with; `nil` starts from one of the model's corpus
    /// windows in the key's mode, chosen by ``seed``. See ``ModelBundle/prompt(contentsOf:)``.
    public var prompt: Prompt?
    /// The title written into the score.
    public var title: String
    /// The composer credit written into the score.
    public var composer: String

    /// Creates options; every default is `recompose generate`'s.
    public init(key: Key = .cMajor, tempo: Double = 90, meter: TimeSignature = .commonTime, bars: Int = 32,
                seed: UInt64 = 1, elements: Int? = nil, rhythm: GenerationOptions.Rhythm? = nil,
                topKNotes: Int = 10, topKDurations: Int = 5, temperature: Double = 1, topP: Double = 1,
                prompt: Prompt? = nil, title: String = "Recomposed", composer: String = "Recompose") {
        self.key = key
        self.tempo = tempo
        self.meter = meter
        self.bars = bars
        self.seed = seed
        self.elements = elements
        self.rhythm = rhythm
        self.topKNotes = topKNotes
        self.topKDurations = topKDurations
        self.temperature = temperature
        self.topP = topP
        self.prompt = prompt
        self.title = title
        self.composer = composer
    }

    /// The sampling settings these options give ``PieceGenerator`` (bar-aware when ``rhythm``
    /// is `nil`; ``generation(recipe:)`` follows a model's recipe instead).
    public var generation: GenerationOptions { generation(recipe: .barAware) }

    /// The sampling settings for a model of `recipe`: ``rhythm``, ``harmony``, ``tonality`` and ``repetition``,
    /// or the recipe's where `nil`.
    public func generation(recipe: Recipe) -> GenerationOptions {
        GenerationOptions(topKNotes: topKNotes, topKDurations: topKDurations, temperature: temperature, topP: topP,
                          seed: seed, bars: bars, elements: elements,
                          rhythm: elements != nil ? .seedFaithful : (rhythm ?? recipe.rhythm),
                          harmony: harmony ?? recipe.harmony, tonality: tonality ?? recipe.tonality,
                          repetition: repetition ?? recipe.repetition)
    }

    /// The key, meter, tempo and titles these options give ``PieceAssembler``.
    public var assembly: AssemblyOptions {
        AssemblyOptions(key: key, tempo: tempo, timeSignature: meter, title: title, composer: composer)
    }
}
