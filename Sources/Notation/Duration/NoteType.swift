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
        let exponent = 5 - NoteType.allCases.firstIndex(of: self)!  // maxima = 2^5 quarters
        return exponent >= 0 ? Rational(1 << exponent) : Rational(1, 1 << -exponent)
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
