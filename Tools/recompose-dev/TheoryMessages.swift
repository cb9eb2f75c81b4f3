// The questions and answers of `recompose-dev theory`, one JSON line each.

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
                else { throw RequestError("a note is [name, quarterLength]") }
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
}

