import ArgumentParser
import CommandLineSupport
import Foundation
import Notation

/// `recompose dump`: prints a file's notes as JSON lines, for inspection and parity checks.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the notes of music files as JSON lines.",
        discussion: """
            Without --raw, each note and chord of the score (rests omitted), part by part and staff \
            by staff: {"part":0,"staff":1,"voice":"1","offset":"17/2","duration":"1/3",\
            "pitches":["C#4","E4"],"tie":"start","grace":false}.
            With --raw (MIDI files only), each sounding note as stored, ordered by onset tick, \
            track and pitch: {"track":1,"channel":0,"pitch":60,"velocity":80,"on":480,"off":960,\
            "onSeconds":0.5,"offSeconds":1.0}.
            With several files, each file's lines follow a {"file": PATH} line.
            Exit status: 0 success, 1 unreadable or invalid input (one line on stderr naming the \
            file); usage errors as the argument parser reports them.
            """)

    @Flag(name: .long, help: "Print the MIDI file's sounding notes as stored, not the quantized score.")
    var raw = false

    @Flag(name: .long, help: "Treat every irregularity in a MIDI file as an error.")
    var strict = false

    @Flag(name: .long, help: "For MIDI files, print how quantization moved the notes to stderr.")
    var report = false

    @Argument(help: "The files to dump.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file.") }
    }

    /// Dumps the files in order; the first that cannot be read ends the command (exit status 1)
    /// after what was dumped before it.
    func run() throws {
        var output = JSONLines()
        defer { output.flush() }
        for path in files {
            if files.count > 1 { try output.write(FileRecord(file: path)) }
            try attributing(to: path) {
                if raw { try dumpRaw(path: path, into: &output) } else { try dumpScore(path: path, into: &output) }
            }
        }
    }

    private func dumpRaw(path: String, into output: inout JSONLines) throws {
        let reader = MIDIReader(options: .init(strictness: strict ? .strict : .lenient))
        let file = try reader.read(contentsOf: URL(fileURLWithPath: path))
        for warning in file.warnings {
            note("recompose dump: \(path): warning: \(warning)")
        }
        let map = MIDITempoMap(file)
        for note in file.notes { try output.write(RawNoteRecord(note, tempoMap: map)) }
    }

    private func dumpScore(path: String, into output: inout JSONLines) throws {
        let url = URL(fileURLWithPath: path)
        let score: Score
        if ["mid", "midi"].contains(url.pathExtension.lowercased()) {
            // MIDI goes through the reader directly so that --strict and --report apply.
            let reader = MIDIReader(options: .init(strictness: strict ? .strict : .lenient))
            let file = try reader.read(contentsOf: url)
            for warning in file.warnings {
                note("recompose dump: \(path): warning: \(warning)")
            }
            let result = try Quantizer().score(from: file)
            if report { note("recompose dump: \(path): \(result.report)") }
            score = result.score
        } else {
            score = try Score.read(contentsOf: url)
        }
        for placed in score.notesAndChords { try output.write(NoteRecord(placed)) }
    }
}
