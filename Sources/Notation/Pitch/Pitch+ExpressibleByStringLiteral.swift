extension Pitch: ExpressibleByStringLiteral {
    /// A pitch literal such as `"C#4"` or `"Bb3"`, for code that names its pitches:
    /// `let chord = Chord(["C4", "E4", "G4"])`.
    ///
    /// A literal is text in the program, so a malformed one is a programming error and traps
    /// with the parser's message. Swift treats `Type("…")` with a literal argument as a literal
    /// too, so text from a user or a file must go through the throwing ``init(_:)`` as a
    /// `String` value (`try Type(text)`), never be pasted into source.
    public init(stringLiteral value: String) {
        do { try self.init(value) } catch { preconditionFailure(error.description) }
    }
}
