import Foundation

/// A reader of one file format: bytes or a file in, a ``Score`` and what the reader had to
/// assume out. ``MusicXMLReader`` and ``MIDIReader`` conform, and so can a reader of another
/// format (ABC, kern, MEI) — ``ScoreFormat`` then opens it by extension like the others.
///
/// Every reader throws one error type of its own (`Problem`), which says where the file went
/// wrong (a line and column, a byte offset), and returns the problems it carried on past as
/// warnings of the same type.
///
/// ```swift
/// let reading = try MusicXMLReader().readScore(contentsOf: url)
/// for warning in reading.warnings { print(warning) }   // "f.musicxml:12:5: …"
/// let score = reading.score
/// ```
public protocol ScoreReader: Sendable {
    /// The error thrown for a file that cannot be read, and reported for problems read past.
    associatedtype Problem: Error

    /// Reads a score from the bytes of a file; `fileName` names them in errors and warnings.
    func readScore(data: Data, fileName: String) throws(Problem) -> ScoreReading<Problem>

    /// Reads a score from a file.
    func readScore(contentsOf url: URL) throws(Problem) -> ScoreReading<Problem>
}

/// What a ``ScoreReader`` read: the score, the problems it read past, and the elements it did
/// not understand.
public struct ScoreReading<Warning> {
    /// The score.
    public var score: Score
    /// Problems the reader carried on past (a missing `<divisions>` taken as 1, a MIDI track
    /// cut short), in the order met; each says where.
    public var warnings: [Warning]
    /// Names of elements the reader did not understand and skipped (`"parent/child"` for
    /// unknown children of known elements), sorted; empty for formats without elements.
    public var skipped: [String]

    /// Creates a reading.
    public init(score: Score, warnings: [Warning] = [], skipped: [String] = []) {
        self.score = score
        self.warnings = warnings
        self.skipped = skipped
    }
}

extension ScoreReading: Sendable where Warning: Sendable {}
extension ScoreReading: Equatable where Warning: Equatable {}
extension ScoreReading: Hashable where Warning: Hashable {}
