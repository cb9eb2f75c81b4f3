import ArgumentParser
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

    func run() throws {
        var output = JSONLinesOutput()
        for path in files {
            if files.count > 1 { output.write("{\"file\":\(JSONLinesOutput.quoted(path))}") }
            do {
                if raw {
                    try dumpRaw(path: path, into: &output)
                } else {
                    try dumpScore(path: path, into: &output)
                }
            } catch {
                output.flush()
                // One line naming the file and the problem (some errors name the file already).
                let message = "\(error)".replacingOccurrences(of: "\n", with: " ")
                let line = message.contains(path) ? message : "\(path): \(message)"
                FileHandle.standardError.write(Data("recompose dump: \(line)\n".utf8))
                throw ExitCode(1)
            }
        }
        output.flush()
    }

    private func dumpRaw(path: String, into output: inout JSONLinesOutput) throws {
        let reader = MIDIReader(options: .init(strictness: strict ? .strict : .lenient))
        let file = try reader.read(contentsOf: URL(fileURLWithPath: path))
        for warning in file.warnings {
            FileHandle.standardError.write(Data("recompose dump: \(path): warning: \(warning)\n".utf8))
        }
        let map = MIDITempoMap(file)
        for note in file.notes {
            output.write("{\"track\":\(note.track),\"channel\":\(note.channel),\"pitch\":\(note.pitch),"
                + "\"velocity\":\(note.velocity),\"on\":\(note.on),\"off\":\(note.off),"
                + "\"onSeconds\":\(JSONLinesOutput.seconds(map.seconds(atTick: note.on))),"
                + "\"offSeconds\":\(JSONLinesOutput.seconds(map.seconds(atTick: note.off)))}")
        }
    }

    private func dumpScore(path: String, into output: inout JSONLinesOutput) throws {
        let url = URL(fileURLWithPath: path)
        let score: Score
        if ["mid", "midi"].contains(url.pathExtension.lowercased()) {
            // MIDI goes through the reader directly so that --strict and --report apply.
            let reader = MIDIReader(options: .init(strictness: strict ? .strict : .lenient))
            let file = try reader.read(contentsOf: url)
            for warning in file.warnings {
                FileHandle.standardError.write(Data("recompose dump: \(path): warning: \(warning)\n".utf8))
            }
            let result = try Quantizer().score(from: file)
            if report { FileHandle.standardError.write(Data("recompose dump: \(path): \(result.report)\n".utf8)) }
            score = result.score
        } else {
            score = try Score.read(contentsOf: url)
        }
        for placed in score.notesAndChords { output.write(JSONLinesOutput.noteLine(placed)) }
    }
}

/// Buffered standard output for JSON lines.
struct JSONLinesOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// The dump line of a note or chord: part, staff, voice, absolute offset, duration (0 for
    /// grace notes), pitches low to high, tie and grace flag.
    static func noteLine(_ placed: PlacedEvent) -> String {
        let pitches = placed.event.pitches.map { quoted($0.name) }.joined(separator: ",")
        let tie = placed.event.tie.map { "\"\($0.rawValue)\"" } ?? "null"
        let duration = placed.event.isGrace ? "0" : placed.event.duration.quarterLength.description
        return "{\"part\":\(placed.part),\"staff\":\(placed.staff),\"voice\":\(quoted(placed.voice)),"
            + "\"offset\":\"\(placed.offset)\",\"duration\":\"\(duration)\",\"pitches\":[\(pitches)],"
            + "\"tie\":\(tie),\"grace\":\(placed.event.isGrace)}"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Seconds rounded to the microsecond, without trailing zeros but with one decimal: `0.5`, `1.0`.
    static func seconds(_ value: Double) -> String {
        let micros = (value * 1_000_000).rounded()
        let whole = Int(micros / 1_000_000)
        var fraction = Int(micros) - whole * 1_000_000
        guard fraction != 0 else { return "\(whole).0" }
        var digits = 6
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}
