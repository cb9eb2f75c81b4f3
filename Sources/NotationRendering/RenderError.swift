/// A problem met while rendering a score to sheet music or audio with an external program.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The program is neither at the given path nor on `PATH`; `package` names the Debian
    /// package that provides it.
    case toolNotFound(tool: String, package: String)
    /// A needed data file (such as a SoundFont) does not exist; `package` names the Debian
    /// package that provides the default one.
    case fileNotFound(path: String, what: String, package: String)
    /// The output's extension names no format the renderer writes.
    case unsupportedFormat(path: String, extension: String, expected: [String])
    /// The program could not be started.
    case launchFailed(tool: String, reason: String)
    /// The program ran longer than allowed and was killed.
    case timedOut(tool: String, seconds: Double)
    /// The program ended with a non-zero status; `output` is what it printed on stderr.
    case failed(tool: String, status: Int32, output: String)
    /// The program reported success but wrote no output file.
    case noOutput(tool: String, expected: String, output: String)
    /// The intermediate file or the output could not be written or moved.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .toolNotFound(let tool, let package):
            if tool.contains("/") { return "\(tool) is not an executable file (the Debian package '\(package)' installs the program)" }
            return "\(tool) not found on PATH (install the Debian package '\(package)', or give its path)"
        case .fileNotFound(let path, let what, let package):
            return "\(what) \(path) not found (install the Debian package '\(package)', or give another file)"
        case .unsupportedFormat(let path, let ext, let expected):
            return "\(path): unsupported format '.\(ext)' (expected " + expected.map { "." + $0 }.joined(separator: ", ") + ")"
        case .launchFailed(let tool, let reason):
            return "could not start \(tool): \(reason)"
        case .timedOut(let tool, let seconds):
            return "\(tool) did not finish within \(seconds) s and was stopped"
        case .failed(let tool, let status, let output):
            return "\(tool) failed with status \(status)" + (output.isEmpty ? "" : ": \(output)")
        case .noOutput(let tool, let expected, let output):
            return "\(tool) wrote no \(expected)" + (output.isEmpty ? "" : ": \(output)")
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
