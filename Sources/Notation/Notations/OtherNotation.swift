/// A notation MusicXML has no element for (`<other-notation>`), kept with its text.
public struct OtherNotation: Sendable, Hashable, Codable {
    /// Whether it starts, stops or stands alone. Raw values are MusicXML's.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case start, stop, single
    }

    /// Start, stop or single.
    public var type: Kind
    /// Tells overlapping ones apart.
    public var number: Int
    /// The text, often a description or a SMuFL glyph name.
    public var text: String

    /// Creates an other-notation.
    public init(_ type: Kind = .single, number: Int = 1, text: String = "") {
        self.type = type
        self.number = number
        self.text = text
    }
}
