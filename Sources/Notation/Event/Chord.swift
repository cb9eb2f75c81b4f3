/// Several notes struck together with one duration.
///
/// Each chord tone is a ``Note`` so that ties and marks can differ per tone (one tone tied
/// over while the others are struck again); the chord's ``duration`` is shared by all tones.
/// Tones are kept sorted from low to high.
///
/// Analysis — root, inversion, quality — lives in `Theory/Chord+Analysis.swift`; music21's chord
/// names (for the parity tools) in `Music21/Chord+Music21.swift`.
public struct Chord: Sendable, Hashable, Codable {
    /// The chord tones, sorted low to high.
    public var notes: [Note] {
        didSet { notes.sort { $0.pitch < $1.pitch } }
    }

    /// Creates a chord of pitches with one duration.
    public init(_ pitches: [Pitch], _ duration: Duration = Duration(.quarter), tie: Tie? = nil) {
        self.notes = pitches.sorted().map { Note($0, duration, tie: tie) }
    }

    /// Creates a chord from notes; their durations are set to the first note's.
    public init(notes: [Note]) {
        let duration = notes.first?.duration ?? Duration(.quarter)
        self.notes = notes.map { var n = $0; n.duration = duration; return n }.sorted { $0.pitch < $1.pitch }
    }

    /// The sounding pitches, low to high.
    public var pitches: [Pitch] { notes.map(\.pitch) }

    /// The shared duration.
    public var duration: Duration {
        get { notes.first?.duration ?? Duration(.quarter) }
        set { for i in notes.indices { notes[i].duration = newValue } }
    }

    /// The chord's tie: the tie all tones share, or when they differ, the first tied tone's
    /// (as music21 reports a chord's tie). Setting it sets every tone.
    public var tie: Tie? {
        get { notes.first(where: { $0.tie != nil })?.tie }
        set { for i in notes.indices { notes[i].tie = newValue } }
    }

    /// Whether the chord is a grace chord.
    public var isGrace: Bool { notes.first?.isGrace ?? false }

    /// Time taken in the voice: zero for grace chords.
    public var quarterLength: Rational { isGrace ? .zero : duration.quarterLength }
}

extension Chord: CustomStringConvertible {
    public var description: String {
        "<" + pitches.map(\.name).joined(separator: " ") + "> \(duration)" + (tie.map { " tie:\($0.rawValue)" } ?? "")
    }
}
