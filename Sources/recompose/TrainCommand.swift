import ArgumentParser
import CommandLineSupport
import Foundation
import Generation
import Notation
import NeuralNetwork

/// `recompose train`: preprocesses a corpus and trains one model per clef.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the treble and bass models on a corpus.",
        discussion: """
            Writes MODEL/recompose-model.json and MODEL/treble, MODEL/bass (weights in safetensors, \
            config and vocabularies). A checkpoint is written after every epoch under MODEL/checkpoints; \
            running the same command again resumes after the last finished epoch.
            With --json the last line of output is one JSON object with "sequences", "seconds", \
            "sequencesPerSecond", "trainLoss" and "validationLoss" (summed over clefs; per clef under "clefs").
            """)

    enum ClefChoice: String, ExpressibleByArgument, CaseIterable { case treble, bass, both }

    @OptionGroup var corpus: CorpusOptions

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

    @Option(help: "The model folder to write.")
    var out: String

    @Flag(help: "End with a one-line JSON summary.")
    var json = false

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1.") }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1.") }
        guard units >= 1, units <= 4096 else { throw ValidationError("--units must be in 1…4096.") }
        guard layers >= 1, layers <= 8 else { throw ValidationError("--layers must be in 1…8.") }
        guard dropout >= 0, dropout < 1 else { throw ValidationError("--dropout must be in [0, 1).") }
        guard learningRate > 0 else { throw ValidationError("--learning-rate must be positive.") }
        if let threads { guard threads >= 1, threads <= 256 else { throw ValidationError("--threads must be in 1…256.") } }
    }

    func run() throws {
        let prepared = try corpus.prepare(command: "train")
        note(prepared.summary)
        let folder = URL(fileURLWithPath: out)
        let clefs: [ClefStream] = clef == .both ? [.treble, .bass] : [clef == .treble ? .treble : .bass]
        let training = TrainingOptions(epochs: epochs, batchSize: batch, learningRate: learningRate, seed: corpus.seed,
                                       patience: patience > 0 ? patience : nil, maximumSequencesPerEpoch: maxSequences,
                                       threads: threads)
        var models: [ClefStream: ClefModel] = [:]
        var summaries: [String: TrainingSummary] = [:]
        for clef in clefs {
            let (notes, durations) = prepared.vocabularies(clef)
            let (train, validation) = prepared.datasets(clef, notes: notes, durations: durations)
            guard train.count > 0 else {
                throw CommandError("train", corpus.corpus, GenerationError.notEnoughData(
                    "\(clef.rawValue): no piece is longer than --seq \(corpus.seq) elements"))
            }
            let configuration = ModelConfiguration(
                noteVocabularySize: notes.count, durationVocabularySize: durations.count,
                lstmUnits: Array(repeating: units, count: layers), denseUnits: units, dropout: dropout)
            var network = try attributing(to: nil) { try SequenceModel(configuration: configuration, seed: corpus.seed) }
            note("\(clef.rawValue): \(train.count) training, \(validation.count) validation windows; "
                 + "\(network.parameterCount) parameters")
            var line = ProgressLine(label: clef.rawValue)
            let summary = try attributing(to: out) {
                try Trainer(options: training).train(
                    &network, training: train, validation: validation,
                    checkpoint: folder.appendingPathComponent("checkpoints").appendingPathComponent(clef.rawValue),
                    progress: { line.report($0) })
            }
            // Seed windows: the opening of up to 16 pieces, with their modes.
            let seedPieces = prepared.pieces.filter { !$0.tokens(clef).isEmpty }.prefix(16)
            models[clef] = ClefModel(network: network, notes: notes, durations: durations,
                                     seeds: seedPieces.map { Array($0.tokens(clef).prefix(corpus.seq)) },
                                     seedModes: seedPieces.map { $0.originalKey.map { $0.mode.isMinor ? .minor : .major } })
            summaries[clef.rawValue] = summary
            note("\(clef.rawValue): \(summary.sequences) sequences in \(String(format: "%.1f", summary.seconds)) s "
                 + "(\(String(format: "%.1f", summary.sequencesPerSecond)) seq/s); train loss "
                 + String(format: "%.4f", summary.trainLoss)
                 + (summary.validationLoss.map { String(format: ", validation loss %.4f", $0) } ?? "")
                 + (summary.unigramValidationLoss.map { String(format: " (unigram baseline %.4f)", $0) } ?? "")
                 + ", best epoch \(summary.bestEpoch)")
        }
        let manifest = ModelBundle.Manifest(preprocessing: corpus.preprocessing, training: training, summaries: summaries,
                                            command: CommandLine.arguments.dropFirst().joined(separator: " "))
        try attributing(to: out) { try ModelBundle(manifest: manifest, clefs: models).save(to: folder) }
        note("model written to \(folder.path)")
        if json { try JSONLines.print(Report(summaries)) }
    }

    /// The `--json` summary: totals over the clefs trained, and each clef's own under `clefs`.
    struct Report: Encodable {
        var sequences: Int
        var seconds: Double
        var sequencesPerSecond: Double
        var trainLoss: Double
        /// The sum over clefs; `null` unless every clef had validation data.
        @NullWhenNil var validationLoss: Double?
        var clefs: [String: Clef]

        /// One clef's training.
        struct Clef: Encodable {
            var sequences: Int
            var seconds: Double
            var sequencesPerSecond: Double
            var trainLoss: Double
            @NullWhenNil var validationLoss: Double?
            @NullWhenNil var unigramValidationLoss: Double?
            var bestEpoch: Int
        }

        init(_ summaries: [String: TrainingSummary]) {
            let all = Array(summaries.values)
            sequences = all.reduce(0) { $0 + $1.sequences }
            seconds = all.reduce(0) { $0 + $1.seconds }
            sequencesPerSecond = Double(sequences) / max(seconds, 1e-9)
            trainLoss = all.reduce(0) { $0 + $1.trainLoss }
            let validations = all.compactMap(\.validationLoss)
            validationLoss = validations.count == all.count ? validations.reduce(0, +) : nil
            clefs = summaries.mapValues {
                Clef(sequences: $0.sequences, seconds: $0.seconds, sequencesPerSecond: $0.sequencesPerSecond,
                     trainLoss: $0.trainLoss, validationLoss: $0.validationLoss,
                     unigramValidationLoss: $0.unigramValidationLoss, bestEpoch: $0.bestEpoch)
            }
        }
    }
}
