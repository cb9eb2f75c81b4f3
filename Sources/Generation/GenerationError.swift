import Foundation
import Notation

/// A failure of the generation pipeline: a corpus with nothing to learn, a model folder that
/// is not one, a file that cannot be written, and the failures of sharded preparation and
/// merging (a shard that cannot be named, `3/3`; a shard missing from a set; a shard, manifest
/// or vocabulary file that is not what it should be; shards and a vocabulary that do not belong
/// together).
///
/// The network's own files (weights, `config.json`) fail with ``/NeuralNetwork/NetworkError``;
/// this type covers what the pipeline adds around them — the bundle's `manifest.json`, the
/// vocabularies, checkpoint state — and carries a network error as its ``cause`` where one
/// led to it. A stable ``code`` for programs, the ``path`` involved, a ``reason`` for people.
/// The sharding codes (``Code/invalidSelector`` to ``Code/unreadableList``) name the file
/// involved and say why, e.g. `"m/shard-00001-of-00003.manifest.json: not a shard manifest: …"`.
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

    /// A shard selector that cannot be used; `text` is what was given.
    public static func invalidSelector(_ text: String, _ why: String) -> GenerationError {
        GenerationError(code: .invalidSelector, reason: "invalid shard '\(text)': \(why)")
    }

    /// Shard `index` of `count` is absent: `path` is the file that should be there.
    public static func missingShard(path: String, index: Int, count: Int, what: String = "manifest") -> GenerationError {
        GenerationError(code: .missingShard, path: path,
                        reason: "shard \(index) of \(count) is missing (no \(what)); run `recompose prepare --shard \(index)/\(count)` for it")
    }

    /// A shard, manifest, pieces or vocabulary file that is not what it should be.
    public static func corrupt(path: String, _ why: String, cause: (any Error)? = nil) -> GenerationError {
        GenerationError(code: .corruptShard, path: path, reason: why, cause: cause)
    }

    /// Manifests in `path` that do not form one set.
    public static func inconsistent(path: String, _ why: String) -> GenerationError {
        GenerationError(code: .inconsistentShards, path: path, reason: why)
    }

    /// An encoded shard at `path` made against the vocabulary `shardFingerprint`, read against
    /// `vocabularyFingerprint`.
    public static func vocabularyMismatch(path: String, shardFingerprint: String, vocabularyFingerprint: String) -> GenerationError {
        GenerationError(code: .vocabularyMismatch, path: path,
                        reason: "encoded against vocabulary \(shardFingerprint), not the given vocabulary \(vocabularyFingerprint); "
                            + "re-encode it with `recompose merge --vocabulary`")
    }

    /// `"m/treble: not a usable model: cannot read vocabulary.json: …"`.
    public var description: String {
        (path.map { "\($0): " } ?? "") + reason + (cause.map { ": \(ErrorMessage.of($0))" } ?? "")
    }

    /// The same text as ``description``, so `localizedDescription` prints it too.
    public var errorDescription: String? { description }
}
