/// An accidental written as a mark above or below a note or ornament (a trill's sharp),
/// not altering the note itself.
public struct AccidentalMark: Sendable, Hashable, Codable {
    /// The MusicXML `accidental-value` (`"sharp"`, `"natural"`, `"quarter-flat"`, …).
    public var value: String
    /// Above or below, when stated.
    public var placement: Placement?

    /// Creates an accidental mark.
    public init(_ value: String, placement: Placement? = nil) {
        self.value = value
        self.placement = placement
    }
}
