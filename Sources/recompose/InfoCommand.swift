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

    @Argument(help: "MusicXML (.musicxml, .xml, .mxl) or MIDI (.mid) files.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file.") }
    }

    /// Summarises every file; one that cannot be read is reported on its own line and the
    /// others still summarised, then the command ends with exit status 1.
    func run() throws {
        var output = JSONLines()
        defer { output.flush() }
        var failed = false
        for path in files {
            do {
                try attributing(to: path) {
                    let score = try Score.read(contentsOf: URL(fileURLWithPath: path))
                    if json { try output.write(summary(score, path)) } else { print(summaryText(score, path)) }
                }
            } catch {
                note(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    struct Summary: Encodable {
        var file: String
        var title: String?
        var parts: Int
        var staves: Int
        var measures: Int
        var notes: Int
        var chords: Int
        var keys: [String]
        var meters: [String]
        var tempo: Double?
        var key: String?
        var keyCorrelation: Double?
        var length: String
    }

    func summary(_ score: Score, _ path: String) -> Summary {
        let measures = score.parts.flatMap(\.staves).flatMap(\.measures)
        let events = score.notesAndChords
        var keys: [String] = [], meters: [String] = []
        for measure in score.parts.first?.staves.first?.measures ?? [] {
            if let key = measure.key?.description ?? measure.keySignature.map({ Key(signature: $0).description }),
               keys.last != key { keys.append(key) }
            if let meter = measure.timeSignature?.description, meters.last != meter { meters.append(meter) }
        }
        var tempo: Double?
        search: for measure in measures {
            for direction in measure.directions {
                if case .tempo(let t) = direction.kind { tempo = t.quarterNotesPerMinute; break search }
            }
        }
        let estimate = score.estimatedKey()
        return Summary(file: path, title: score.metadata.title ?? score.metadata.movementTitle, parts: score.parts.count,
                       staves: score.parts.reduce(0) { $0 + $1.staves.count },
                       measures: score.parts.first?.measureCount ?? 0,
                       notes: events.reduce(0) { $0 + $1.event.pitches.count },
                       chords: events.filter { $0.event.pitches.count > 1 }.count,
                       keys: keys, meters: meters, tempo: tempo, key: estimate?.key.description,
                       keyCorrelation: estimate.map { ($0.correlation * 10_000).rounded() / 10_000 },
                       length: score.length.description)
    }

    func summaryText(_ score: Score, _ path: String) -> String {
        let s = summary(score, path)
        var lines = ["\(path)"]
        if let title = s.title { lines.append("  title:    \(title)") }
        lines.append("  parts:    \(s.parts) (\(s.staves) staves)")
        lines.append("  measures: \(s.measures), \(s.length) quarter notes")
        lines.append("  notes:    \(s.notes) (\(s.chords) chords)")
        lines.append("  keys:     \(s.keys.isEmpty ? "none written" : s.keys.joined(separator: ", "))")
        lines.append("  meters:   \(s.meters.isEmpty ? "none written" : s.meters.joined(separator: ", "))")
        if let tempo = s.tempo { lines.append("  tempo:    \(tempo) quarter notes per minute") }
        if let key = s.key { lines.append("  estimated key: \(key) (r = \(s.keyCorrelation ?? 0))") }
        return lines.joined(separator: "\n")
    }
}
