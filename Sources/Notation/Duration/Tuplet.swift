/// A tuplet ratio: `actual` notes in the time of `normal` (a triplet is 3:2).
///
/// A note inside a tuplet lasts `normal / actual` of its written length; nested tuplets multiply.
public struct Tuplet: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How many notes are played…
    public var actual: Int
    /// …in the time of this many.
    public var normal: Int

    /// Creates an `actual:normal` tuplet. - Precondition: both are positive.
    public init(_ actual: Int, _ normal: Int) {
        precondition(actual > 0 && normal > 0, "tuplet ratio must be positive")
        self.actual = actual
        self.normal = normal
    }

    /// The triplet, 3:2.
    public static let triplet = Tuplet(3, 2)

    /// The factor a tuplet applies to a written length, `normal / actual`.
    public var multiplier: Rational { Rational(normal, actual) }

    /// `"3:2"`.
    public var description: String { "\(actual):\(normal)" }
}
