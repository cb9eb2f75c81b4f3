import Foundation

/// A file that is damaged — bytes missing or malformed, so that music was lost — read through
/// ``Score/read(contentsOf:options:)``: strictly, or leniently when nothing at all could be
/// recovered.
///
/// ```swift
/// do { _ = try Score.read(contentsOf: url, options: .strict) }
/// catch let error as DamagedFileError { error.problems.forEach { print($0) } }
/// ```
public struct DamagedFileError: Error, CustomStringConvertible, LocalizedError {
    /// The file.
    public var file: String
    /// Every problem the reader found, in file order, each naming where (a ``MIDIError`` with
    /// its byte offset and track).
    public var problems: [any Error]
    /// Notes read before the damage (what a lenient reading would have kept).
    public var notesRecovered: Int

    /// Creates an error.
    public init(file: String, problems: [any Error], notesRecovered: Int) {
        self.file = file
        self.problems = problems
        self.notesRecovered = notesRecovered
    }

    /// `"song.mid: damaged file (2 problems, 120 notes recoverable with lenient reading): …"`,
    /// with the first problem.
    public var description: String {
        let first = problems.first.map { ": " + ErrorMessage.of($0) } ?? ""
        let recovered = notesRecovered == 0
            ? "no note could be recovered" : "\(notesRecovered) notes recoverable with lenient reading"
        return "\(file): damaged file (\(problems.count) problem\(problems.count == 1 ? "" : "s"), \(recovered))" + first
    }

    /// The same text as ``description``.
    public var errorDescription: String? { description }

    /// Whether a reader's warning means music was lost (a corrupt or fatal MIDI problem), as
    /// opposed to an assumption or a pedantic departure from the specification.
    public static func isDamage(_ warning: any Error) -> Bool {
        if let midi = warning as? MIDIError { return midi.severity >= .corrupt }
        return false
    }
}
