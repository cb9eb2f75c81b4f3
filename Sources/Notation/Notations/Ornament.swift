/// A trill, turn, mordent, tremolo or other ornament on a note, with the accidentals written
/// with it.
public struct Ornament: Sendable, Hashable, Codable {
    /// Which ornament. Raw values are the MusicXML element names.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case trillMark = "trill-mark", turn, delayedTurn = "delayed-turn", invertedTurn = "inverted-turn"
        case delayedInvertedTurn = "delayed-inverted-turn", verticalTurn = "vertical-turn"
        case invertedVerticalTurn = "inverted-vertical-turn", shake, wavyLine = "wavy-line", mordent
        case invertedMordent = "inverted-mordent", schleifer, tremolo, haydn
        /// An ornament MusicXML has no element for; ``Ornament/text`` says which.
        case otherOrnament = "other-ornament"
    }

    /// A tremolo's kind: MusicXML `tremolo-type`.
    public enum Tremolo: String, Sendable, Hashable, Codable, CaseIterable {
        /// Strokes through one note's stem.
        case single
        /// The first or second note of a two-note tremolo.
        case start, stop
        /// An unmeasured (buzz) tremolo.
        case unmeasured
    }

    /// Which ornament.
    public var kind: Kind
    /// For a wavy line: start, stop or continue.
    public var type: StartStop?
    /// For a wavy line: which of overlapping lines (MusicXML `number`, 1…16), when stated.
    public var number: Int?
    /// For a tremolo: its kind (MusicXML's default is single).
    public var tremolo: Tremolo?
    /// For a tremolo: the number of strokes, 0…8.
    public var marks: Int?
    /// For a mordent: whether it is a long one.
    public var long: Bool?
    /// For an other-ornament: its text.
    public var text: String?
    /// Above or below, when stated.
    public var placement: Placement?
    /// Accidentals written with the ornament (a trill's sharp).
    public var accidentalMarks: [AccidentalMark]

    /// Creates an ornament.
    public init(_ kind: Kind, type: StartStop? = nil, number: Int? = nil, tremolo: Tremolo? = nil, marks: Int? = nil, long: Bool? = nil,
                text: String? = nil, placement: Placement? = nil, accidentalMarks: [AccidentalMark] = []) {
        self.kind = kind
        self.type = type
        self.number = number
        self.tremolo = tremolo
        self.marks = marks
        self.long = long
        self.text = text
        self.placement = placement
        self.accidentalMarks = accidentalMarks
    }
}
