import ArgumentParser
import CommandLineSupport
import Foundation
import Notation

/// `recompose-dev chord-symbol`: realises and transposes chord-symbol figures, one JSON line in,
/// one out, so that `Scripts/parity/chord_symbols.py` can compare ``ChordSymbol`` with music21's
/// `harmony.ChordSymbol` and `Pitch.transpose`.
///
/// ```text
/// {"op":"pitches","figure":"Bb7/D"}                → {"figure":"Bb7/D","pitches":["D3","Bb3","F4","Ab4"]}
/// {"op":"transpose","figure":"Bb7/D","interval":"M2"} → {"figure":"C7/E","pitches":[…]}
/// ```
struct ChordSymbolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chord-symbol",
        abstract: "Answer JSON-lines chord-symbol queries on stdin (for parity checks).",
        shouldDisplay: false)

    func run() throws {
        try OracleSession.answerEachLine(Request.self, malformed: "not a JSON object with string fields", ChordSymbolCommand.answer)
    }

    static func answer(_ request: Request) throws -> any Encodable {
        guard let figure = request.figure else { throw RequestError("figure missing") }
        var symbol = try ChordSymbol(figure)
        switch request.op {
        case "pitches": break
        case "transpose":
            guard let interval = request.interval else { throw RequestError("interval missing") }
            symbol = try symbol.transposed(by: try Interval(interval))
        default: throw RequestError("unknown op")
        }
        return Answer(figure: symbol.description, pitches: symbol.pitches.map(\.name))
    }

    /// One question: `op` is `pitches` or `transpose` (needs `interval`).
    struct Request: Decodable {
        var op: String?
        var figure: String?
        var interval: String?
    }

    /// The symbol's figure and realised pitches.
    struct Answer: Encodable {
        var figure: String
        var pitches: [String]
    }
}
