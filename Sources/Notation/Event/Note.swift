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
            if newValue.onlyStemAndBeams {
                markStorage = nil
            } else {
                var rare = newValue
                rare.stem = nil
                rare.beams = []
                markStorage = .marks(rare)
            }
        }
    }
    // Stems and beams are on most notes of an engraved score: kept inline, they cost no
    // allocation per note. The rarer marks are boxed so that a note stays small to copy.
    // Internal so that the MusicXML writer reads them without assembling a `NoteMarks`.
    private(set) var stemMark: Stem?
    private(set) var beamMarks: [Beam] = []
    private var markStorage: NoteMarkStorage?
    /// The boxed marks (all but stem and beams), `nil` when there are none.
    var rareMarks: NoteMarks? { markStorage?.marks }

    /// Creates a note.
    public init(_ pitch: Pitch, _ duration: Duration = Duration(.quarter), tie: Tie? = nil, velocity: Int? = nil,
                articulations: Set<Articulation> = [], lyrics: [Lyric] = [], isGrace: Bool = false,
                displayedAccidental: Accidental? = nil, marks: NoteMarks = NoteMarks()) {
        self.init(pitch, duration, tie: tie, velocity: velocity, articulations: articulations, lyrics: lyrics,
                  isGrace: isGrace, displayedAccidental: displayedAccidental, stem: marks.stem, beams: marks.beams,
                  rare: marks.onlyStemAndBeams ? nil : marks)
    }

    /// The MusicXML reader's initializer: the stem and beams as they are, the other marks
    /// boxed only when `marks` has any (checked by the caller once per `<note>`), so that an
    /// ordinary note costs no copy of a whole ``NoteMarks``.
    init(_ pitch: Pitch, _ duration: Duration, tie: Tie?, velocity: Int?, articulations: Set<Articulation>,
         lyrics: [Lyric], isGrace: Bool, displayedAccidental: Accidental?, stem: Stem?, beams: [Beam], rare: NoteMarks?) {
        self.pitch = pitch
        self.duration = duration
        self.tie = tie
        self.velocity = velocity
        self.articulations = articulations
        self.lyrics = lyrics
        self.isGrace = isGrace
        self.displayedAccidental = displayedAccidental
        self.stemMark = stem
        self.beamMarks = beams
        if var rare {
            rare.stem = nil
            rare.beams = []
            markStorage = .marks(rare)
        }
    }

    /// The time the note takes in its measure: zero for grace notes.
    public var quarterLength: Rational { isGrace ? .zero : duration.quarterLength }
}

extension Note: CustomStringConvertible {
    public var description: String { "\(pitch) \(duration)" + (tie.map { " tie:\($0.rawValue)" } ?? "") }
}
