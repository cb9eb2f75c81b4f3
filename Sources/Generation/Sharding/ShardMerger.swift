import Foundation
import Synchronization

/// The reduce step: checks that a folder of prepared shards is one complete set, freezes one
/// vocabulary from their manifests' counts (or takes a given one) and encodes every shard
/// against it (`recompose merge --shards DIR --out MERGED [--min-count K] [--vocabulary FILE]`).
///
/// ```swift
/// let merger = try ShardMerger(shards: URL(fileURLWithPath: "shards"))
/// let vocabulary = merger.freeze(minimumCount: 2)
/// try merger.encode(into: URL(fileURLWithPath: "merged"), vocabulary: vocabulary)
/// ```
public struct ShardMerger: Sendable {
    /// What a merge wrote.
    public struct Summary: Sendable, Hashable, Codable {
        /// The number of shards.
        public var shards: Int
        /// Pieces over all shards.
        public var pieces: Int
        /// Files refused over all shards.
        public var refused: Int
        /// Treble elements over all shards.
        public var trebleElements: Int
        /// Bass elements over all shards.
        public var bassElements: Int
        /// The vocabulary's fingerprint.
        public var vocabulary: String
        /// Sizes of the four vocabularies, `<unk>` included: treble notes, treble durations,
        /// bass notes, bass durations.
        public var vocabularySizes: [Int]
        /// The files written, in the order written (the vocabulary last).
        public var written: [String]
        /// Encoded shards of another shard count found in the output folder and removed.
        public var removed: [String]
    }

    /// The folder of prepared shards.
    public let folder: URL
    /// The manifests of the set, shard 0 first.
    public let manifests: [ShardManifest]

    /// Reads the manifests in `folder` and checks they form one set: one shard count N, every
    /// shard 0 ..< N present, each saying it is the shard its name says, all with the same
    /// preprocessing options.
    ///
    /// - Throws: ``GenerationError/Code/missingShard`` naming the first absent manifest (or the folder
    ///   when it holds none), ``GenerationError/Code/inconsistentShards`` for manifests of different
    ///   counts or options, ``GenerationError/Code/corruptShard`` naming a manifest that cannot be read.
    public init(shards folder: URL) throws(GenerationError) {
        self.folder = folder
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw GenerationError(code: .missingShard, path: folder.path, reason: "cannot list the shards' folder", cause: error)
        }
        let found = names.compactMap(ShardLayout.parse).filter { $0.kind == .manifest }
        let counts = Set(found.map(\.count)).sorted()
        guard let count = counts.first else {
            throw GenerationError(code: .missingShard, path: folder.path,
                             reason: "no shard manifests (shard-IIIII-of-NNNNN.manifest.json); run `recompose prepare --shard I/N --shard-out` first")
        }
        guard counts.count == 1 else {
            throw .inconsistent(path: folder.path, "manifests of sets of \(counts.map(String.init).joined(separator: " and ")) shards are mixed; "
                                + "keep one set per folder")
        }
        let present = Set(found.map(\.index))
        var manifests: [ShardManifest] = []
        for index in 0..<count {
            let url = ShardLayout.url(in: folder, index: index, count: count, kind: .manifest)
            guard present.contains(index) else { throw .missingShard(path: url.path, index: index, count: count) }
            let manifest = try ShardManifest.read(from: url)
            guard manifest.shard == index, manifest.shards == count else {
                throw .corrupt(path: url.path, "says it is shard \(manifest.shard) of \(manifest.shards), its name shard \(index) of \(count)")
            }
            if let first = manifests.first, manifest.options != first.options {
                throw .inconsistent(path: url.path, "prepared with other options than shard 0: \(Self.describe(manifest.options)) "
                                    + "against \(Self.describe(first.options)); prepare every shard with the same options")
            }
            manifests.append(manifest)
        }
        self.manifests = manifests
    }

    /// The number of shards in the set.
    public var count: Int { manifests.count }

    /// Freezes the vocabulary of the set from the manifests' counts; `minimumCount` defaults to
    /// the one the shards were prepared with.
    public func freeze(minimumCount: Int? = nil) -> FrozenVocabulary {
        FrozenVocabulary(manifests: manifests, minimumCount: minimumCount ?? manifests[0].options.minimumLabelCount)
    }

    /// Encodes every shard against `vocabulary` into `output` (created if need be), the shards
    /// in parallel (one per core at a time), each file atomically, then writes `vocabulary.json` (with this set's
    /// shard count) last; encoded shards of another shard count left there by an earlier merge
    /// are removed. Every pieces file is checked against its manifest first.
    ///
    /// - Throws: ``GenerationError`` naming a pieces file that is absent or disagrees with its
    ///   manifest, or a file that could not be written.
    @discardableResult
    public func encode(into output: URL, vocabulary: FrozenVocabulary) throws(GenerationError) -> Summary {
        do { try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true) } catch {
            throw .writeFailed(path: output.path, cause: error)
        }
        var copy = vocabulary
        copy.shards = count
        let frozen = copy
        let results = Mutex([Result<String, GenerationError>?](repeating: nil, count: count))
        let manifests = self.manifests, folder = self.folder
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result: Result<String, GenerationError>
            do throws(GenerationError) {
                let manifest = manifests[index]
                let pieces = try ShardWriter.readPieces(of: manifest, in: folder)
                let url = ShardLayout.url(in: output, index: index, count: manifests.count, kind: .encoded)
                try EncodedShard(shard: index, shards: manifests.count, pieces: pieces, vocabulary: frozen).write(to: url)
                result = .success(url.path)
            } catch { result = .failure(error) }
            results.withLock { $0[index] = result }
        }
        var written: [String] = []
        for result in results.withLock({ $0 }) {
            switch result {
            case .success(let path)?: written.append(path)
            case .failure(let error)?: throw error
            case nil: break
            }
        }
        let removed = Self.removeStaleShards(in: output, keeping: count)
        let vocabularyURL = output.appendingPathComponent(ShardLayout.vocabularyFileName)
        try frozen.write(to: vocabularyURL)
        written.append(vocabularyURL.path)
        return Summary(shards: count, pieces: manifests.reduce(0) { $0 + $1.pieces },
                       refused: manifests.reduce(0) { $0 + $1.refused.count },
                       trebleElements: manifests.reduce(0) { $0 + $1.treble.elements },
                       bassElements: manifests.reduce(0) { $0 + $1.bass.elements },
                       vocabulary: frozen.fingerprint,
                       vocabularySizes: [frozen.treble.notes.count, frozen.treble.durations.count,
                                         frozen.bass.notes.count, frozen.bass.durations.count],
                       written: written, removed: removed)
    }

    /// Removes `shard-*-of-M.safetensors` with M other than `count` from `folder`: the output
    /// of an earlier merge of another set, which a reader globbing the folder would mix in.
    private static func removeStaleShards(in folder: URL, keeping count: Int) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var removed: [String] = []
        for name in names.sorted() {
            guard let parsed = ShardLayout.parse(name), parsed.kind == .encoded, parsed.count != count else { continue }
            let url = folder.appendingPathComponent(name)
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(url.path) }
        }
        return removed
    }

    /// The options as the manifest writes them, for messages.
    private static func describe(_ options: PreprocessingOptions) -> String {
        (try? ShardManifest.encoder.encode(options)).map { String(decoding: $0, as: UTF8.self) } ?? "\(options)"
    }
}
