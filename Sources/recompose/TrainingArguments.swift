import ArgumentParser
import Generation

/// `recompose train`'s options for the networks and the training run.
struct TrainingArguments: ParsableArguments {
    enum ClefChoice: String, ExpressibleByArgument, CaseIterable { case treble, bass, both }

    @Option(help: "How to train and generate: duet (default: every step a target, meter in the input, hands that hear each other, chords note by note, every key), bar-aware (the seed's training, both hands on one clock at generation) or seed (the seed study).")
    var recipe: Recipe = .default

    @Option(help: "Stop training after this many minutes (shared by the clefs), keeping the best weights so far.")
    var timeLimit: Double?

    @Option(help: "Which clef models to train.")
    var clef: ClefChoice = .both

    @Option(help: "Passes over the training data (default: 20; duet 12).")
    var epochs: Int?

    @Option(help: "Windows per step (default: 64; duet 16 streams of consecutive windows).")
    var batch: Int?

    @Option(help: "Units of each LSTM layer (and of the dense layer) (default: 256; duet 128).")
    var units: Int?

    @Option(help: "Number of stacked LSTM layers.")
    var layers: Int = 3

    @Option(help: "Dropout after each LSTM but the last (default: 0.3; duet 0.5).")
    var dropout: Float?

    @Option(help: "Adam learning rate (default: 0.001, for duet the peak of its warm-up and cosine schedule).")
    var learningRate: Float?

    @Option(help: "Stop after this many epochs without a better validation loss (0: never; default: 5, duet 8).")
    var patience: Int?

    @Option(help: "Train on at most this many windows per epoch, sampled afresh each epoch.")
    var maxSequences: Int?

    @Option(help: "Threads sharing each batch (default: every core). Pass the same count to reproduce a run.")
    var threads: Int?

    func validate() throws {
        // --time-limit is left to the library, which refuses 0 or less with a typed error.
        if let epochs { guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1.") } }
        if let batch { guard batch >= 1 else { throw ValidationError("--batch must be at least 1.") } }
        if let units { guard units >= 1, units <= 4096 else { throw ValidationError("--units must be in 1…4096.") } }
        guard layers >= 1, layers <= 8 else { throw ValidationError("--layers must be in 1…8.") }
        if let dropout { guard dropout >= 0, dropout < 1 else { throw ValidationError("--dropout must be in [0, 1).") } }
        if let learningRate { guard learningRate > 0 else { throw ValidationError("--learning-rate must be positive.") } }
        if let threads { guard threads >= 1, threads <= 256 else { throw ValidationError("--threads must be in 1…256.") } }
    }

    /// The library's configuration of these options over `corpus` (whose seed also seeds
    /// initialisation and shuffling), recording the command line in the manifest.
    /// The time limit is checked by the library (``TrainingOptions/validate()``), so `0` or a
    /// negative count is the typed `GenerationError` a program would get.
    func configuration(corpus: CorpusOptions) -> TrainingConfiguration {
        var training = recipe.trainingDefaults
        if let epochs { training.epochs = epochs }
        if let batch { training.batchSize = batch }
        if let learningRate { training.learningRate = learningRate }
        if let patience { training.patience = patience > 0 ? patience : nil }
        training.seed = corpus.seed
        training.maximumSequencesPerEpoch = maxSequences
        training.threads = threads
        training.timeLimit = timeLimit.map { $0 * 60 }
        return TrainingConfiguration(
            recipe: recipe,
            preprocessing: corpus.preprocessing(recipe: recipe),
            architecture: ModelArchitecture(units: units ?? recipe.units, layers: layers,
                                            dropout: dropout ?? recipe.dropout),
            training: training,
            clefs: clef == .both ? [.treble, .bass] : [clef == .treble ? .treble : .bass],
            command: CommandLine.arguments.dropFirst().joined(separator: " "))
    }
}

extension Recipe: ExpressibleByArgument {}
