import ArgumentParser
import Generation

/// `recompose train`'s options for the networks and the training run.
struct TrainingArguments: ParsableArguments {
    enum ClefChoice: String, ExpressibleByArgument, CaseIterable { case treble, bass, both }

    @Option(help: "Which clef models to train.")
    var clef: ClefChoice = .both

    @Option(help: "Passes over the training data.")
    var epochs: Int = 20

    @Option(help: "Windows per step.")
    var batch: Int = 64

    @Option(help: "Units of each LSTM layer (and of the dense layer).")
    var units: Int = 256

    @Option(help: "Number of stacked LSTM layers.")
    var layers: Int = 3

    @Option(help: "Dropout after each LSTM but the last.")
    var dropout: Float = 0.3

    @Option(help: "Adam learning rate.")
    var learningRate: Float = 0.001

    @Option(help: "Stop after this many epochs without a better validation loss (0: never).")
    var patience: Int = 5

    @Option(help: "Train on at most this many windows per epoch, sampled afresh each epoch.")
    var maxSequences: Int?

    @Option(help: "Threads sharing each batch (default: every core). Pass the same count to reproduce a run.")
    var threads: Int?

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1.") }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1.") }
        guard units >= 1, units <= 4096 else { throw ValidationError("--units must be in 1…4096.") }
        guard layers >= 1, layers <= 8 else { throw ValidationError("--layers must be in 1…8.") }
        guard dropout >= 0, dropout < 1 else { throw ValidationError("--dropout must be in [0, 1).") }
        guard learningRate > 0 else { throw ValidationError("--learning-rate must be positive.") }
        if let threads { guard threads >= 1, threads <= 256 else { throw ValidationError("--threads must be in 1…256.") } }
    }

    /// The library's configuration of these options over `corpus` (whose seed also seeds
    /// initialisation and shuffling), recording the command line in the manifest.
    func configuration(corpus: CorpusOptions) -> TrainingConfiguration {
        TrainingConfiguration(
            preprocessing: corpus.preprocessing,
            architecture: ModelArchitecture(units: units, layers: layers, dropout: dropout),
            training: TrainingOptions(epochs: epochs, batchSize: batch, learningRate: learningRate, seed: corpus.seed,
                                      patience: patience > 0 ? patience : nil, maximumSequencesPerEpoch: maxSequences,
                                      threads: threads),
            clefs: clef == .both ? [.treble, .bass] : [clef == .treble ? .treble : .bass],
            command: CommandLine.arguments.dropFirst().joined(separator: " "))
    }
}
