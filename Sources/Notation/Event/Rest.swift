/// A silence of a given length.
public struct Rest: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The notated length.
    public var duration: Duration
    /// Whether the rest fills a whole measure whatever its meter (MusicXML `measure="yes"`).
    public var isMeasureRest: Bool

    /// Creates a rest.
    public init(_ duration: Duration = Duration(.quarter), isMeasureRest: Bool = false) {
        self.duration = duration
        self.isMeasureRest = isMeasureRest
    }

    public var description: String { "rest \(duration)" }
}
