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
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The identifier's text, e.g. `"toolNotFound"`; it never changes between releases.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The program is neither at the given path nor on `PATH`.
        public static let toolNotFound = Code("toolNotFound")
        /// A needed data file (such as a SoundFont) does not exist.
        public static let fileNotFound = Code("fileNotFound")
        /// The program could not be started.
        public static let launchFailed = Code("launchFailed")
        /// The program ran longer than allowed and was killed.
        public static let timedOut = Code("timedOut")
        /// The program ended with a non-zero status.
        public static let failed = Code("failed")
        /// The program reported success but wrote no output file.
        public static let noOutput = Code("noOutput")
        /// The intermediate file or the output could not be written or moved.
        public static let io = Code("io")
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
    public var cause: (any Error)?

    /// Creates an error.
    public init(code: Code, tool: String? = nil, path: String? = nil, reason: String, cause: (any Error)? = nil) {
        self.code = code
        self.tool = tool
        self.path = path
        self.reason = reason
        self.cause = cause
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

    public static func == (lhs: RenderError, rhs: RenderError) -> Bool {
        lhs.code == rhs.code && lhs.tool == rhs.tool && lhs.path == rhs.path && lhs.reason == rhs.reason
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(tool)
        hasher.combine(path)
        hasher.combine(reason)
    }
}
