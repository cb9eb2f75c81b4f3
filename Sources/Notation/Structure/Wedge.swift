/// A crescendo or diminuendo hairpin's start, end or continuation (MusicXML `<wedge>`).
public struct Wedge: Sendable, Hashable, Codable {
    /// What this point of the hairpin is. Raw values are MusicXML's.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case crescendo, diminuendo, stop, `continue`
    }

    /// Start of a crescendo or diminuendo, its end, or a continuation across a system break.
    public var type: Kind
    /// Which of several overlapping hairpins this belongs to, when stated.
    public var number: Int?
    /// Whether the hairpin starts (crescendo) or ends (diminuendo) from nothing: a circle at the tip.
    public var niente: Bool
    /// The opening in tenths of a staff space, when stated.
    public var spread: Double?

    /// Creates a hairpin mark.
    public init(_ type: Kind, number: Int? = nil, niente: Bool = false, spread: Double? = nil) {
        self.type = type
        self.number = number
        self.niente = niente
        self.spread = spread
    }
}
