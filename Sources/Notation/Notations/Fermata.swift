/// A fermata's orientation and shape.
///
/// A note with a fermata also has `.fermata` in its `articulations`; this value keeps what a
/// plain flag cannot (an inverted or square fermata).
public struct Fermata: Sendable, Hashable, Codable {
    /// Upright (above the staff) or inverted (below). Raw values are MusicXML's.
    public enum Orientation: String, Sendable, Hashable, Codable, CaseIterable {
        case upright, inverted
    }

    /// MusicXML's `fermata-shape`; `.normal` for the usual arc.
    public enum Shape: String, Sendable, Hashable, Codable, CaseIterable {
        case normal, angled, square, doubleAngled = "double-angled", doubleSquare = "double-square"
        case doubleDot = "double-dot", halfCurve = "half-curve", curlew
    }

    /// Upright or inverted, when stated.
    public var type: Orientation?
    /// The shape, when stated (an empty `<fermata/>` is `nil`: a normal one).
    public var shape: Shape?

    /// Creates a fermata.
    public init(_ type: Orientation? = nil, shape: Shape? = nil) {
        self.type = type
        self.shape = shape
    }
}
