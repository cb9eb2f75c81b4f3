import ArgumentParser
import CommandLineSupport
import Foundation
import Generation

/// `recompose evaluate`: objective metrics of pieces, optionally against a reference corpus.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Print objective metrics of pieces (and of a reference corpus, and a model's validation perplexity).",
        discussion: """
            Metrics: pitch-class histogram distance to the reference (total variation, histograms \
            rotated to the estimated tonic), scale consistency, pitch range, polyphony, empty-beat \
            rate, share of complete bars, treble/bass onset alignment, share of onsets on the \
            sixteenth/triplet grid; harmony: Roman-numeral bigram distance to the reference \
            (total variation), parallel fifths/octaves of the outer voices per 100 beats, share \
            of time in recognisable chords; memorisation: the share of the piece's 8-note melodic \
            interval patterns (treble top line) found verbatim in the reference (for the reference \
            pieces, in the other reference pieces). With --json, one JSON object per file, then one for the mean.
            """)

    @Argument(help: "Pieces to evaluate (MusicXML or MIDI).")
    var files: [String]

    @Option(help: "A folder of reference pieces (e.g. the training corpus).")
    var reference: String?

    @Option(help: "A model folder whose validation perplexity to report.")
    var model: String?

    @Option(help: "A name for this set of pieces in the report.")
    var label: String = "pieces"

    @Flag(help: "Also print a row for each reference piece (its patterns checked against the other reference pieces).")
    var referenceRows = false

    @Flag(help: "Print JSON lines instead of a table.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file.") }
    }

    /// The last `--json` line with `--model`: `{"validationPerplexity":35.77}`.
    struct Perplexity: Encodable {
        var validationPerplexity: Double
    }

    func run() throws {
        let corpus = try reference.map { path in
            try attributing(to: path) { try Evaluation.Reference(corpus: URL(fileURLWithPath: path)) }
        }
        let pieces = try files.map { path in
            (file: path, metrics: try attributing(to: path) { try PieceMetrics(contentsOf: URL(fileURLWithPath: path)) })
        }
        let perplexity = try model.flatMap { path in
            try attributing(to: path) { try ModelBundle(contentsOf: URL(fileURLWithPath: path)) }.validationPerplexity
        }
        let evaluation = Evaluation(pieces: pieces, label: label, reference: corpus, validationPerplexity: perplexity)
        let rows = evaluation.allRows + (referenceRows ? evaluation.referenceRows : [])
        if json {
            var output = JSONLines()
            for row in rows { try output.write(row) }
            if let perplexity { try output.write(Perplexity(validationPerplexity: perplexity)) }
            output.flush()
            return
        }
        print(["file", "pc-dist", "scale", "range", "poly", "empty", "complete", "aligned", "grid", "notes", "rn-dist", "par/100", "chords", "copied"].joined(separator: "\t"))
        for r in rows {
            let values = [r.histogramDistance, r.scaleConsistency, r.pitchRange, r.polyphony, r.emptyBeatRate,
                          r.completeMeasureRate, r.handOnsetAlignment, r.gridOnsetRate, r.notes,
                          r.romanBigramDistance, r.outerParallelsPer100Beats, r.recognisedChordRate, r.copiedPatternRate]
            print(([r.file] + values.map { $0.map { String(format: "%.3f", $0) } ?? "-" }).joined(separator: "\t"))
        }
        if let perplexity { print("model validation perplexity (per element, both heads): \(String(format: "%.2f", perplexity))") }
    }
}
