import ArgumentParser
import CommandLineSupport
import Foundation
import Notation

/// `recompose analyze`: Roman numerals, local keys, voice leading and cadences of scores.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Name the chords of scores in their key, find voice-leading faults and cadences.",
        discussion: """
            A table per file by default. With --json, one JSON object per line: \
            {"type":"key",…} per local key region, {"type":"chord",…} per sounding slice \
            ("roman": all its pitches named as music21's romanNumeralFromChord; "harmony": the \
            chord tones only, absent when they are no triad or seventh; "nonChordTones": the rest), {"type":"voiceLeading",…,"kind":\
            "parallelFifth","voices":[0,2]} per finding, {"type":"cadence",…,"kind":"PAC"} per \
            cadence. "measure" and "offset" (from the measure's start) locate a record; \
            "scoreOffset" is from the start of the piece.
            Exit status: 0 success, 1 a file that cannot be read or analysed (one line on stderr \
            naming it); usage errors as the argument parser reports them.
            """)

    @Flag(name: .long, help: "Print JSON lines instead of a table.")
    var json = false

    @Option(name: .long, help: "local (the key at each point), global (one key for the piece) or a key such as \"G major\".")
    var key = "local"

    @Argument(help: "The files to analyse.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file.") }
        do { _ = try AnalysisKey(key) } catch { throw ValidationError("--key: \(error.reason)") }
    }

    /// Analyses the files in order; the first that cannot be read or analysed ends the command
    /// (exit status 1) after what was printed before it.
    func run() throws {
        let choice = try AnalysisKey(key)
        var output = JSONLines()
        defer { output.flush() }
        for path in files {
            try attributing(to: path) {
                let analysis = try HarmonicAnalysis(try Score.read(contentsOf: URL(fileURLWithPath: path)), key: choice)
                if json {
                    for record in AnalysisRecord.records(of: analysis, file: path) { try output.write(record) }
                } else {
                    output.flush()
                    print((files.count > 1 ? "== \(path)\n" : "") + analysis.table)
                }
            }
        }
    }
}
