extension GenerationError {
    /// Settings that cannot work together or are out of range, e.g. a time limit of zero.
    public static func invalidOptions(_ reason: String) -> GenerationError {
        GenerationError(code: .invalidOptions, reason: "invalid options: \(reason)")
    }
}
