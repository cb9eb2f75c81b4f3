import ArgumentParser
import CommandLineSupport
import Foundation
import Notation

/// `recompose-dev theory`: answers theory questions given as JSON lines on standard input, one
/// JSON line out per line in. It exists so that `Scripts/parity/theory.py` can compare this
/// library with music21 on thousands of cases in one process.
///
/// Requests (`op` selects the question):
///
/// ```text
/// {"op":"interval","from":"C4","to":"E-5"}        → {"name":"m10","semitones":15,"niceName":"Minor Tenth",…}
/// {"op":"transpose","pitch":"E4","interval":"M3"} → {"pitch":"G#4"}
/// {"op":"chord","pitches":["C4","E4","G4"]}       → {"root":"C4","commonName":"major triad",…}
/// {"op":"key","notes":[["C4",1],["E4",0.5]],"profile":"aarden"} → {"tonic":"C","mode":"major",…}
/// ```
///
/// A request that cannot be answered gives `{"error": "…"}` on its line; the command goes on.
struct TheoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theory",
        abstract: "Answer JSON-lines theory queries on stdin (for parity checks).",
        shouldDisplay: false)

    func run() throws {
        try OracleSession.answerEachLine(Request.self, malformed: "not a JSON object", TheoryCommand.answer)
    }

    static func answer(_ request: Request) throws -> any Encodable {
        switch request.op {
        case "interval":
            let from = try Pitch(try required(request.from, "from")), to = try Pitch(try required(request.to, "to"))
            let interval = Interval(from: from, to: to)
            return IntervalAnswer(name: interval.name, semitones: interval.semitones, niceName: interval.niceName,
                                  descending: interval.isDescending)
        case "transpose":
            let pitch = try Pitch(try required(request.pitch, "pitch"))
            let interval = try Interval(try required(request.interval, "interval"))
            return TransposeAnswer(pitch: try pitch.transposed(by: interval).name)
        case "chord":
            let names = try required(request.pitches, "pitches")
            let chord = Chord(try names.map { name throws(NotationError) in try Pitch(name) })
            return ChordAnswer(normalOrder: chord.normalOrderLabel, pitchClassLabel: chord.pitchClassLabel,
                               root: chord.root?.name, spelledRoot: chord.spelledRoot?.name, bass: chord.bass?.name,
                               inversion: chord.inversion, spelledInversion: chord.spelledInversion,
                               commonName: chord.music21.commonName, pitchedCommonName: chord.music21.pitchedCommonName,
                               quality: chord.quality?.name)
        case "key":
            let notes = try required(request.notes, "notes")
            let weighted = try notes.map { note in (pitch: try Pitch(note.name), length: note.quarterLength) }
            let profileName = request.profile ?? "aarden"
            guard let profile = KeyProfile(name: profileName) else { throw RequestError("unknown profile \(profileName)") }
            guard let estimate = KeyEstimator(profile: profile).estimate(weighted) else { throw RequestError("no notes") }
            return KeyAnswer(tonic: estimate.key.tonic.nameWithoutOctave, mode: estimate.key.mode.rawValue,
                             correlation: estimate.correlation)
        default:
            throw RequestError("unknown op")
        }
    }

    private static func required<Value>(_ value: Value?, _ field: String) throws -> Value {
        guard let value else { throw RequestError("\(field) missing") }
        return value
    }
}
