import ArgumentParser
import Foundation
import Notation

/// `recompose theory`: answers theory questions given as JSON lines on standard input, one
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
        while let line = readLine() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let reply: [String: Any]
            do {
                guard let data = line.data(using: .utf8),
                      let request = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                else { throw TheoryRequestError("not a JSON object") }
                reply = try TheoryCommand.answer(request)
            } catch let error as NotationError {
                reply = ["error": error.description]
            } catch {
                reply = ["error": "\(error)"]
            }
            let out = try JSONSerialization.data(withJSONObject: reply, options: [.sortedKeys])
            FileHandle.standardOutput.write(out)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }

    static func answer(_ request: [String: Any]) throws -> [String: Any] {
        switch request["op"] as? String {
        case "interval":
            let from = try Pitch(try string(request, "from")), to = try Pitch(try string(request, "to"))
            let interval = Interval(from: from, to: to)
            return ["name": interval.name, "semitones": interval.semitones, "niceName": interval.niceName,
                    "descending": interval.isDescending]
        case "transpose":
            let pitch = try Pitch(try string(request, "pitch"))
            let interval = try Interval(try string(request, "interval"))
            return ["pitch": try pitch.transposed(by: interval).name]
        case "chord":
            guard let names = request["pitches"] as? [String] else { throw TheoryRequestError("pitches missing") }
            let chord = Chord(try names.map { name throws(NotationError) in try Pitch(name) })
            var reply: [String: Any] = ["normalOrder": chord.normalOrderLabel, "pitchClassLabel": chord.pitchClassLabel]
            reply["root"] = chord.root?.name
            reply["spelledRoot"] = chord.spelledRoot?.name
            reply["bass"] = chord.bass?.name
            reply["inversion"] = chord.inversion
            reply["spelledInversion"] = chord.spelledInversion
            reply["commonName"] = chord.music21.commonName
            reply["pitchedCommonName"] = chord.music21.pitchedCommonName
            reply["quality"] = chord.quality?.name
            return reply
        case "key":
            guard let notes = request["notes"] as? [[Any]] else { throw TheoryRequestError("notes missing") }
            var weighted: [(pitch: Pitch, length: Double)] = []
            for note in notes {
                guard note.count == 2, let name = note[0] as? String, let length = (note[1] as? NSNumber)?.doubleValue
                else { throw TheoryRequestError("a note is [name, quarterLength]") }
                weighted.append((try Pitch(name), length))
            }
            let profileName = request["profile"] as? String ?? "aarden"
            guard let profile = KeyProfile(name: profileName) else { throw TheoryRequestError("unknown profile \(profileName)") }
            guard let estimate = KeyEstimator(profile: profile).estimate(weighted) else { throw TheoryRequestError("no notes") }
            return ["tonic": estimate.key.tonic.nameWithoutOctave, "mode": estimate.key.mode.rawValue,
                    "correlation": estimate.correlation]
        default:
            throw TheoryRequestError("unknown op")
        }
    }

    private static func string(_ request: [String: Any], _ field: String) throws -> String {
        guard let value = request[field] as? String else { throw TheoryRequestError("\(field) missing") }
        return value
    }
}

/// A malformed `recompose theory` request.
struct TheoryRequestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
