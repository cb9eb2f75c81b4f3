/// Errors raised by the Notation model when a value cannot be made or parsed.
public enum NotationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not a pitch name such as `"C#4"`.
    case invalidPitchName(String)
    /// The text is not an interval name such as `"M3"` or `"-P5"`.
    case invalidIntervalName(String)
    /// The text is not a key name such as `"A minor"` or `"Eb major"`.
    case invalidKeyName(String)
    /// The text is not a time signature such as `"3/4"`.
    case invalidTimeSignature(String)
    /// The text is not a duration label such as `"eighth."` or `"16th 3:2"`.
    case invalidDurationLabel(String)
    /// A length that is zero or negative where a positive one is needed.
    case invalidLength(Rational)
    /// Transposing would need more than a triple sharp or flat.
    case unspellable(String)

    public var description: String {
        switch self {
        case .invalidPitchName(let t): return "not a pitch name: '\(t)' (expected e.g. C#4, Eb3, F##5)"
        case .invalidIntervalName(let t): return "not an interval name: '\(t)' (expected e.g. M3, m6, P8, -P5)"
        case .invalidKeyName(let t): return "not a key: '\(t)' (expected e.g. 'C major', 'A minor', 'F# dorian')"
        case .invalidTimeSignature(let t): return "not a time signature: '\(t)' (expected e.g. 4/4, 6/8)"
        case .invalidDurationLabel(let t): return "not a duration label: '\(t)' (expected e.g. quarter, eighth., 16th 3:2)"
        case .invalidLength(let r): return "length must be positive, got \(r)"
        case .unspellable(let t): return "cannot spell \(t) with at most a triple sharp or flat"
        }
    }
}
