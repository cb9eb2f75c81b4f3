/// An 8va/8vb (or 15ma, 22ma) line's start, end or continuation (MusicXML `<octave-shift>`).
public struct OctaveShift: Sendable, Hashable, Codable {
    /// What this point of the line is. Raw values are MusicXML's: `.down` starts an 8va
    /// (notes written lower than they sound), `.up` an 8vb.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case up, down, stop, `continue`
    }

    /// Start (up or down), end, or continuation.
    public var type: Kind
    /// The interval as printed: 8 for an octave, 15 for two, 22 for three.
    public var size: Int
    /// Which of several overlapping lines this belongs to, when stated.
    public var number: Int?

    /// Creates an octave-shift mark; `size` is MusicXML's (8, 15, 22).
    public init(_ type: Kind, size: Int = 8, number: Int? = nil) {
        self.type = type
        self.size = size
        self.number = number
    }

    /// The shift in whole octaves (1 for 8, 2 for 15).
    public var octaves: Int { max(1, (size - 1) / 7) }
}
