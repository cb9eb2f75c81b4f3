/// Everything a score writes on one note besides its pitch, duration, tie, articulations and
/// lyrics: beams, slurs, glissandos, ornaments, technical marks, fermata details, arpeggios,
/// dynamics under the note, accidental marks, other notations, notehead, stem, grace slash and
/// cue size.
///
/// Most notes carry none of these, so ``Note`` keeps them boxed (a copy of an unmarked note
/// copies one empty reference). Each is read from and written to MusicXML `<note>` children
/// and `<notations>`.
///
/// ```swift
/// var note = Note(try Pitch("C5"), .init(.eighth))
/// note.marks.beams = [Beam(.begin)]
/// note.marks.slurs = [Slur(.start)]
/// ```
public struct NoteMarks: Sendable, Hashable, Codable {
    /// Beam segments, one per beam level (level 1 is the eighth-note beam).
    public var beams: [Beam] = []
    /// Slur starts, stops and continuations on this note.
    public var slurs: [Slur] = []
    /// Glissando and slide lines starting or ending here.
    public var glissandos: [Glissando] = []
    /// Trills, turns, mordents, tremolos and other ornaments.
    public var ornaments: [Ornament] = []
    /// Fingerings, bowings, harmonics, string and fret numbers and other technical marks.
    public var technical: [Technical] = []
    /// The fermatas' shapes and orientations (the note's `articulations` also holds
    /// `.fermata` when there is one).
    public var fermatas: [Fermata] = []
    /// An arpeggio or non-arpeggio sign on this chord tone.
    public var arpeggiate: Arpeggiate?
    /// Dynamics written under the note (`<notations><dynamics>`), by MusicXML name (`"sf"`),
    /// or the text of an `<other-dynamics>`.
    public var dynamics: [String] = []
    /// Accidentals written as marks above or below the note (not in ornaments).
    public var accidentalMarks: [AccidentalMark] = []
    /// Notations MusicXML has no element for.
    public var otherNotations: [OtherNotation] = []
    /// The notehead shape, when not a plain one.
    public var notehead: Notehead?
    /// The stem direction, when the encoding states it.
    public var stem: Stem?
    /// Whether a grace note is drawn with a slash (an acciaccatura).
    public var graceSlash = false
    /// Whether the note is a cue note (MusicXML `<cue/>`): shown small, not played.
    public var isCue = false
    /// The printed size of the note symbol (MusicXML `<type size="…">`), when stated.
    public var size: SymbolSize?

    /// No marks.
    public init() {}

    /// Whether the note carries none of these marks.
    public var isEmpty: Bool { stem == nil && beams.isEmpty && onlyStemAndBeams }

    /// Whether nothing but a stem and beams is set: such marks are kept inline in ``Note``.
    /// Field by field, since comparing with `NoteMarks()` builds one per note read (a new
    /// field must be added here too).
    var onlyStemAndBeams: Bool {
        slurs.isEmpty && glissandos.isEmpty && ornaments.isEmpty && technical.isEmpty && fermatas.isEmpty
            && arpeggiate == nil && dynamics.isEmpty && accidentalMarks.isEmpty && otherNotations.isEmpty
            && notehead == nil && !graceSlash && !isCue && size == nil
    }
}

/// The boxed ``NoteMarks`` of a ``Note``: `indirect` keeps it one reference wide.
indirect enum NoteMarkStorage: Sendable, Hashable, Codable {
    case marks(NoteMarks)

    var marks: NoteMarks { switch self { case .marks(let m): return m } }

    init(from decoder: any Decoder) throws {
        self = .marks(try NoteMarks(from: decoder))
    }

    func encode(to encoder: any Encoder) throws {
        try marks.encode(to: encoder)
    }
}
