/// A bracket line over or under the staff, such as a "rit." or a line after text (MusicXML `<bracket>`).
public struct Bracket: Sendable, Hashable, Codable {
    /// How the line ends at this point. Raw values are MusicXML's.
    public enum LineEnd: String, Sendable, Hashable, Codable, CaseIterable {
        case up, down, both, arrow, none
    }

    /// Start, stop or continue.
    public var type: StartStop
    /// Which of several overlapping brackets this belongs to, when stated.
    public var number: Int?
    /// The hook at this end of the line.
    public var lineEnd: LineEnd
    /// Solid, dashed, dotted or wavy, when stated.
    public var lineType: LineType?

    /// Creates a bracket mark.
    public init(_ type: StartStop, number: Int? = nil, lineEnd: LineEnd = .none, lineType: LineType? = nil) {
        self.type = type
        self.number = number
        self.lineEnd = lineEnd
        self.lineType = lineType
    }
}
