/// A slur's start, end or middle point on a note.
public struct Slur: Sendable, Hashable, Codable {
    /// Start, stop or continue.
    public var type: StartStop
    /// Tells overlapping slurs apart (MusicXML `number`, 1…16).
    public var number: Int
    /// Above or below the notes, when stated.
    public var placement: Placement?
    /// How the curve is drawn, when not solid.
    public var lineType: LineType?

    /// Creates a slur point.
    public init(_ type: StartStop, number: Int = 1, placement: Placement? = nil, lineType: LineType? = nil) {
        self.type = type
        self.number = number
        self.placement = placement
        self.lineType = lineType
    }
}
