import Foundation
import Notation

/// A failure of sharded preparation or merging: a shard that cannot be named (`3/3`), a shard
/// missing from a set, a file that is not what it should be, shards and a vocabulary that do
/// not belong together.
///
/// A stable ``code`` for programs, the ``path`` of the file or folder involved, a ``reason`` for
/// people and the ``cause`` (a Foundation, decoding or ``/NeuralNetwork/NetworkError``) where one
/// led to it. Two errors are equal when code, path and reason are; the cause is not compared.
public struct ShardError: Error, Hashable, CustomStringConvertible, LocalizedError {
    /// A stable identifier of the kind of failure. Switch over it with a `default:` branch:
    /// later versions may add codes.
    public enum Code: String, Sendable, Hashable, CustomStringConvertible {
        /// A shard selector that is not `I/N` with `0 ≤ I < N`.
        case invalidSelector
        /// A shard of the set (its manifest, its pieces or its encoded file) is absent.
        case missingShard
        /// A manifest, pieces, vocabulary or encoded file that cannot be decoded or contradicts
        /// itself or its manifest.
        case corruptShard
        /// Manifests that do not form one set: different shard counts or preprocessing options.
        case inconsistentShards
        /// An encoded shard made against another vocabulary than the one given.
        case vocabularyMismatch
        /// A list of files (`--files-from`) that cannot be read.
        case unreadableList
        /// A file could not be written.
        case writeFailed

        /// The raw value.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The file or folder involved, if any.
    public var path: String?
    /// What went wrong, for people.
    public var reason: String
    /// The error that led to this one, if any.
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

    /// A shard selector that cannot be used; `text` is what was given.
    public static func invalidSelector(_ text: String, _ why: String) -> ShardError {
        ShardError(code: .invalidSelector, reason: "invalid shard '\(text)': \(why)")
    }

    /// Shard `index` of `count` is absent: `path` is the file that should be there.
    public static func missingShard(path: String, index: Int, count: Int, what: String = "manifest") -> ShardError {
        ShardError(code: .missingShard, path: path,
                   reason: "shard \(index) of \(count) is missing (no \(what)); run `recompose prepare --shard \(index)/\(count)` for it")
    }

    /// A file that is not what it should be.
    public static func corrupt(path: String, _ why: String, cause: (any Error)? = nil) -> ShardError {
        ShardError(code: .corruptShard, path: path, reason: why, cause: cause)
    }

    /// Manifests in `path` that do not form one set.
    public static func inconsistent(path: String, _ why: String) -> ShardError {
        ShardError(code: .inconsistentShards, path: path, reason: why)
    }

    /// An encoded shard at `path` made against the vocabulary `shardFingerprint`, read against
    /// `vocabularyFingerprint`.
    public static func vocabularyMismatch(path: String, shardFingerprint: String, vocabularyFingerprint: String) -> ShardError {
        ShardError(code: .vocabularyMismatch, path: path,
                   reason: "encoded against vocabulary \(shardFingerprint), not the given vocabulary \(vocabularyFingerprint); "
                       + "re-encode it with `recompose merge --vocabulary`")
    }

    /// A file could not be written.
    public static func writeFailed(path: String, cause: (any Error)? = nil) -> ShardError {
        ShardError(code: .writeFailed, path: path, reason: "cannot write", cause: cause)
    }

    /// `"m/shard-00001-of-00003.manifest.json: not a shard manifest: …"`.
    public var description: String {
        (path.map { "\($0): " } ?? "") + reason + (cause.map { ": \(ErrorMessage.of($0))" } ?? "")
    }

    /// The same text as ``description``, so `localizedDescription` prints it too.
    public var errorDescription: String? { description }
}
