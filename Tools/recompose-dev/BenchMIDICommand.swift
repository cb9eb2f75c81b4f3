import ArgumentParser
import CommandLineSupport
import Foundation
import Notation

/// `recompose bench-midi`: times raw MIDI reading and quantization over a set of files.
struct BenchMIDICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-midi",
        abstract: "Time reading (raw notes) and quantizing MIDI files; prints one JSON object.",
        discussion: "Files are loaded into memory first, so the times exclude disk access. Build with -c release.")

    @Option(name: .customLong("repeat"), help: "Repetitions; the fastest is reported.")
    var repetitions: Int = 5

    @Argument(help: "MIDI files, or directories searched recursively for .mid/.midi files.")
    var paths: [String]

    func run() throws {
        var files: [[UInt8]] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("recompose bench-midi: \(path): no such file\n".utf8))
                throw ExitCode(1)
            }
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                while let name = enumerator?.nextObject() as? String {
                    let ext = (name as NSString).pathExtension.lowercased()
                    if ext == "mid" || ext == "midi" {
                        files.append([UInt8](try Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(name))))
                    }
                }
            } else {
                files.append([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            }
        }
        var bestRaw = Double.infinity, bestQuantized = Double.infinity
        var notes = 0, events = 0
        for _ in 0..<max(repetitions, 1) {
            var start = DispatchTime.now().uptimeNanoseconds
            notes = 0
            for bytes in files {
                let file = try MIDIReader().read(bytes)
                notes += file.notes.count
            }
            bestRaw = min(bestRaw, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            start = DispatchTime.now().uptimeNanoseconds
            events = 0
            for bytes in files {
                let score = try Quantizer().score(from: try MIDIReader().read(bytes)).score
                events += score.parts.reduce(0) { $0 + $1.measureCount }
            }
            bestQuantized = min(bestQuantized, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        try JSONLines.print(Timing(files: files.count, notes: notes, rawSeconds: bestRaw, quantizeSeconds: bestQuantized,
                                   rawNotesPerSecond: Int(Double(notes) / bestRaw),
                                   quantizedNotesPerSecond: Int(Double(notes) / bestQuantized)))
    }

    /// The one line printed: the fastest repetition's times and rates.
    struct Timing: Encodable {
        var files: Int
        var notes: Int
        var rawSeconds: Double
        var quantizeSeconds: Double
        var rawNotesPerSecond: Int
        var quantizedNotesPerSecond: Int
    }
}
