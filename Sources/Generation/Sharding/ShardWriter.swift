import Foundation

/// The map step: prepares the files of one shard of a corpus and writes its pieces and its
/// ``ShardManifest`` (`recompose prepare --shard I/N --shard-out DIR`).
///
/// Each shard is independent of the others, so any job runner can run them on as many machines
/// as it likes; a shard that crashed is run again alone. Both files are written atomically
/// (temporary file, then rename), the pieces first and the manifest last, and hold no time or
/// machine path the user did not give: running a shard again rewrites the same bytes.
///
/// ```swift
/// let listing = try CorpusListing(folder: URL(fileURLWithPath: "Corpus"))
/// let writer = ShardWriter(selector: try ShardSelector(parsing: "0/3"))
/// let manifest = try writer.write(listing, to: URL(fileURLWithPath: "shards"))
/// ```
public struct ShardWriter: Sendable {
    /// Which shard.
    public var selector: ShardSelector
    /// The preprocessing settings (recorded in the manifest).
    public var options: PreprocessingOptions

    /// Creates a writer for one shard.
    public init(selector: ShardSelector, options: PreprocessingOptions = PreprocessingOptions()) {
        self.selector = selector
        self.options = options
    }

    /// Prepares the shard's files of `listing` in parallel on every core: the pieces in key
    /// order and their manifest. `progress` is called from the reading threads.
    public func prepare(_ listing: CorpusListing, progress: (@Sendable (Int, Int) -> Void)? = nil)
        -> (manifest: ShardManifest, pieces: [PreparedPiece]) {
        let mine = listing.files(in: selector)
        let results = CorpusPreprocessor(options: options).results(files: mine.map(\.url), progress: progress)
        var files: [String] = [], pieces: [PreparedPiece] = [], refused: [ShardManifest.Refusal] = []
        for (file, result) in zip(mine, results) {
            switch result {
            case .success(let piece):
                files.append(file.key)
                pieces.append(piece)
            case .failure(let failure):
                refused.append(ShardManifest.Refusal(file: file.key, error: failure.reason))
            }
        }
        let manifest = ShardManifest(selector: selector, options: options, files: files, pieces: pieces, refused: refused)
        return (manifest, pieces)
    }

    /// Prepares the shard and writes `shard-I-of-N.pieces.json` then `shard-I-of-N.manifest.json`
    /// into `folder` (created if need be), each atomically.
    ///
    /// - Throws: ``GenerationError/Code/writeFailed`` naming the file that could not be written.
    @discardableResult
    public func write(_ listing: CorpusListing, to folder: URL, progress: (@Sendable (Int, Int) -> Void)? = nil)
        throws(GenerationError) -> ShardManifest {
        let (manifest, pieces) = prepare(listing, progress: progress)
        try Self.write(manifest: manifest, pieces: pieces, to: folder)
        return manifest
    }

    /// Writes a prepared shard's two files into `folder`, pieces first, each atomically.
    public static func write(manifest: ShardManifest, pieces: [PreparedPiece], to folder: URL) throws(GenerationError) {
        let piecesURL = ShardLayout.url(in: folder, index: manifest.shard, count: manifest.shards, kind: .pieces)
        let manifestURL = ShardLayout.url(in: folder, index: manifest.shard, count: manifest.shards, kind: .manifest)
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .writeFailed(path: folder.path, cause: error)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // as `recompose prepare --out` writes pieces
        let piecesData: Data
        do { piecesData = try encoder.encode(pieces) } catch { throw .writeFailed(path: piecesURL.path, cause: error) }
        let manifestData = try manifest.encoded()
        do { try piecesData.write(to: piecesURL, options: .atomic) } catch { throw .writeFailed(path: piecesURL.path, cause: error) }
        do { try manifestData.write(to: manifestURL, options: .atomic) } catch { throw .writeFailed(path: manifestURL.path, cause: error) }
    }

    /// Reads a shard's pieces file and checks it against its manifest (piece count and each
    /// clef's label counts).
    ///
    /// - Throws: ``GenerationError/Code/missingShard`` when the file is absent,
    ///   ``GenerationError/Code/corruptShard`` when it cannot be decoded or disagrees with the manifest.
    public static func readPieces(of manifest: ShardManifest, in folder: URL) throws(GenerationError) -> [PreparedPiece] {
        let url = ShardLayout.url(in: folder, index: manifest.shard, count: manifest.shards, kind: .pieces)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .missingShard(path: url.path, index: manifest.shard, count: manifest.shards, what: "pieces file")
        }
        let pieces: [PreparedPiece]
        do { pieces = try JSONDecoder().decode([PreparedPiece].self, from: Data(contentsOf: url)) } catch {
            throw .corrupt(path: url.path, "not a pieces file", cause: error)
        }
        let rerun = "; run `recompose prepare --shard \(manifest.shard)/\(manifest.shards)` again"
        guard pieces.count == manifest.pieces else {
            throw .corrupt(path: url.path, "holds \(pieces.count) pieces, its manifest says \(manifest.pieces)" + rerun)
        }
        for clef in ClefStream.allCases where ShardManifest.ClefCounts(clef, of: pieces) != manifest[clef] {
            throw .corrupt(path: url.path, "its \(clef.rawValue) tokens differ from the counts of its manifest" + rerun)
        }
        return pieces
    }
}
