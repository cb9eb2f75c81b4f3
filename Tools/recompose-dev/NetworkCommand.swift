import ArgumentParser
import CommandLineSupport
import Foundation
import NeuralNetwork

/// Hidden developer command behind `Scripts/parity/torch.sh`: runs a saved network (a clef folder
/// with `config.json` and `model.safetensors`) on a batch of windows and prints the two heads'
/// probabilities and the loss, and with `--train-step` also takes one Adam step on the batch and
/// saves the weights, so PyTorch's implementation can be checked against this one (and back).
struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Forward pass and one training step of a saved network (PyTorch parity checks).",
        shouldDisplay: false)

    @Option(help: "A clef folder holding config.json and model.safetensors.")
    var model: String

    @Option(help: "JSON {notes: [[id]], durations: [[id]], targetNotes: [id], targetDurations: [id]}.")
    var batch: String

    @Option(help: "Take one training step on the batch and save the network into this folder.")
    var trainStep: String?

    @Option(help: "Adam's learning rate for --train-step.")
    var learningRate: Float = 0.001

    @Option(help: "Global gradient-norm limit for --train-step (0: none).")
    var clipNorm: Float = 5

    @Option(help: "Seed of the dropout masks of --train-step (SeededRandom, one thread).")
    var dropoutSeed: UInt64 = 1

    /// The batch file's shape.
    struct BatchFile: Decodable {
        var notes: [[Int32]]
        var durations: [[Int32]]
        var targetNotes: [Int32]
        var targetDurations: [Int32]
    }

    /// What the command prints (one JSON line): probabilities row-major `[B][V]`.
    struct Output: Encodable {
        var notes: [Float]
        var durations: [Float]
        var loss: Double
        var trainLoss: Double?
    }

    func run() throws {
        var network = try SequenceModel(contentsOf: URL(fileURLWithPath: model))
        let file = try JSONDecoder().decode(BatchFile.self, from: Data(contentsOf: URL(fileURLWithPath: batch)))
        guard let steps = file.notes.first?.count, file.notes.allSatisfy({ $0.count == steps }),
              file.durations.map(\.count) == file.notes.map(\.count) else {
            throw ValidationError("\(batch): every window needs as many notes and durations as the first")
        }
        let windows = try TrainingBatch(
            batchSize: file.notes.count, steps: steps, notes: file.notes.flatMap { $0 },
            durations: file.durations.flatMap { $0 }, targetNotes: file.targetNotes,
            targetDurations: file.targetDurations)
        let (notes, durations) = try network.predict(windows)
        var output = Output(notes: notes, durations: durations, loss: try network.loss(windows))
        if let folder = trainStep {
            var optimizer = Adam(learningRate: learningRate, globalClipNorm: clipNorm > 0 ? clipNorm : nil)
            // One thread: the dropout masks come straight from this generator, layer by layer, which
            // recompose_torch.swift_random reproduces.
            var random = SeededRandom(seed: dropoutSeed)
            output.trainLoss = try network.train(windows, optimizer: &optimizer, random: &random, threads: 1)
            try network.save(to: URL(fileURLWithPath: folder))
        }
        try JSONLines.print(output)
    }
}
