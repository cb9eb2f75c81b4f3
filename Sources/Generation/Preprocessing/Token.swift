import Notation

/// One element of a clef stream as the model sees it: what sounds (a note, a chord or a rest)
/// and for how long.
///
/// Labels are text so vocabularies are readable and stable across runs:
/// - ``noteLabel``: `"rest"`, a pitch name `"C4"`, or chord pitches low to high joined by dots,
///   `"C4.E4.G4"` — with octaves, unlike the seed's pitch-class labels, so a generated chord
///   decodes back to the voicing it was learned from.
/// - ``durationLabel``: the canonical `Duration/label` of a single writable note
///   (`"quarter"`, `"eighth."`, `"16th 3:2"`).
public struct Token: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The label of the rest token.
    public static let restLabel = "rest"

    /// `"rest"`, `"C4"` or `"C4.E4.G4"`.
    public var noteLabel: String
    /// A `Duration/label`.
    public var durationLabel: String

    /// Creates a token from its labels.
    public init(noteLabel: String, durationLabel: String) {
        self.noteLabel = noteLabel
        self.durationLabel = durationLabel
    }

    /// The token for pitches (none for a rest) held for one writable duration.
    public init(pitches: [Pitch], duration: Duration) {
        self.noteLabel = Token.noteLabel(for: pitches)
        self.durationLabel = duration.label
    }

    /// The note label of a set of pitches.
    public static func noteLabel(for pitches: [Pitch]) -> String {
        pitches.isEmpty ? restLabel : pitches.sorted().map(\.name).joined(separator: ".")
    }

    /// The pitches a note label stands for (empty for a rest); `nil` if the label is malformed.
    public static func pitches(for noteLabel: String) -> [Pitch]? {
        if noteLabel == restLabel { return [] }
        var pitches: [Pitch] = []
        for part in noteLabel.split(separator: ".") {
            guard let pitch = Pitch.parse(String(part)) else { return nil }
            pitches.append(pitch)
        }
        return pitches.isEmpty ? nil : pitches
    }

    public var description: String { "\(noteLabel)/\(durationLabel)" }
}
