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
        var output = JSONLines()
        let decoder = JSONDecoder()
        while let line = readLine() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            do {
                let request: Request
                do { request = try decoder.decode(Request.self, from: Data(line.utf8)) } catch is DecodingError {
                    throw TheoryRequestError("not a JSON object")
                }
                try output.write(try TheoryCommand.answer(request))
            } catch {
                try output.write(Failure(error: "\(error)"))
            }
            output.flush()  // one answer per question, at once: the caller may wait for it
        }
    }

    static func answer(_ request: Request) throws -> any Encodable {
        switch request.op {
        case "interval":
            let from = try Pitch(try required(request.from, "from")), to = try Pitch(try required(request.to, "to"))
            let interval = Interval(from: from, to: to)
            return IntervalAnswer(name: interval.name, semitones: interval.semitones, niceName: interval.music21NiceName,
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
                               commonName: chord.commonName, pitchedCommonName: chord.pitchedCommonName,
                               quality: chord.quality?.name)
        case "key":
            let notes = try required(request.notes, "notes")
            let weighted = try notes.map { note in (pitch: try Pitch(note.name), length: note.quarterLength) }
            let profileName = request.profile ?? "aarden"
            guard let profile = KeyProfile(name: profileName) else { throw TheoryRequestError("unknown profile \(profileName)") }
            guard let estimate = KeyEstimator(profile: profile).estimate(weighted) else { throw TheoryRequestError("no notes") }
            return KeyAnswer(tonic: estimate.key.tonic.nameWithoutOctave, mode: estimate.key.mode.rawValue,
                             correlation: estimate.correlation)
        default:
            throw TheoryRequestError("unknown op")
        }
    }

    private static func required<Value>(_ value: Value?, _ field: String) throws -> Value {
        guard let value else { throw TheoryRequestError("\(field) missing") }
        return value
    }
}

extension TheoryCommand {
    /// One question. `op` says which; the fields it needs are read, the others ignored. A field
    /// of the wrong type counts as missing.
    struct Request: Decodable {
        var op: String?
        var from: String?, to: String?
        var pitch: String?, interval: String?
        var pitches: [String]?
        var notes: [WeightedPitch]?
        var profile: String?

        /// A pitch and its weight, `["C4", 1.5]`.
        struct WeightedPitch: Decodable {
            var name: String
            var quarterLength: Double

            init(from decoder: any Decoder) throws {
                guard var pair = try? decoder.unkeyedContainer(), pair.count == 2,
                      let name = try? pair.decode(String.self), let length = try? pair.decode(Double.self)
                else { throw TheoryRequestError("a note is [name, quarterLength]") }
                self.name = name
                quarterLength = length
            }
        }

        private enum CodingKeys: String, CodingKey { case op, from, to, pitch, interval, pitches, notes, profile }

        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String? { (try? fields.decodeIfPresent(String.self, forKey: key)) ?? nil }
            op = text(.op)
            from = text(.from)
            to = text(.to)
            pitch = text(.pitch)
            interval = text(.interval)
            profile = text(.profile)
            pitches = (try? fields.decodeIfPresent([String].self, forKey: .pitches)) ?? nil
            if var list = try? fields.nestedUnkeyedContainer(forKey: .notes) {
                var notes: [WeightedPitch] = []
                while !list.isAtEnd { notes.append(try list.decode(WeightedPitch.self)) }
                self.notes = notes
            }
        }
    }

    /// `{"name":"m10","semitones":15,"niceName":"Minor Tenth","descending":false}`
    struct IntervalAnswer: Encodable {
        var name: String
        var semitones: Int
        var niceName: String
        var descending: Bool
    }

    /// `{"pitch":"G#4"}`
    struct TransposeAnswer: Encodable {
        var pitch: String
    }

    /// The labels are always there; the names and roots only when the chord has them.
    struct ChordAnswer: Encodable {
        var normalOrder: String
        var pitchClassLabel: String
        var root: String?
        var spelledRoot: String?
        var bass: String?
        var inversion: Int?
        var spelledInversion: Int?
        var commonName: String?
        var pitchedCommonName: String?
        var quality: String?
    }

    /// `{"tonic":"C","mode":"major","correlation":0.73}`
    struct KeyAnswer: Encodable {
        var tonic: String
        var mode: String
        var correlation: Double
    }

    /// `{"error":"…"}`, for a question that cannot be answered.
    struct Failure: Encodable {
        var error: String
    }
}

/// A malformed `recompose-dev theory` request.
struct TheoryRequestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
