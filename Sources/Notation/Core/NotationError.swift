import Foundation

/// A value the Notation model cannot make: a name that is not a pitch, interval, key, meter or
/// duration; a length that is not positive; a transposition that cannot be spelled; a file
/// whose extension names no format.
///
/// Files that fail while being read or written have errors of their own that say where
/// (``MusicXMLError``: line and column; ``MIDIError``: byte offset). This one has a stable
/// ``code`` for programs, the ``text`` that was refused, and a ``reason`` for people.
///
/// Two errors are equal when code, text and reason are.
public struct NotationError: Error, Hashable, CustomStringConvertible, LocalizedError {
    /// A stable identifier of the kind of failure.
    ///
    /// Its raw value is the stable text of the code, e.g. `"modelFile"`. Switch over it with a
    /// `default:` branch: later versions may add codes.
    public enum Code: String, Sendable, Hashable, CustomStringConvertible {
        /// The text is not a pitch name.
        case invalidPitchName
        /// The text is not an interval name.
        case invalidIntervalName
        /// The text is not a key name.
        case invalidKeyName
        /// The text is not a time signature.
        case invalidTimeSignature
        /// The text is not a duration label.
        case invalidDurationLabel
        /// A length that is zero or negative where a positive one is needed.
        case invalidLength
        /// A pitch's alteration beyond what can be written (more than a triple sharp or flat).
        case invalidAlteration
        /// Transposing would need more than a triple sharp or flat.
        case unspellable
        /// A file's extension names no format that the operation reads or writes.
        case unsupportedFormat
        /// The text is not a Roman-numeral figure (`"V99"`, `"bbbII"`).
        case invalidRomanNumeral
        /// A score has no pitched note to analyse (empty, only rests, only unpitched notes).
        case nothingToAnalyze
        /// The text is not a chord-symbol figure (`"H7"`, `"C7x"`).
        case invalidChordSymbol
        /// Repeats that cannot be played out: a volta never closed, a D.S. with no segno.
        case invalidRepeat

        /// The raw value.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The text or value that was refused (for ``Code/unsupportedFormat``, the file's path).
    public var text: String
    /// What went wrong, for people.
    public var reason: String

    /// Creates an error.
    public init(code: Code, text: String, reason: String) {
        self.code = code
        self.text = text
        self.reason = reason
    }

    /// The text is not a pitch name such as `"C#4"`.
    public static func invalidPitchName(_ text: String) -> NotationError {
        NotationError(code: .invalidPitchName, text: text, reason: "not a pitch name: '\(text)' (expected e.g. C#4, Eb3, F##5)")
    }

    /// The text is not an interval name such as `"M3"` or `"-P5"`.
    public static func invalidIntervalName(_ text: String) -> NotationError {
        NotationError(code: .invalidIntervalName, text: text,
                      reason: "not an interval name: '\(text)' (expected e.g. M3, m6, P8, -P5)")
    }

    /// The text is not a key name such as `"A minor"` or `"Eb major"`.
    public static func invalidKeyName(_ text: String) -> NotationError {
        NotationError(code: .invalidKeyName, text: text,
                      reason: "not a key: '\(text)' (expected e.g. 'C major', 'A minor', 'F# dorian')")
    }

    /// The text is not a time signature such as `"3/4"`.
    public static func invalidTimeSignature(_ text: String) -> NotationError {
        NotationError(code: .invalidTimeSignature, text: text, reason: "not a time signature: '\(text)' (expected e.g. 4/4, 6/8)")
    }

    /// The text is not a duration label such as `"eighth."` or `"16th 3:2"`.
    public static func invalidDurationLabel(_ text: String) -> NotationError {
        NotationError(code: .invalidDurationLabel, text: text,
                      reason: "not a duration label: '\(text)' (expected e.g. quarter, eighth., 16th 3:2)")
    }

    /// A length that is zero or negative where a positive one is needed.
    public static func invalidLength(_ length: Rational) -> NotationError {
        NotationError(code: .invalidLength, text: length.description, reason: "length must be positive, got \(length)")
    }

    /// An alteration of more than three semitones either way, which no accidental writes.
    public static func invalidAlteration(_ alter: Int) -> NotationError {
        NotationError(code: .invalidAlteration, text: String(alter),
                      reason: "alteration \(alter) is beyond a triple sharp or flat (-3…3)")
    }

    /// Transposing would need more than a triple sharp or flat.
    public static func unspellable(_ text: String) -> NotationError {
        NotationError(code: .unspellable, text: text, reason: "cannot spell \(text) with at most a triple sharp or flat")
    }

    /// A file's extension names no format the operation supports; `expected` lists those it does.
    public static func unsupportedFormat(path: String, extension ext: String, expected: [String]) -> NotationError {
        NotationError(code: .unsupportedFormat, text: path, reason: "\(path): unsupported format '.\(ext)' (expected "
                      + expected.map { "." + $0 }.joined(separator: ", ") + ")")
    }

    /// The text is not a Roman-numeral figure this reader understands; `detail` says why.
    public static func invalidRomanNumeral(_ text: String, _ detail: String) -> NotationError {
        NotationError(code: .invalidRomanNumeral, text: text, reason: "not a Roman numeral: '\(text)' (\(detail))")
    }

    /// The text is not a chord-symbol figure this reader understands; `detail` says why.
    public static func invalidChordSymbol(_ text: String, _ detail: String) -> NotationError {
        NotationError(code: .invalidChordSymbol, text: text, reason: "not a chord symbol: '\(text)' (\(detail))")
    }

    /// Repeats that cannot be played out; `text` names the measure, `detail` says why.
    public static func invalidRepeat(_ text: String, _ detail: String) -> NotationError {
        NotationError(code: .invalidRepeat, text: text, reason: "cannot unfold repeats at \(text): \(detail)")
    }

    /// The ``reason``.
    public var description: String { reason }

    /// The same text as ``description``, so `localizedDescription` prints it too.
    public var errorDescription: String? { description }
}
