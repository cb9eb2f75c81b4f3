extension Key: ExpressibleByStringLiteral {
    /// A key literal such as `"A minor"`, `"Eb major"` or `"D dorian"`:
    /// `try score.transposed(to: "C major")`.
    ///
    /// A literal is text in the program, so a malformed one is a programming error and traps
    /// with the parser's message. Swift treats `Type("…")` with a literal argument as a literal
    /// too, so text from a user or a file must go through the throwing ``init(_:)`` as a
    /// `String` value (`try Type(text)`), never be pasted into source.
    public init(stringLiteral value: String) {
        do { try self.init(value) } catch { preconditionFailure(error.description) }
    }
}
