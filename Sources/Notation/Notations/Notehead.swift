/// A notehead other than the plain oval, or a plain one with parentheses or a forced fill.
public struct Notehead: Sendable, Hashable, Codable {
    /// The shape. Raw values are MusicXML's `notehead-value`.
    public enum Shape: String, Sendable, Hashable, Codable, CaseIterable {
        case slash, triangle, diamond, square, cross, x, circleX = "circle-x", invertedTriangle = "inverted triangle"
        case arrowDown = "arrow down", arrowUp = "arrow up", circled, slashed, backSlashed = "back slashed", normal
        case cluster, circleDot = "circle dot", leftTriangle = "left triangle", rectangle, none
        case `do`, re, mi, fa, faUp = "fa up", so, la, ti, other
    }

    /// The shape.
    public var shape: Shape
    /// Whether the head is filled, when the encoding forces it.
    public var filled: Bool?
    /// Whether the head is in parentheses.
    public var parentheses: Bool

    /// Creates a notehead.
    public init(_ shape: Shape, filled: Bool? = nil, parentheses: Bool = false) {
        self.shape = shape
        self.filled = filled
        self.parentheses = parentheses
    }
}
