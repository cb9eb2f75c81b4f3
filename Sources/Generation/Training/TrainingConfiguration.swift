/// Everything that decides how a model is trained on a corpus: how the corpus is preprocessed,
/// the shape of each clef's network, the training run, which clefs, and how many seed windows
/// the bundle keeps. What ``ModelBundle/train(corpus:options:checkpoints:progress:)`` takes.
///
/// The defaults are those of `recompose train`. A small model that trains in seconds:
///
/// ```swift
/// var options = TrainingConfiguration()
/// options.preprocessing.sequenceLength = 32
/// options.architecture = ModelArchitecture(units: 32, layers: 2)
/// options.training.epochs = 4
/// ```
public struct TrainingConfiguration: Sendable, Hashable {
    /// The recipe: how the networks are trained and how they will generate (default
    /// ``Recipe/duet``). Recorded in the bundle's manifest.
    public var recipe: Recipe
    /// How the corpus is read: sampling, window length, rare labels, validation share, and the
    /// seed of the file sample and of the train/validation split.
    public var preprocessing: PreprocessingOptions
    /// The shape of each clef's network.
    public var architecture: ModelArchitecture
    /// The training run: epochs, batch size, learning rate, patience, threads. Its `seed` also
    /// initialises the networks.
    public var training: TrainingOptions
    /// The clefs to train, in order (default: treble, then bass). Composing needs both.
    public var clefs: [ClefStream]
    /// How many seed windows each clef model keeps: the openings of the first pieces, one
    /// window each, from which a composition starts when no prompt is given.
    public var seedWindows: Int
    /// What made the model, recorded in the bundle's manifest (`recompose train` records its
    /// command line); `nil` records nothing.
    public var command: String?

    /// Creates a configuration; every default is `recompose train`'s, `training` defaults to
    /// the recipe's ``Recipe/trainingDefaults``, `preprocessing` to the defaults with the
    /// recipe's ``Recipe/tokenEncoding`` and ``Recipe/keyAugmentation``, and `architecture` to
    /// the seed's three LSTM layers with the recipe's ``Recipe/units`` and ``Recipe/dropout``.
    public init(recipe: Recipe = .default, preprocessing: PreprocessingOptions? = nil,
                architecture: ModelArchitecture? = nil,
                training: TrainingOptions? = nil,
                clefs: [ClefStream] = ClefStream.allCases, seedWindows: Int = 16, command: String? = nil) {
        self.recipe = recipe
        self.preprocessing = preprocessing
            ?? PreprocessingOptions(tokenEncoding: recipe.tokenEncoding, keyAugmentation: recipe.keyAugmentation)
        self.architecture = architecture ?? ModelArchitecture(units: recipe.units, dropout: recipe.dropout)
        self.training = training ?? recipe.trainingDefaults
        self.clefs = clefs
        self.seedWindows = seedWindows
        self.command = command
    }
}
