import ArgumentParser
import CommandLineSupport
import Foundation
import Notation

/// Hidden developer command behind the MusicXML parity check: reads MusicXML files with
/// ``MusicXMLReader`` and prints one JSON line per note or chord (rests omitted), each file's
/// lines preceded by `{"file": PATH}` (or `{"file": PATH, "error": …}`).
struct XMLDumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xmldump",
        abstract: "Dump MusicXML notes as JSON lines (parity checks).",
        shouldDisplay: false)

    @Argument(help: "MusicXML files (.musicxml, .xml, .mxl).")
    var files: [String]

    @Option(help: "Also write each score into this directory as FILE.musicxml (writer checks).")
    var export: String?

    @Flag(help: "Benchmark: read every file (timed, in memory), print files/s and notes/s, no dump.")
    var bench = false

    @Flag(help: "Print each part's measure lengths instead of notes.")
    var lengths = false

    @Flag(help: "Print each note's, chord's and rest's tuplets (outermost first) instead of notes.")
    var tuplets = false

    @Flag(help: "Print the reading's warnings (code and text) instead of notes.")
    var warnings = false

    func run() throws {
        if bench { return try runBenchmark() }
        var out = JSONLines()
        for file in files {
            do {
                let reading = try MusicXMLReader().readScore(contentsOf: URL(fileURLWithPath: file))
                let score = reading.score
                try out.write(FileRecord(file: file))
                if warnings {
                    for warning in reading.warnings { try out.write(WarningRecord(code: warning.code, text: "\(warning)")) }
                    continue
                }
                if let export {
                    let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".musicxml"
                    try MusicXMLWriter().write(score, to: URL(fileURLWithPath: export).appendingPathComponent(name))
                }
                if lengths {
                    for part in score.parts {
                        try out.write(MeasureLengths(part: part.id, lengths: part.staves.first?.measures.map {
                            "\($0.number)=\($0.length)" } ?? []))
                    }
                    continue
                }
                if tuplets {
                    for placed in score.events {
                        try out.write(TupletRecord(part: placed.part, offset: placed.offset, pitches: placed.event.pitches.map(\.name),
                                                   grace: placed.event.isGrace,
                                                   tuplets: placed.event.duration.tuplets.map(\.description)))
                    }
                    continue
                }
                for placed in score.events where !placed.event.isRest {
                    try out.write(NoteRecord(placed))
                }
            } catch {
                try out.write(FileRecord(file: file, error: error))
            }
        }
        out.flush()
    }

    /// Reads every file from memory (so disk speed is left out), twice, and reports the
    /// faster pass.
    private func runBenchmark() throws {
        let blobs = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        var best = Double.infinity
        var notes = 0
        var failures = 0
        for _ in 0..<2 {
            notes = 0
            failures = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for (blob, name) in zip(blobs, files) {
                do {
                    let score = try MusicXMLReader().read(data: blob, fileName: name)
                    for part in score.parts {
                        for staff in part.staves {
                            for measure in staff.measures {
                                for voice in measure.voices {
                                    for element in voice.elements {
                                        switch element.event {
                                        case .note: notes += 1
                                        case .chord(let chord): notes += chord.notes.count
                                        case .rest: break
                                        }
                                    }
                                }
                            }
                        }
                    }
                } catch {
                    failures += 1
                }
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "recompose: %d files (%d unreadable), %d notes in %.3f s: %.0f files/s, %.0f notes/s",
                     files.count, failures, notes, best, Double(files.count) / best, Double(notes) / best))
    }
}

/// `xmldump --lengths`: a part's measure numbers and lengths, `"3=3/2"`.
private struct MeasureLengths: Encodable {
    var part: String
    var lengths: [String]
}

/// `xmldump --tuplets`: an event's tuplets, `["3:2", "5:4"]`, outermost first.
private struct TupletRecord: Encodable {
    var part: Int
    var offset: Rational
    var pitches: [String]
    var grace: Bool
    var tuplets: [String]
}

/// `xmldump --warnings`: one warning of a reading.
private struct WarningRecord: Encodable {
    var code: String
    var text: String
}
