/// The written shape of a note: whole, half, quarter, … — its length before dots and tuplets.
///
/// Raw values are the MusicXML `<type>` names.
public enum NoteType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case maxima, long, breve, whole, half, quarter, eighth
    case sixteenth = "16th", thirtySecond = "32nd", sixtyFourth = "64th"
    case hundredTwentyEighth = "128th", twoHundredFiftySixth = "256th"
    case fiveHundredTwelfth = "512th", thousandTwentyFourth = "1024th"

    /// Length in quarter notes: a whole is 4, an eighth 1/2, a breve 8.
    public var quarterLength: Rational {
        // A switch, not `allCases.firstIndex`: this is on every reader's hot path and
        // `allCases` builds an array on each call.
        switch self {
        case .maxima: return Rational(32)
        case .long: return Rational(16)
        case .breve: return Rational(8)
        case .whole: return Rational(4)
        case .half: return Rational(2)
        case .quarter: return Rational(1)
        case .eighth: return Rational(1, 2)
        case .sixteenth: return Rational(1, 4)
        case .thirtySecond: return Rational(1, 8)
        case .sixtyFourth: return Rational(1, 16)
        case .hundredTwentyEighth: return Rational(1, 32)
        case .twoHundredFiftySixth: return Rational(1, 64)
        case .fiveHundredTwelfth: return Rational(1, 128)
        case .thousandTwentyFourth: return Rational(1, 256)
        }
    }

    /// The type whose plain length is exactly `length`, if any.
    public init?(quarterLength length: Rational) {
        guard let match = NoteType.allCases.first(where: { $0.quarterLength == length }) else { return nil }
        self = match
    }

    /// The longest type not longer than `length`, if any.
    public static func longest(notExceeding length: Rational) -> NoteType? {
        NoteType.allCases.first { $0.quarterLength <= length }
    }

    public static func < (lhs: NoteType, rhs: NoteType) -> Bool { lhs.quarterLength < rhs.quarterLength }
}
