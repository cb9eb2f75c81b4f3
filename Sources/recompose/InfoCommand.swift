import ArgumentParser
import CommandLineSupport
import Foundation
import Notation

/// `recompose info`: a summary of each file.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise music files: parts, staves, measures, keys, meters, tempo, notes and the estimated key.",
        discussion: """
            With --json, one JSON object per file with "file", "parts", "staves", "measures", \
            "notes", "chords", "keys", "meters", "tempo" and "key" (the estimated key, e.g. "A minor").
            """)

    @Flag(help: "Print one JSON object per file.")
    var json = false

    @Flag(help: "Summarise a damaged file from what could be read (its problems are still printed) instead of failing.")
    var lenient = false

    @Argument(help: "MusicXML (.musicxml, .xml, .mxl) or MIDI (.mid) files.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file.") }
    }

    /// Summarises every file; one that cannot be read is reported on its own line and the
    /// others still summarised, then the command ends with exit status 1. A damaged file is one
    /// that cannot be read unless `--lenient` is given; its problems are printed either way.
    func run() throws {
        var output = JSONLines()
        defer { output.flush() }
        var failed = false
        for path in files {
            do {
                try attributing(to: path) {
                    let score = try Score.readReporting(path, lenient: lenient)
                    let summary = ScoreSummary(score, path: path)
                    if json { try output.write(summary) } else { print(summary.text) }
                }
            } catch {
                note(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
