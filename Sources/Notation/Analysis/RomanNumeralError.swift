/// A Roman-numeral figure that cannot be read, such as `"V99"`, `"bbbII"` or `""`.
///
/// It names the refused ``text`` and says why in ``reason``. (A temporary type of its own:
/// ``NotationError`` has no code for figures yet.)
public struct RomanNumeralError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The figure that was refused.
    public var text: String
    /// What went wrong, for people.
    public var reason: String

    /// Creates an error for a figure.
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// The figure is not one this reader understands.
    static func invalid(_ text: String, _ detail: String) -> RomanNumeralError {
        RomanNumeralError(text: text, reason: "not a Roman numeral: '\(text)' (\(detail))")
    }

    /// The ``reason``.
    public var description: String { reason }
}
