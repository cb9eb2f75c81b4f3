import ArgumentParser
import Foundation
import Notation

/// Bad input: a file that cannot be read or written, a corpus with nothing to learn from, a model
/// that does not load. `Recompose.main` prints it on one line, `recompose info: FILE: problem`, and
/// ends with exit status 1. Usage errors are ArgumentParser's and end with status 2.
struct CommandError: Error, CustomStringConvertible {
    /// The subcommand, e.g. `info`.
    let command: String
    /// The file or folder at fault, when there is one.
    let path: String?
    /// What went wrong.
    let cause: any Error

    init(_ command: String, _ path: String?, _ cause: any Error) {
        self.command = command
        self.path = path
        self.cause = cause
    }

    var description: String {
        let text = ErrorMessage.of(cause).replacingOccurrences(of: "\n", with: " ")
        // Readers' errors usually name the file already; do not say it twice.
        let place = path.map { text.hasPrefix($0) ? "" : "\($0): " } ?? ""
        return "recompose \(command): \(place)\(text)"
    }
}

extension ParsableCommand {
    /// Runs `body` and turns what it throws into a ``CommandError`` of this command naming
    /// `path`: `let score = try attributing(to: input) { try Score.read(…) }`.
    @discardableResult
    func attributing<Result>(to path: String?, _ body: () throws -> Result) throws(CommandError) -> Result {
        do { return try body() } catch let error as CommandError { throw error } catch {
            throw CommandError(Self.configuration.commandName ?? "", path, error)
        }
    }
}

/// Writes a line to standard error (progress and notes that are not the command's output).
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Whether standard error is a terminal (live progress line) or a file/pipe (plain lines).
var standardErrorIsTerminal: Bool { isatty(2) != 0 }
