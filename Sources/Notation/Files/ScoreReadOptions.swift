/// How ``Score/read(contentsOf:options:)`` treats a damaged file.
public struct ScoreReadOptions: Sendable, Hashable {
    /// Whether damage is an error.
    public enum Strictness: Sendable, Hashable {
        /// A damaged file (a MIDI track cut short, a bad chunk) is thrown as a ``DamagedFileError``
        /// carrying every problem found; the music read up to the damage is not returned.
        case strict
        /// A damaged file gives what could be read, with the problems as warnings. A file from
        /// which damage left no note at all is still thrown: an empty score is never a silent
        /// success.
        case lenient
    }

    /// Whether damage is an error.
    public var strictness: Strictness

    /// Creates options; strict by default, so that damage is never overlooked.
    public init(strictness: Strictness = .strict) {
        self.strictness = strictness
    }

    /// Damage is an error.
    public static let strict = ScoreReadOptions(strictness: .strict)
    /// Damage is a warning next to what could be read.
    public static let lenient = ScoreReadOptions(strictness: .lenient)
}
