import ArgumentParser
import Foundation

/// Prints a one-line error naming the file and the problem, and ends with exit status 1
/// (bad input). Usage errors are ArgumentParser's and end with status 2 (see `Recompose.main`).
func fail(_ command: String, _ path: String?, _ error: Error) -> ExitCode {
    let text = "\(error)".replacingOccurrences(of: "\n", with: " ")
    // Readers' errors usually name the file already; do not say it twice.
    let place = path.map { text.hasPrefix($0) ? "" : "\($0): " } ?? ""
    FileHandle.standardError.write(Data("recompose \(command): \(place)\(text)\n".utf8))
    return ExitCode(1)
}

/// Writes a line to standard error (progress and notes that are not the command's output).
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Whether standard error is a terminal (live progress line) or a file/pipe (plain lines).
var standardErrorIsTerminal: Bool { isatty(2) != 0 }
