import ArgumentParser
import CommandLineSupport
import Foundation
import Notation

/// `recompose-dev roman`: reads Roman numerals and names chords, one JSON line in, one out, so
/// that `Scripts/parity/roman.py` can compare ``RomanNumeral`` with music21's `roman` module on
/// thousands of cases in one process.
///
/// ```text
/// {"op":"pitches","figure":"V7","key":"C major"}            → {"pitches":["G4","B4","D5","F5"]}
/// {"op":"figure","pitches":["F3","G3","B3","D4"],"key":"C"} → {"figure":"V42"}
/// ```
///
/// A request that cannot be answered gives `{"error": "…"}` on its line; the command goes on.
struct RomanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roman",
        abstract: "Answer JSON-lines Roman numeral queries on stdin (for parity checks).",
        shouldDisplay: false)

    func run() throws {
        try OracleSession.answerEachLine(Request.self, malformed: "not a JSON object with string fields", RomanCommand.answer)
    }

    static func answer(_ request: Request) throws -> any Encodable {
        guard let keyName = request.key else { throw RequestError("key missing") }
        let key = try Key(keyName)
        switch request.op {
        case "pitches":
            guard let figure = request.figure else { throw RequestError("figure missing") }
            return PitchesAnswer(pitches: try RomanNumeral(figure, in: key).pitches.map(\.name))
        case "figure":
            guard let names = request.pitches else { throw RequestError("pitches missing") }
            let pitches = try names.map { name throws(NotationError) in try Pitch(name) }
            guard let numeral = RomanNumeral(pitches: pitches, in: key) else { throw RequestError("no pitches") }
            return FigureAnswer(figure: numeral.figure)
        default:
            throw RequestError("unknown op")
        }
    }

    /// One question: `op` is `pitches` (needs `figure`) or `figure` (needs `pitches`, in the
    /// order given); both need `key`.
    struct Request: Decodable {
        var op: String?
        var figure: String?
        var key: String?
        var pitches: [String]?
    }

    /// `{"pitches":["G4","B4","D5","F5"]}`
    struct PitchesAnswer: Encodable {
        var pitches: [String]
    }

    /// `{"figure":"V42"}`
    struct FigureAnswer: Encodable {
        var figure: String
    }

    /// `{"error":"…"}`
}

