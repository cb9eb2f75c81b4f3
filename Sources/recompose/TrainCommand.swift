import ArgumentParser
import CommandLineSupport
import Foundation
import Generation

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
            "sequencesPerSecond", "trainLoss" and "validationLoss" (summed over clefs; per clef under "clefs"), \
            "targets" and "targetsPerSecond", and "heldOutBitsPerQuarterNote": the cross-entropy of both hands \
            on the held-out pieces in bits per quarter note, comparable across recipes (with duet, the networks \
            mixed with each piece's own past; "heldOutNetworkBitsPerQuarterNote" is the networks' alone).
            --recipe duet (the default) trains with every step a target, each hand hearing the other, chords written \
            note by note and the pieces learnt in every key; bar-aware trains as the seed study did, with both hands on one \
            clock at generation; seed is the seed study (see the Generation reference, "Recipes"). \
            --time-limit MINUTES stops cleanly with the best weights so far.
            """)

    @OptionGroup var corpus: CorpusOptions

    @OptionGroup var training: TrainingArguments

    @Option(help: "The model folder to write.")
    var out: String

    @Flag(help: "End with a one-line JSON summary.")
    var json = false

    func run() throws {
        let prepared = try corpus.prepare(command: "train", recipe: training.recipe)
        note(prepared.summary)
        note("recipe: \(training.recipe.rawValue)")
        let folder = URL(fileURLWithPath: out)
        var line = ProgressLine(label: "")
        // A clef without windows is the corpus's fault; a checkpoint that fails, the model folder's.
        var blamed: String? = corpus.corpus
        let bundle: ModelBundle
        do {
            bundle = try ModelBundle.train(prepared: prepared, options: training.configuration(corpus: corpus),
                                           checkpoints: folder.appendingPathComponent("checkpoints")) { event in
                switch event {
                case .corpusPrepared: break
                case let .clefStarted(clef, trainingWindows, validationWindows, parameters):
                    blamed = out
                    line = ProgressLine(label: clef.rawValue)
                    note("\(clef.rawValue): \(trainingWindows) training, \(validationWindows) validation windows; "
                         + "\(parameters) parameters")
                case let .progress(_, progress): line.report(progress)
                case let .clefFinished(clef, summary):
                    blamed = corpus.corpus
                    note(TrainingReport.line(clef, summary))
                }
            }
        } catch { throw CommandError("train", blamed, error) }
        try attributing(to: out) { try bundle.save(to: folder) }
        note("model written to \(folder.path)")
        // Comparable across recipes and vocabularies; skipped when no piece was held out.
        let heldOut = bundle.clefs.count == 2 ? try? bundle.heldOutCrossEntropy(prepared, threads: training.threads ?? 2) : nil
        if let heldOut {
            note("held-out cross-entropy: " + String(format: "%.3f", heldOut.bitsPerQuarterNote) + " bits per quarter note ("
                 + heldOut.hands.sorted { $0.key > $1.key }.map { "\($0.key) " + String(format: "%.3f", $0.value.bitsPerQuarterNote) }
                     .joined(separator: ", ") + ")"
                 + (heldOut.hands.values.contains { $0.networkBits != nil }
                    ? "; networks alone " + String(format: "%.3f", heldOut.networkBitsPerQuarterNote) : ""))
        }
        if json { try JSONLines.print(TrainingReport(bundle.manifest.summaries, heldOut: heldOut)) }
    }
}
