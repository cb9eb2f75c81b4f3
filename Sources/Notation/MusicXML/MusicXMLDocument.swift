/// The result of reading a MusicXML file: the score, plus what the reader passed over.
public struct MusicXMLDocument: Sendable, Hashable {
    /// The score.
    public var score: Score
    /// Element names the reader did not understand and skipped (`"parent/child"` for
    /// unknown children of known elements), sorted.
    public var skipped: [String]
    /// Things read with an assumption, e.g. a missing `<divisions>` taken as 1.
    public var warnings: [String]

    /// Creates a document result.
    public init(score: Score, skipped: [String] = [], warnings: [String] = []) {
        self.score = score
        self.skipped = skipped
        self.warnings = warnings
    }
}
