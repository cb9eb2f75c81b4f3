import Foundation

/// A writer of one file format: a ``Score`` in, bytes or a file out. ``MusicXMLWriter`` and
/// ``MIDIWriter`` conform.
///
/// Writing never changes the score, and ``write(_:to:)`` replaces a file atomically (written
/// beside it, then renamed), so a failure never leaves half a file.
public protocol ScoreWriter: Sendable {
    /// The error thrown for a score the format cannot hold or a file that cannot be written.
    associatedtype Problem: Error

    /// The score as the bytes of a file.
    func data(for score: Score) throws(Problem) -> Data

    /// Writes the score to a file, atomically.
    func write(_ score: Score, to url: URL) throws(Problem)
}
