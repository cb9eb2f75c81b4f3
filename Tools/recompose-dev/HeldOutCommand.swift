import ArgumentParser
import Foundation
import Generation

/// Hidden developer command behind a figure of `Docs/Evaluation.md`: a model folder's held-out
/// cross-entropy (bits per quarter note, both hands) with its networks alone, and with each
/// hand's ``RepetitionModel`` — the folder's own, or with `--fit-repetition` one fitted now to
/// the training pieces of the corpus, which shows what the repetition model would add to a
/// recipe that does not record one (`seed`, `bar-aware`).
struct HeldOutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "held-out",
        abstract: "A model's held-out bits per quarter note, networks alone and with the piece's own past.",
        shouldDisplay: false)

    @Option(help: "The model folder (as `recompose train` writes it).")
    var model: String

    @Option(help: "The corpus the model was trained on (its held-out pieces are the manifest's split).")
    var corpus: String

    @Flag(help: "Fit the repetition models to the corpus's training pieces now, replacing the folder's.")
    var fitRepetition = false

    func run() throws {
        var bundle = try ModelBundle(contentsOf: URL(fileURLWithPath: model))
        let prepared = try CorpusPreprocessor(options: bundle.manifest.preprocessing)
            .prepare(corpus: URL(fileURLWithPath: corpus))
        if fitRepetition { bundle.manifest.repetition = prepared.repetitionModels }
        let result = try bundle.heldOutCrossEntropy(prepared)
        func line(_ name: String, _ bits: (HeldOutCrossEntropy.Hand) -> Double) -> String {
            name + ": " + String(format: "%.3f", result.hands.values.reduce(0) { $0 + bits($1) })
                + " (" + result.hands.sorted { $0.key > $1.key }.map { "\($0.key) " + String(format: "%.3f", bits($0.value)) }
                .joined(separator: ", ") + ")"
        }
        print(line("networks alone", \.networkBitsPerQuarterNote))
        if bundle.manifest.repetition != nil { print(line("with repetition", \.bitsPerQuarterNote)) }
    }
}
