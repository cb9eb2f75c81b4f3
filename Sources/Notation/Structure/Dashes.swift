/// A dashed line's start, end or continuation, such as after "cresc." (MusicXML `<dashes>`).
public struct Dashes: Sendable, Hashable, Codable {
    /// Start, stop or continue.
    public var type: StartStop
    /// Which of several overlapping lines this belongs to, when stated.
    public var number: Int?

    /// Creates a dashes mark.
    public init(_ type: StartStop, number: Int? = nil) {
        self.type = type
        self.number = number
    }
}
