/// Errors raised by the neural network: missing BLAS, bad shapes, bad model files.
public enum NetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// OpenBLAS could not be loaded; the message says what was tried.
    case blasUnavailable(String)
    /// A tensor or input had the wrong shape; `context` names the operation.
    case shapeMismatch(context: String, expected: [Int], actual: [Int])
    /// An input value was out of range (e.g. a token id beyond the vocabulary).
    case invalidInput(context: String, reason: String)
    /// A model file was unreadable or inconsistent; `path` names the file.
    case modelFile(path: String, reason: String)
    /// A named weight was missing from, or unexpected in, a weights file.
    case missingWeight(name: String, path: String)
    /// A configuration value was out of range.
    case invalidConfiguration(String)

    /// A message naming where and why the operation failed.
    public var description: String {
        switch self {
        case .blasUnavailable(let message):
            return "BLAS unavailable: \(message)"
        case .shapeMismatch(let context, let expected, let actual):
            return "\(context): expected shape \(expected), got \(actual)"
        case .invalidInput(let context, let reason):
            return "\(context): \(reason)"
        case .modelFile(let path, let reason):
            return "model file \(path): \(reason)"
        case .missingWeight(let name, let path):
            return "model file \(path): weight '\(name)' is missing"
        case .invalidConfiguration(let message):
            return "invalid configuration: \(message)"
        }
    }
}
