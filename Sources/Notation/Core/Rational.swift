import Foundation

/// An exact fraction, used for every offset and length in Recompose.
///
/// Musical time is rational: a triplet eighth lasts exactly 1/3 of a quarter note, and adding
/// three of them must give exactly 1. Binary floating point cannot promise that, so offsets and
/// durations are `Rational`s measured in quarter notes.
///
/// A `Rational` is always reduced and its denominator is positive, so two equal values have equal
/// numerators and denominators, and `==` and hashing compare those directly.
///
/// ```swift
/// let third = Rational(1, 3)
/// third + third + third == 1   // true
/// Rational("3/2")               // 3/2
/// ```
@frozen
public struct Rational: Sendable, Hashable {
    /// The numerator, carrying the sign.
    public let numerator: Int
    /// The denominator, always positive.
    public let denominator: Int

    /// Creates the fraction `numerator / denominator`, reduced.
    ///
    /// - Precondition: `denominator` is not zero.
    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "Rational with zero denominator")
        let divisor = Rational.gcd(numerator, denominator)
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    /// Zero.
    public static let zero = Rational(0)
    /// One.
    public static let one = Rational(1)

    /// Greatest common divisor of two integers (always positive, 1 for `gcd(0, 0)`).
    public static func gcd(_ a: Int, _ b: Int) -> Int {
        var x = a.magnitude, y = b.magnitude
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int(x)
    }

    /// Least common multiple of two positive integers.
    public static func lcm(_ a: Int, _ b: Int) -> Int {
        a / gcd(a, b) * b
    }

    /// The value as a `Double`, for display and for MIDI timing only.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// Whether the value is a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// The largest integer not greater than the value.
    public var floor: Int {
        numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator)
    }

    /// Whether the denominator is a power of two (a length plain and dotted notes can show).
    public var isDyadic: Bool { denominator & (denominator - 1) == 0 }

    /// The absolute value.
    public var magnitude: Rational { numerator < 0 ? -self : self }

    /// The nearest multiple of `step` (halves round up).
    public func rounded(toMultipleOf step: Rational) -> Rational {
        let units = self / step
        let floorUnits = units.floor
        let remainder = units - Rational(floorUnits)
        let count = remainder >= Rational(1, 2) ? floorUnits + 1 : floorUnits
        return Rational(count) * step
    }
}

extension Rational: Comparable {
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }
}

extension Rational: AdditiveArithmetic {
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if lhs.denominator == rhs.denominator {
            return Rational(lhs.numerator + rhs.numerator, lhs.denominator)
        }
        let common = lcm(lhs.denominator, rhs.denominator)
        return Rational(
            lhs.numerator * (common / lhs.denominator) + rhs.numerator * (common / rhs.denominator),
            common)
    }

    public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + (-rhs) }

    public static prefix func - (value: Rational) -> Rational {
        Rational(-value.numerator, value.denominator)
    }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        let a = gcd(lhs.numerator, rhs.denominator), b = gcd(rhs.numerator, lhs.denominator)
        return Rational((lhs.numerator / a) * (rhs.numerator / b), (lhs.denominator / b) * (rhs.denominator / a))
    }

    /// Division. - Precondition: `rhs` is not zero.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        lhs * Rational(rhs.denominator, rhs.numerator)
    }

    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: CustomStringConvertible, LosslessStringConvertible {
    /// `"3"`, `"3/2"` or `"-1/3"`: the reduced fraction.
    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    /// Parses `"3"`, `"-3/2"`, and decimal forms such as `"1.5"` or `"0.25"`.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let slash = trimmed.firstIndex(of: "/") {
            guard let n = Int(trimmed[..<slash]), let d = Int(trimmed[trimmed.index(after: slash)...]), d != 0
            else { return nil }
            self.init(n, d)
        } else if let dot = trimmed.firstIndex(of: ".") {
            let whole = trimmed[..<dot], fraction = trimmed[trimmed.index(after: dot)...]
            guard fraction.count <= 15, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber),
                  let w = whole.isEmpty || whole == "-" ? 0 : Int(whole)
            else { return nil }
            let digits = fraction.isEmpty ? 0 : Int(fraction)!
            var scale = 1
            for _ in fraction { scale *= 10 }
            let negative = whole.hasPrefix("-")
            let magnitude = Rational(abs(w)) + Rational(digits, scale)
            self = negative ? -magnitude : magnitude
        } else {
            guard let n = Int(trimmed) else { return nil }
            self.init(n)
        }
    }
}

extension Rational: Codable {
    /// Encodes as the text of ``description`` (`"3/2"`), so JSON stays exact and readable.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Rational(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a fraction: \(text)")
        }
        self = value
    }
}
