import Foundation
import Notation

/// A failure of the generation pipeline: a corpus with nothing to learn, a model folder that
/// is not one, a file that cannot be written.
///
/// The network's own files (weights, `config.json`) fail with ``/NeuralNetwork/NetworkError``;
/// this type covers what the pipeline adds around them — the bundle's `manifest.json`, the
/// vocabularies, checkpoint state — and carries a network error as its ``cause`` where one
/// led to it. A stable ``code`` for programs, the ``path`` involved, a ``reason`` for people.
///
/// Two errors are equal when code, path and reason are; the cause is not compared.
public struct GenerationError: Error, Hashable, CustomStringConvertible, LocalizedError {
    /// A stable identifier of the kind of failure.
    ///
    /// Its raw value is the stable text of the code, e.g. `"modelFile"`. Switch over it with a
    /// `default:` branch: later versions may add codes.
    public enum Code: String, Sendable, Hashable, CustomStringConvertible {
        /// The corpus folder holds no music file.
        case emptyCorpus
        /// Too little music to cut even one training window.
        case notEnoughData
        /// A model folder or checkpoint is missing, incomplete or corrupt.
        case invalidModel
        /// A file could not be written.
        case writeFailed
        /// Settings that cannot work together or are out of range (e.g. a time limit of zero).
        case invalidOptions

        /// The raw value.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The folder or file involved, if any.
    public var path: String?
    /// What went wrong, for people.
    public var reason: String
    /// The error that led to this one (a ``/NeuralNetwork/NetworkError``, a Foundation or
    /// decoding error), if any.
    public var cause: (any Error)? {
        get { storedCause.error }
        set { storedCause = ErrorCause(newValue) }
    }
    private var storedCause: ErrorCause

    /// Creates an error.
    public init(code: Code, path: String? = nil, reason: String, cause: (any Error)? = nil) {
        self.code = code
        self.path = path
        self.reason = reason
        self.storedCause = ErrorCause(cause)
    }

    /// The corpus folder holds no music file.
    public static func emptyCorpus(_ path: String) -> GenerationError {
        GenerationError(code: .emptyCorpus, path: path, reason: "no music files (.mid, .midi, .musicxml, .xml, .mxl) found")
    }

    /// Too little music to cut even one training window.
    public static func notEnoughData(_ why: String) -> GenerationError {
        GenerationError(code: .notEnoughData, reason: "not enough music to train: \(why)")
    }

    /// A model folder or checkpoint is missing, incomplete or corrupt.
    public static func invalidModel(path: String?, reason: String, cause: (any Error)? = nil) -> GenerationError {
        GenerationError(code: .invalidModel, path: path, reason: "not a usable model: \(reason)", cause: cause)
    }

    /// A file could not be written.
    public static func writeFailed(path: String, reason: String = "cannot write", cause: (any Error)? = nil) -> GenerationError {
        GenerationError(code: .writeFailed, path: path, reason: reason, cause: cause)
    }

    /// `"m/treble: not a usable model: cannot read vocabulary.json: …"`.
    public var description: String {
        (path.map { "\($0): " } ?? "") + reason + (cause.map { ": \(ErrorMessage.of($0))" } ?? "")
    }

    /// The same text as ``description``, so `localizedDescription` prints it too.
    public var errorDescription: String? { description }


}
