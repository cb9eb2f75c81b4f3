/// A technical indication on a note: fingering, bowing, harmonic, string and fret, plucking,
/// tonguing, hammer-on, bend and the other MusicXML `<technical>` marks.
///
/// Marks with sub-elements (a harmonic's `<natural/>`, a bend's `<bend-alter>`, a hole's
/// `<hole-closed>`) keep those as ``parts`` in order, so the mark is written back as read.
public struct Technical: Sendable, Hashable, Codable {
    /// Which mark. Raw values are the MusicXML element names.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case upBow = "up-bow", downBow = "down-bow", harmonic, openString = "open-string"
        case thumbPosition = "thumb-position", fingering, pluck, doubleTongue = "double-tongue"
        case tripleTongue = "triple-tongue", stopped, snapPizzicato = "snap-pizzicato", fret, string
        case hammerOn = "hammer-on", pullOff = "pull-off", bend, tap, heel, toe, fingernails, hole, arrow
        case handbell, brassBend = "brass-bend", flip, smear, open, halfMuted = "half-muted"
        case harmonMute = "harmon-mute", golpe
        /// A mark MusicXML has no element for; ``Technical/text`` says which.
        case otherTechnical = "other-technical"
    }

    /// A sub-element of a technical mark, by MusicXML name, with its text.
    public struct Part: Sendable, Hashable, Codable {
        /// The element name (`"natural"`, `"bend-alter"`, `"hole-closed"`).
        public var name: String
        /// Its text, empty for an empty element.
        public var text: String

        /// Creates a sub-element.
        public init(_ name: String, text: String = "") {
            self.name = name
            self.text = text
        }
    }

    /// Which mark.
    public var kind: Kind
    /// The mark's text: a finger (`"3"`), string or fret number, a pluck letter, a tap's hand…
    public var text: String?
    /// For hammer-ons and pull-offs: start or stop.
    public var type: StartStop?
    /// Above or below, when stated.
    public var placement: Placement?
    /// Sub-elements, in order (harmonics, bends, holes, arrows, harmon mutes).
    public var parts: [Part]

    /// Creates a technical mark.
    public init(_ kind: Kind, text: String? = nil, type: StartStop? = nil, placement: Placement? = nil, parts: [Part] = []) {
        self.kind = kind
        self.text = text
        self.type = type
        self.placement = placement
        self.parts = parts
    }
}
