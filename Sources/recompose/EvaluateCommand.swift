import ArgumentParser
import CommandLineSupport
import Foundation
import Generation
import Notation

/// `recompose evaluate`: objective metrics of pieces, optionally against a reference corpus.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Print objective metrics of pieces (and of a reference corpus, and a model's validation perplexity).",
        discussion: """
            Metrics: pitch-class histogram distance to the reference (total variation, histograms \
            rotated to the estimated tonic), scale consistency, pitch range, polyphony, empty-beat \
            rate, share of complete bars, treble/bass onset alignment, share of onsets on the \
            sixteenth/triplet grid. With --json, one JSON object per file, then one for the mean.
            """)

    @Argument(help: "Pieces to evaluate (MusicXML or MIDI).")
    var files: [String]

    @Option(help: "A folder of reference pieces (e.g. the training corpus).")
    var reference: String?

    @Option(help: "A model folder whose validation perplexity to report.")
    var model: String?

    @Option(help: "A name for this set of pieces in the report.")
    var label: String = "pieces"

    @Flag(help: "Print JSON lines instead of a table.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file.") }
    }

    struct Row: Encodable {
        var file: String
        var histogramDistance: Double?
        var scaleConsistency: Double
        var pitchRange: Double
        var polyphony: Double
        var emptyBeatRate: Double
        var completeMeasureRate: Double
        var handOnsetAlignment: Double
        var gridOnsetRate: Double
        var notes: Double
    }

    /// The last `--json` line with `--model`: `{"validationPerplexity":35.77}`.
    struct Perplexity: Encodable {
        var validationPerplexity: Double
    }

    static func metrics(of path: String) throws -> PieceMetrics {
        let score = try Score.read(contentsOf: URL(fileURLWithPath: path))
        let tonic = score.estimatedKey()?.key.tonicPitchClass ?? 0
        let part = CorpusPreprocessor().pianoPart(of: score)
        return PieceMetrics(score: Score(metadata: score.metadata, parts: [part]), tonicPitchClass: tonic)
    }

    static func mean(_ rows: [Row], label: String) -> Row {
        func avg(_ f: (Row) -> Double?) -> Double {
            let values = rows.compactMap(f)
            return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        }
        return Row(file: "mean of \(rows.count) \(label)", histogramDistance: rows.contains { $0.histogramDistance != nil } ? avg(\.histogramDistance) : nil,
                   scaleConsistency: avg(\.scaleConsistency), pitchRange: avg(\.pitchRange), polyphony: avg(\.polyphony),
                   emptyBeatRate: avg(\.emptyBeatRate), completeMeasureRate: avg(\.completeMeasureRate),
                   handOnsetAlignment: avg(\.handOnsetAlignment), gridOnsetRate: avg(\.gridOnsetRate), notes: avg(\.notes))
    }

    func run() throws {
        var referenceHistogram: [Double]?
        var referenceRows: [Row] = []
        if let reference {
            let urls = try attributing(to: reference) { try CorpusPreprocessor().sampleFiles(in: URL(fileURLWithPath: reference)) }
            let measured = urls.compactMap { url in (try? EvaluateCommand.metrics(of: url.path)).map { (url.path, $0) } }
            var sum = [Double](repeating: 0, count: 12)
            for (_, m) in measured { for i in 0..<12 { sum[i] += m.pitchClassHistogram[i] } }
            let total = sum.reduce(0, +)
            let mean = total > 0 ? sum.map { $0 / total } : nil
            referenceHistogram = mean
            // Each reference piece's distance to the reference mean is the yardstick.
            referenceRows = measured.map { row($0.0, $0.1, mean) }
        }
        var rows: [Row] = []
        for path in files {
            let m = try attributing(to: path) { try EvaluateCommand.metrics(of: path) }
            rows.append(row(path, m, referenceHistogram))
        }
        var perplexity: Double?
        if let model {
            let bundle = try attributing(to: model) { try ModelBundle(contentsOf: URL(fileURLWithPath: model)) }
            let losses = bundle.manifest.summaries.values.compactMap(\.validationLoss)
            if !losses.isEmpty { perplexity = exp(losses.reduce(0, +) / Double(losses.count)) }
        }
        let summary = EvaluateCommand.mean(rows, label: label)
        let referenceSummary = referenceRows.isEmpty ? nil : EvaluateCommand.mean(referenceRows, label: "reference pieces")
        if json {
            var output = JSONLines()
            for r in rows + [summary] + (referenceSummary.map { [$0] } ?? []) { try output.write(r) }
            if let perplexity { try output.write(Perplexity(validationPerplexity: perplexity)) }
            output.flush()
            return
        }
        let header = ["file", "pc-dist", "scale", "range", "poly", "empty", "complete", "aligned", "grid", "notes"]
        print(header.joined(separator: "\t"))
        for r in rows + [summary] + (referenceSummary.map { [$0] } ?? []) {
            let values = [r.histogramDistance, r.scaleConsistency, r.pitchRange, r.polyphony, r.emptyBeatRate,
                          r.completeMeasureRate, r.handOnsetAlignment, r.gridOnsetRate, r.notes]
            print(([r.file] + values.map { $0.map { String(format: "%.3f", $0) } ?? "-" }).joined(separator: "\t"))
        }
        if let perplexity { print("model validation perplexity (per element, both heads): \(String(format: "%.2f", perplexity))") }
    }

    private func row(_ file: String, _ m: PieceMetrics, _ reference: [Double]?) -> Row {
        Row(file: file, histogramDistance: reference.map { PieceMetrics.histogramDistance(m.pitchClassHistogram, $0) },
            scaleConsistency: m.scaleConsistency, pitchRange: Double(m.pitchRange), polyphony: m.polyphony,
            emptyBeatRate: m.emptyBeatRate, completeMeasureRate: m.completeMeasureRate,
            handOnsetAlignment: m.handOnsetAlignment, gridOnsetRate: m.gridOnsetRate, notes: Double(m.noteCount))
    }
}
