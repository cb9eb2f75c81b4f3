/// How a model is trained and how it generates, by name, so recipes can be compared on the same
/// corpus (`recompose train --recipe NAME`). The model folder records its recipe and
/// generation follows it.
///
/// - ``seed``: the seed study exactly: one network per hand, each window of
///   ``PreprocessingOptions/sequenceLength`` elements teaching only the element after it, and
///   at generation each hand sampled on its own (``GenerationOptions/Rhythm/seedFaithful``).
/// - ``barAware``: the same training, generation on the bar-aware clock
///   (``GenerationOptions/Rhythm/barAware``): both hands on one clock, no note overrunning its
///   bar. The default until the duet recipe replaced it.
/// - ``duet``: **the default.** Every step a target (the loss at every position of a window,
///   state carried between consecutive windows of a piece), meter in the input (position in the
///   bar and beat strength of the next onset), each hand hearing the other (the other hand's
///   sounding pitch classes at that moment, see ``HandConditioning``), chords written note by
///   note (``TokenEncoding/notes``) and the training pieces also learnt in every key
///   (``KeyAugmentation``); a warm-up and cosine learning-rate schedule and early stopping on
///   the validation loss. Measured against the others in `Docs/Evaluation.md`.
public enum Recipe: String, Sendable, Hashable, Codable, CaseIterable {
    case seed
    case barAware = "bar-aware"
    case duet

    /// The recipe `recompose train` uses unless told otherwise.
    public static let `default` = Recipe.duet

    /// Whether training puts a target at every position ( ``duet``) or only after each window.
    public var trainsEveryStep: Bool { self == .duet }

    /// Whether the networks take ``HandConditioning`` inputs.
    public var isConditioned: Bool { self == .duet }

    /// The tokens this recipe's networks read and write unless told otherwise: a token per
    /// pitch for ``duet`` (see ``TokenEncoding/notes``), the seed's chord labels for the others.
    public var tokenEncoding: TokenEncoding { self == .duet ? .notes : .chords }

    /// How far this recipe moves copies of the training pieces unless told otherwise
    /// (``PreprocessingOptions/keyAugmentation``): every key for ``duet`` — on Chopin it cut the
    /// held-out bits per quarter note from 48.6 to 39.9 after 4 minutes of training, where the
    /// network otherwise learns the 43 training pieces by heart after a few epochs — none for
    /// the others, which keep the seed's data exactly.
    public var keyAugmentation: Int { self == .duet ? 6 : 0 }

    /// The units of each LSTM layer and of the dense layer unless told otherwise
    /// (``ModelArchitecture/lstmUnits``): the seed's 256, and 128 for ``duet``, whose networks
    /// learn the 43 training pieces of Chopin by heart within a few epochs at 256 — after 20
    /// minutes of training (with 12 planned epochs) 128 units gave 30.3 held-out bits per quarter
    /// note, against 32.3 for 256 units and 40 planned epochs.
    public var units: Int { self == .duet ? 128 : 256 }

    /// The dropout after each LSTM but the last unless told otherwise
    /// (``ModelArchitecture/dropout``): the seed's 0.3, and 0.5 for ``duet``, whose networks
    /// otherwise learn the training pieces within a few epochs even in every key — after 20
    /// minutes on Chopin, 0.5 (with ``TrainingOptions/patience`` 8) gave 31.95 held-out bits
    /// per quarter note against 33.29 with 0.3 (patience 3).
    public var dropout: Float { self == .duet ? 0.5 : 0.3 }

    /// How strongly generation steers each hand toward pitches consonant with the other hand
    /// (``GenerationOptions/harmony``, see ``HarmonicBias``): 1 for ``duet``, 0 for the others,
    /// whose hands do not hear each other and which keep the seed's sampling. At 1 the biased
    /// duet networks predict the held-out Chopin pieces as well as the networks alone (Chopin's
    /// hands agree at least that much), and the pieces' consonance rises from 0.50 to about 0.75
    /// (Chopin 0.74); at 2 it overshoots (0.79–0.86: fifths and octaves everywhere).
    public var harmony: Double { self == .duet ? 1 : 0 }

    /// How strongly generation steers pitches toward the corpus's pitch-class profile of the
    /// key's mode (``GenerationOptions/tonality``, see ``HarmonicBias``): 0.25 for ``duet``, 0
    /// for the others. Stronger, the pieces become more diatonic than Chopin and move away from
    /// his pitch-class use again (distance 0.14 at 0.25, 0.16 at 0.5, 0.21 at 1, with harmony 1).
    public var tonality: Double { self == .duet ? 0.25 : 0 }

    /// Whether the model also predicts from the piece's own past (``RepetitionModel``, one per
    /// hand, fitted at training): ``duet`` only; the others keep the seed's networks alone.
    public var learnsRepetition: Bool { self == .duet }

    /// How much generation repeats what the piece did before (``GenerationOptions/repetition``,
    /// see ``RepetitionModel``): 0.5 for ``duet``, 0 for the others. The held-out cross-entropy
    /// measures the mixture at its fitted weights (1). Sampled at 1, the copies — each hand
    /// repeating its own past — drag the pieces away from Chopin's pitch classes (on seeds
    /// 101–112 with the 20-minute Chopin model, distance 0.23 against 0.14 without copies);
    /// 0.5 keeps consonance 0.78, distance 0.15 and bass onsets with a treble onset 0.67 there.
    public var repetition: Double { learnsRepetition ? 0.5 : 0 }

    /// The rhythm generation uses for models of this recipe.
    public var rhythm: GenerationOptions.Rhythm { self == .seed ? .seedFaithful : .barAware }

    /// The training defaults of this recipe: today's for ``seed`` and ``barAware``; for ``duet``
    /// Keras's learning rate as the peak of a warm-up and cosine decay (0.002 made the loss
    /// spike on the bundled corpus), tighter clipping and 16 streams; its validation loss is
    /// noisy (five held-out pieces), so it stops after 8 epochs without a better one.
    public var trainingDefaults: TrainingOptions {
        switch self {
        case .seed, .barAware: TrainingOptions()
        case .duet:
            // An epoch of the Chopin treble is about 270 windows of 100, so 17 steps of 16 streams:
            // a short warm-up, and a cosine over 12 epochs (about 8 minutes on two cores) ends at a low rate
            // before the networks overfit: 30.3 held-out bits per quarter note against 30.4 for 8 epochs.
            TrainingOptions(epochs: 12, batchSize: 16, learningRate: 0.001, clipNorm: 1, patience: 8,
                            schedule: .warmupCosine(warmupSteps: 30, floor: 0.05))
        }
    }
}
