import Foundation

/// A failure of the neural network: BLAS missing, a shape or value out of range, a model file
/// unreadable or inconsistent.
///
/// One error type for the whole library, as swift-nio's `FileSystemError`: a stable ``code``
/// for programs, the ``path`` of the file involved where there is one, a ``reason`` for people,
/// and the underlying ``cause`` (a Foundation or decoding error) kept as an error rather than
/// flattened into text. New kinds of failure add codes, never break a caller's code.
///
/// Two errors are equal when code, path and reason are; the cause is not compared.
public struct NetworkError: Error, Hashable, CustomStringConvertible, LocalizedError {
    /// A stable identifier of the kind of failure.
    ///
    /// Its raw value is the stable text of the code, e.g. `"modelFile"`. Switch over it with a
    /// `default:` branch: later versions may add codes.
    public enum Code: String, Sendable, Hashable, CustomStringConvertible {
        /// OpenBLAS could not be loaded.
        case blasUnavailable
        /// A tensor or input had the wrong shape.
        case shapeMismatch
        /// An input value was out of range (e.g. a token id beyond the vocabulary).
        case invalidInput
        /// A model file was unreadable or inconsistent.
        case modelFile
        /// A named weight was missing from a weights file.
        case missingWeight
        /// A configuration value was out of range.
        case invalidConfiguration

        /// The raw value.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The file involved (a model file, a weights file), if any.
    public var path: String?
    /// What went wrong, for people; the operation's name leads where there is no file.
    public var reason: String
    /// The error that caused this one (a Foundation I/O error, a JSON decoding error), if any.
    public var cause: (any Error)? {
        get { storedCause.error }
        set { storedCause = ErrorCause(newValue) }
    }
    private var storedCause: ErrorCause

    /// Holds the cause outside equality: the same problem at the same place is the same error,
    /// whatever Foundation error led to it.
    private struct ErrorCause: Hashable, Sendable {
        var error: (any Error)?
        init(_ error: (any Error)?) { self.error = error }
        static func == (_: ErrorCause, _: ErrorCause) -> Bool { true }
        func hash(into _: inout Hasher) {}
    }

    /// Creates an error.
    public init(code: Code, path: String? = nil, reason: String, cause: (any Error)? = nil) {
        self.code = code
        self.path = path
        self.reason = reason
        self.storedCause = ErrorCause(cause)
    }

    /// OpenBLAS could not be loaded; the message says what was tried.
    public static func blasUnavailable(_ message: String) -> NetworkError {
        NetworkError(code: .blasUnavailable, reason: message)
    }

    /// A tensor or input had the wrong shape; `context` names the operation.
    public static func shapeMismatch(context: String, expected: [Int], actual: [Int]) -> NetworkError {
        NetworkError(code: .shapeMismatch, reason: "\(context): expected shape \(expected), got \(actual)")
    }

    /// An input value was out of range; `context` names the operation.
    public static func invalidInput(context: String, reason: String) -> NetworkError {
        NetworkError(code: .invalidInput, reason: "\(context): \(reason)")
    }

    /// A model file was unreadable or inconsistent; `path` names the file.
    public static func modelFile(path: String, reason: String, cause: (any Error)? = nil) -> NetworkError {
        NetworkError(code: .modelFile, path: path, reason: reason, cause: cause)
    }

    /// A named weight was missing from a weights file.
    public static func missingWeight(name: String, path: String) -> NetworkError {
        NetworkError(code: .missingWeight, path: path, reason: "weight '\(name)' is missing")
    }

    /// A configuration value was out of range.
    public static func invalidConfiguration(_ message: String) -> NetworkError {
        NetworkError(code: .invalidConfiguration, reason: message)
    }

    /// `"model file m/config.json: cannot read the configuration: …"`: the file, what went
    /// wrong and, after a colon, the cause's own message.
    public var description: String {
        var text: String
        switch code {
        case .blasUnavailable: text = "BLAS unavailable: \(reason)"
        case .invalidConfiguration: text = "invalid configuration: \(reason)"
        default: text = reason
        }
        if let path { text = "model file \(path): " + text }
        if let cause { text += ": \(NetworkError.message(of: cause))" }
        return text
    }

    /// A cause's message: the localized text for Foundation's errors (whose `description` is a
    /// dump of the NSError), the description for every other error.
    static func message(of error: any Error) -> String {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return "\(error)" }
        // "The file doesn't exist." rather than "The operation could not be completed. The file…"
        return ns.localizedFailureReason ?? ns.localizedDescription
    }

    /// The same text as ``description``, so `localizedDescription` prints it too.
    public var errorDescription: String? { description }


}
