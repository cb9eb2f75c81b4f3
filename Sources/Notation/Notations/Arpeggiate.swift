/// An arpeggio sign (the wavy vertical line) or a non-arpeggio bracket on a chord tone.
public struct Arpeggiate: Sendable, Hashable, Codable {
    /// Which sign.
    public enum Kind: Sendable, Hashable, Codable {
        /// Roll the chord; `direction` is the arrow, when drawn.
        case arpeggiate(direction: Direction?)
        /// Strike together (a bracket); `end` is which end of the bracket this tone carries.
        case nonArpeggiate(end: End)
    }

    /// The arrow of an arpeggio. Raw values are MusicXML's.
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        case up, down
    }

    /// The end of a non-arpeggio bracket a tone carries. Raw values are MusicXML's.
    public enum End: String, Sendable, Hashable, Codable, CaseIterable {
        case top, bottom
    }

    /// Which sign, with its details.
    public var kind: Kind
    /// Tells signs in several staves or parts apart (MusicXML `number`), when stated.
    public var number: Int?

    /// Creates an arpeggio sign.
    public init(_ kind: Kind = .arpeggiate(direction: nil), number: Int? = nil) {
        self.kind = kind
        self.number = number
    }
}
