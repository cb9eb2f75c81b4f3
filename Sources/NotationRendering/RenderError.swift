import Foundation
import Notation

/// A problem met while rendering a score to sheet music or audio with an external program.
///
/// A stable ``code`` for programs; the ``tool`` (program) or ``path`` involved; a ``reason``
/// for people, naming the Debian package to install where a program or file is missing; the
/// program's own output where it said something; and the ``cause`` (a Foundation error) kept
/// as an error. An output name whose extension no renderer writes is a Notation
/// ``/Notation/NotationError`` (`unsupportedFormat`), as for reading and writing scores.
///
/// Two errors are equal when code, tool, path and reason are; the cause is not compared.
public struct RenderError: Error, Hashable, CustomStringConvertible, LocalizedError {
    /// A stable identifier of the kind of failure.
    ///
    /// Its raw value is the stable text of the code, e.g. `"modelFile"`. Switch over it with a
    /// `default:` branch: later versions may add codes.
    public enum Code: String, Sendable, Hashable, CustomStringConvertible {
        /// The program is neither at the given path nor on `PATH`.
        case toolNotFound
        /// A needed data file (such as a SoundFont) does not exist.
        case fileNotFound
        /// The program could not be started.
        case launchFailed
        /// The program ran longer than allowed and was killed.
        case timedOut
        /// The program ended with a non-zero status.
        case failed
        /// The program reported success but wrote no output file.
        case noOutput
        /// The intermediate file or the output could not be written or moved.
        case io

        /// The raw value.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The program involved, if any.
    public var tool: String?
    /// The file involved, if any.
    public var path: String?
    /// What went wrong, for people (with the program's own messages where it printed some).
    public var reason: String
    /// The error that led to this one (a Foundation error), if any.
    public var cause: (any Error)? {
        get { storedCause.error }
        set { storedCause = ErrorCause(newValue) }
    }
    private var storedCause: ErrorCause

    /// Creates an error.
    public init(code: Code, tool: String? = nil, path: String? = nil, reason: String, cause: (any Error)? = nil) {
        self.code = code
        self.tool = tool
        self.path = path
        self.reason = reason
        self.storedCause = ErrorCause(cause)
    }

    /// The program is neither at the given path nor on `PATH`; `package` names the Debian
    /// package that provides it.
    public static func toolNotFound(tool: String, package: String) -> RenderError {
        let reason = tool.contains("/")
            ? "\(tool) is not an executable file (the Debian package '\(package)' installs the program)"
            : "\(tool) not found on PATH (install the Debian package '\(package)', or give its path)"
        return RenderError(code: .toolNotFound, tool: tool, reason: reason)
    }

    /// A needed data file (such as a SoundFont) does not exist; `package` names the Debian
    /// package that provides the default one.
    public static func fileNotFound(path: String, what: String, package: String) -> RenderError {
        RenderError(code: .fileNotFound, path: path,
                    reason: "\(what) \(path) not found (install the Debian package '\(package)', or give another file)")
    }

    /// The program could not be started.
    public static func launchFailed(tool: String, cause: any Error) -> RenderError {
        RenderError(code: .launchFailed, tool: tool, reason: "could not start \(tool)", cause: cause)
    }

    /// The program ran longer than allowed and was killed.
    public static func timedOut(tool: String, seconds: Double) -> RenderError {
        RenderError(code: .timedOut, tool: tool, reason: "\(tool) did not finish within \(seconds) s and was stopped")
    }

    /// The program ended with a non-zero status; `output` is what it printed on stderr.
    public static func failed(tool: String, status: Int32, output: String) -> RenderError {
        RenderError(code: .failed, tool: tool, reason: "\(tool) failed with status \(status)" + (output.isEmpty ? "" : ": \(output)"))
    }

    /// The program reported success but wrote no output file.
    public static func noOutput(tool: String, expected: String, output: String) -> RenderError {
        RenderError(code: .noOutput, tool: tool, reason: "\(tool) wrote no \(expected)" + (output.isEmpty ? "" : ": \(output)"))
    }

    /// The intermediate file or the output could not be written or moved.
    public static func io(path: String, reason: String, cause: (any Error)? = nil) -> RenderError {
        RenderError(code: .io, path: path, reason: "\(path): \(reason)", cause: cause)
    }

    /// The reason, then the cause's message.
    public var description: String { reason + (cause.map { ": \(ErrorMessage.of($0))" } ?? "") }

    /// The same text as ``description``, so `localizedDescription` prints it too.
    public var errorDescription: String? { description }


}
