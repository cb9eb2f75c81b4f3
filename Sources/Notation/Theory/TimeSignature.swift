/// A meter: beats per bar and the note value of the count.
///
/// ```swift
/// let sixEight = try TimeSignature("6/8")
/// sixEight.barLength      // 3 (quarter notes)
/// sixEight.isCompound     // true
/// sixEight.beatCount      // 2
/// sixEight.beatLength     // 3/2 (a dotted quarter)
/// ```
public struct TimeSignature: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the signature is printed.
    public enum Symbol: String, Sendable, Hashable, Codable {
        case normal, common, cut, singleNumber = "single-number", senzaMisura = "senza-misura"
    }

    /// The upper number (beats, or the sum of an additive signature such as 3+2).
    public var numerator: Int
    /// The lower number: the note value counted (4 = quarter, 8 = eighth).
    public var denominator: Int
    /// How it is printed.
    public var symbol: Symbol

    /// Creates `numerator/denominator`.
    public init(_ numerator: Int, _ denominator: Int, symbol: Symbol = .normal) {
        self.numerator = numerator
        self.denominator = denominator
        self.symbol = symbol
    }

    /// 4/4.
    public static let commonTime = TimeSignature(4, 4)

    /// The length of a full bar in quarter notes.
    public var barLength: Rational { Rational(numerator * 4, denominator) }

    /// Whether beats divide in three: 6/8, 9/8, 12/8, 6/4 ….
    public var isCompound: Bool { numerator % 3 == 0 && numerator > 3 }

    /// The number of beats a musician counts: 2 in 6/8, 3 in 3/4.
    public var beatCount: Int { isCompound ? numerator / 3 : numerator }

    /// The length of one beat in quarter notes: 3/2 in 6/8, 1 in 3/4, 2 in 2/2.
    public var beatLength: Rational { barLength / Rational(beatCount) }

    /// `"3/4"`.
    public var description: String { "\(numerator)/\(denominator)" }

    /// Parses `"3/4"`, `"6/8"`, `"C"` (common time) or `"C|"` (cut time).
    /// - Throws: ``NotationError/invalidTimeSignature(_:)``.
    public init(_ text: String) throws(NotationError) {
        switch text {
        case "C", "c", "common": self.init(4, 4, symbol: .common); return
        case "C|", "cut": self.init(2, 2, symbol: .cut); return
        default: break
        }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]), n > 0, n <= 128,
              d > 0, d <= 128, d & (d - 1) == 0
        else { throw .invalidTimeSignature(text) }
        self.init(n, d)
    }
}
