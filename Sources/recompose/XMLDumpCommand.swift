import ArgumentParser
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

    @Flag(help: "Print each part's measure lengths instead of notes.")
    var lengths = false

    func run() throws {
        var out = ""
        for file in files {
            do {
                let score = try MusicXMLReader().read(contentsOf: URL(fileURLWithPath: file))
                out += "{\"file\":\(Self.quote(file))}\n"
                if let export {
                    let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".musicxml"
                    try MusicXMLWriter().write(score, to: URL(fileURLWithPath: export).appendingPathComponent(name))
                }
                if lengths {
                    for part in score.parts {
                        out += part.id + ": " + (part.staves.first?.measures.map { "\($0.number)=\($0.length)" } ?? []).joined(separator: " ") + "\n"
                    }
                    continue
                }
                for placed in score.events where !placed.event.isRest {
                    let pitches = placed.event.pitches.map { Self.quote($0.name) }.joined(separator: ",")
                    let tie = placed.event.tie.map { Self.quote($0.rawValue) } ?? "null"
                    let duration = placed.event.isGrace ? Rational.zero : placed.event.quarterLength
                    out += "{\"part\":\(placed.part),\"staff\":\(placed.staff),\"voice\":\(Self.quote(placed.voice)),"
                        + "\"offset\":\"\(placed.offset)\",\"duration\":\"\(duration)\",\"pitches\":[\(pitches)],"
                        + "\"tie\":\(tie),\"grace\":\(placed.event.isGrace)}\n"
                }
            } catch {
                out += "{\"file\":\(Self.quote(file)),\"error\":\(Self.quote("\(error)"))}\n"
            }
            if out.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    static func quote(_ text: String) -> String {
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
}
