/// A notated length: a note type, dots and tuplets, with its exact length in quarter notes.
///
/// Every `Duration` is something a note can show on the page. Lengths that no single note can
/// show (5/4 of a quarter, say) are split by ``decompose(_:)`` into tied parts.
///
/// ```swift
/// Duration(.quarter).quarterLength                 // 1
/// Duration(.eighth, dots: 1).label                 // "eighth."
/// Duration(.sixteenth, tuplets: [.triplet]).label  // "16th 3:2"
/// Duration.decompose(Rational(5, 4)).map(\.label)  // ["quarter", "16th"]
/// ```
///
/// Equality compares the notation, not only the length: a dotted quarter and a quarter in a
/// 2:3 duplet last the same but are different durations.
public struct Duration: Sendable, Hashable, Codable {
    /// The written note shape.
    public var type: NoteType
    /// Augmentation dots (0 … 4).
    public var dots: Int
    /// Tuplets from outermost to innermost; empty for plain notes.
    public var tuplets: [Tuplet]

    /// Creates a duration from its notation.
    public init(_ type: NoteType, dots: Int = 0, tuplets: [Tuplet] = []) {
        self.type = type
        self.dots = dots
        self.tuplets = tuplets
    }

    /// The exact length in quarter notes.
    public var quarterLength: Rational {
        // Each dot adds half the previous value: length × (2 − 1/2^dots).
        var length = type.quarterLength * Rational((1 << (dots + 1)) - 1, 1 << dots)
        for tuplet in tuplets { length = length * tuplet.multiplier }
        return length
    }

    /// The canonical text label, used as a vocabulary entry in generation:
    /// `"quarter"`, `"eighth."`, `"half.."`, `"16th 3:2"`, `"eighth 3:2 5:4"` (nested).
    public var label: String {
        ([type.rawValue + String(repeating: ".", count: dots)] + tuplets.map(\.description)).joined(separator: " ")
    }

    /// Parses a ``label``.
    /// - Throws: ``NotationError/invalidDurationLabel(_:)``.
    public init(label: String) throws(NotationError) {
        let words = label.split(separator: " ")
        guard let head = words.first else { throw .invalidDurationLabel(label) }
        let dots = head.reversed().prefix(while: { $0 == "." }).count
        guard let type = NoteType(rawValue: String(head.dropLast(dots))), dots <= 4 else { throw .invalidDurationLabel(label) }
        var tuplets: [Tuplet] = []
        for word in words.dropFirst() {
            let parts = word.split(separator: ":")
            guard parts.count == 2, let a = Int(parts[0]), let n = Int(parts[1]), a > 0, n > 0, a <= 64, n <= 64
            else { throw .invalidDurationLabel(label) }
            tuplets.append(Tuplet(a, n))
        }
        self.init(type, dots: dots, tuplets: tuplets)
    }

    /// The single duration of exactly this length, preferring plain, then dotted, then tuplet
    /// notes; `nil` when no single note can show it (then use ``decompose(_:)``).
    public init?(quarterLength length: Rational) {
        guard length > 0 else { return nil }
        if let single = Duration.dyadic(length) { self = single; return }
        guard let tuplet = Duration.tuplet(for: length.denominator),
              let written = Duration.dyadic(length / tuplet.multiplier)
        else { return nil }
        self.init(written.type, dots: written.dots, tuplets: [tuplet])
    }

    /// Splits a length into notes that can be written and tied, longest first: 5/4 → quarter +
    /// 16th; 7/3 → half + eighth 3:2 … Lengths with an odd factor in the denominator become
    /// tuplet notes (3 → 3:2, 5 → 5:4, 7 → 7:4, 6 → 3:2 …).
    ///
    /// - Returns: An empty array for a length of zero or less.
    public static func decompose(_ length: Rational) -> [Duration] {
        guard length > 0 else { return [] }
        // A single note, unless it would be a dotted tuplet note ("half.. 3:2" for 7/3): those
        // read worse than the documented split into whole beats plus a plain tuplet note.
        if let single = Duration(quarterLength: length), single.tuplets.isEmpty || single.dots == 0 {
            return [single]
        }
        if length.isDyadic { return greedyDyadic(length, tuplets: []) }
        // Split into the whole-beat dyadic part and the tuplet remainder, so that 7/3 reads as
        // 2 (half) + 1/3 (eighth triplet) rather than as seven triplet eighths.
        guard let tuplet = tuplet(for: length.denominator) else { return [] }
        // The largest dyadic part such that the remainder is a tuplet length under one beat.
        let whole = Rational(length.floor)
        let remainder = length - whole
        var parts = whole > 0 ? greedyDyadic(whole, tuplets: []) : []
        parts += greedyDyadic(remainder / tuplet.multiplier, tuplets: [tuplet])
        return parts
    }

    /// The tuplet that makes a denominator dyadic: 3 → 3:2, 5 → 5:4, 7 → 7:4, 9 → 9:8 …
    static func tuplet(for denominator: Int) -> Tuplet? {
        var odd = denominator
        while odd % 2 == 0 { odd /= 2 }
        guard odd > 1, odd <= 63 else { return nil }
        var normal = 1
        while normal * 2 < odd { normal *= 2 }
        return Tuplet(odd, normal)
    }

    /// A single plain or dotted note (up to 4 dots) of a dyadic length.
    static func dyadic(_ length: Rational) -> Duration? {
        guard length > 0, length.isDyadic else { return nil }
        for type in NoteType.allCases where type.quarterLength <= length {
            for dots in 0...4 {
                let candidate = Duration(type, dots: dots)
                let value = candidate.quarterLength
                if value == length { return candidate }
                if value > length { break }
            }
        }
        return nil
    }

    /// Greedy split of a dyadic length into plain or dotted notes.
    static func greedyDyadic(_ length: Rational, tuplets: [Tuplet]) -> [Duration] {
        var parts: [Duration] = []
        var left = length
        while left > 0 {
            if var exact = dyadic(left), exact.dots <= 1 {
                exact.tuplets = tuplets
                parts.append(exact)
                break
            }
            guard let type = NoteType.longest(notExceeding: left) else { break }  // below 1024th: drop
            parts.append(Duration(type, tuplets: tuplets))
            left -= type.quarterLength
        }
        return parts
    }
}

extension Duration: CustomStringConvertible {
    public var description: String { label }
}
