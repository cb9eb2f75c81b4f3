/// A single pitched note: a pitch held for a duration, with its performance marks.
///
/// ```swift
/// var note = Note(try Pitch("G4"), .init(.quarter))
/// note.tie = .start
/// note.articulations.insert(.staccato)
/// ```
public struct Note: Sendable, Hashable, Codable {
    /// The spelled pitch.
    public var pitch: Pitch
    /// The notated length.
    public var duration: Duration
    /// The note's place in a chain of ties, if tied.
    public var tie: Tie?
    /// MIDI velocity 1…127, when known (from MIDI, or a dynamic).
    public var velocity: Int?
    /// Articulations and fermatas.
    public var articulations: Set<Articulation>
    /// Lyric syllables, one per verse.
    public var lyrics: [Lyric]
    /// Whether the note is a grace note, which takes no time in the measure.
    public var isGrace: Bool
    /// The accidental to print, when the encoding says so explicitly (cautionary, editorial).
    public var displayedAccidental: Accidental?
    /// Beams, slurs, ornaments, technical marks, notehead, stem and the other notations.
    public var marks: NoteMarks {
        get {
            var marks = markStorage?.marks ?? NoteMarks()
            marks.stem = stemMark
            marks.beams = beamMarks
            return marks
        }
        set {
            stemMark = newValue.stem
            beamMarks = newValue.beams
            var rare = newValue
            rare.stem = nil
            rare.beams = []
            markStorage = rare.isEmpty ? nil : .marks(rare)
        }
    }
    // Stems and beams are on most notes of an engraved score: kept inline, they cost no
    // allocation per note. The rarer marks are boxed so that a note stays small to copy.
    private var stemMark: Stem?
    private var beamMarks: [Beam] = []
    private var markStorage: NoteMarkStorage?

    /// Creates a note.
    public init(_ pitch: Pitch, _ duration: Duration = Duration(.quarter), tie: Tie? = nil, velocity: Int? = nil,
                articulations: Set<Articulation> = [], lyrics: [Lyric] = [], isGrace: Bool = false,
                displayedAccidental: Accidental? = nil, marks: NoteMarks = NoteMarks()) {
        self.pitch = pitch
        self.duration = duration
        self.tie = tie
        self.velocity = velocity
        self.articulations = articulations
        self.lyrics = lyrics
        self.isGrace = isGrace
        self.displayedAccidental = displayedAccidental
        if !marks.isEmpty { self.marks = marks }
    }

    /// The time the note takes in its measure: zero for grace notes.
    public var quarterLength: Rational { isGrace ? .zero : duration.quarterLength }
}

extension Note: CustomStringConvertible {
    public var description: String { "\(pitch) \(duration)" + (tie.map { " tie:\($0.rawValue)" } ?? "") }
}
