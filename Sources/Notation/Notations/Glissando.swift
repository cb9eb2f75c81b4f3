/// The start or end of a glissando or slide line between two notes.
public struct Glissando: Sendable, Hashable, Codable {
    /// Which of the two MusicXML elements: raw values are the element names.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `<glissando>`: usually drawn wavy, discrete pitches.
        case glissando
        /// `<slide>`: a continuous portamento, usually a straight line.
        case slide
    }

    /// Glissando or slide.
    public var kind: Kind
    /// Start or stop (MusicXML allows no middle point).
    public var type: StartStop
    /// Tells overlapping lines apart (1…16).
    public var number: Int
    /// How the line is drawn, when stated.
    public var lineType: LineType?
    /// The text along the line ("gliss."), when any.
    public var text: String?

    /// Creates a glissando or slide point.
    public init(_ kind: Kind = .glissando, _ type: StartStop, number: Int = 1, lineType: LineType? = nil, text: String? = nil) {
        self.kind = kind
        self.type = type
        self.number = number
        self.lineType = lineType
        self.text = text
    }
}
