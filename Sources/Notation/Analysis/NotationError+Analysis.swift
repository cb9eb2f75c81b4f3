extension NotationError {
    /// A score with no pitched note to analyse; `text` names the score (its title or `"score"`).
    public static func nothingToAnalyze(_ text: String) -> NotationError {
        NotationError(code: .nothingToAnalyze, text: text,
                      reason: "nothing to analyse in '\(text)': the score has no pitched notes")
    }
}
