import Foundation

/// The files of a corpus, each with the key that decides its shard: its path relative to the
/// corpus folder, or the path as written in a list of files. Sorted by key, each key once.
///
/// ```swift
/// let listing = try CorpusListing(folder: URL(fileURLWithPath: "Corpus"))
/// let mine = listing.files.filter { selector.contains($0.key) }
/// ```
public struct CorpusListing: Sendable, Hashable {
    /// One file of the corpus.
    public struct File: Sendable, Hashable {
        /// The path relative to the corpus folder (`/`-separated), or as written in the list.
        public var key: String
        /// Where the file is read from.
        public var url: URL

        /// Creates a file entry.
        public init(key: String, url: URL) {
            self.key = key
            self.url = url
        }
    }

    /// The files, sorted by key; no key twice.
    public private(set) var files: [File]

    /// A listing of these files (sorted by key, repeated keys dropped).
    public init(files: [File]) {
        var seen = Set<String>()
        self.files = files.sorted { $0.key < $1.key }.filter { seen.insert($0.key).inserted }
    }

    /// The music files below `folder` (``CorpusPreprocessor/extensions``, searched
    /// recursively), keyed by their path relative to it.
    ///
    /// - Throws: ``GenerationError/emptyCorpus(_:)`` when the folder has no music file (or is
    ///   not a folder).
    public init(folder: URL) throws(GenerationError) {
        var files: [File] = []
        if let walker = FileManager.default.enumerator(atPath: folder.path) {
            for case let relative as String in walker
            where CorpusPreprocessor.extensions.contains((relative as NSString).pathExtension.lowercased()) {
                files.append(File(key: relative, url: folder.appendingPathComponent(relative)))
            }
        }
        guard !files.isEmpty else { throw .emptyCorpus(folder.path) }
        self.init(files: files)
    }

    /// The files named in a list, one path a line (LF or CR LF; blank lines skipped), keyed by the path as written; relative paths are read from `base`.
    /// Every named file is kept whatever its extension: one that is not music is refused
    /// when it is read, and says so.
    ///
    /// - Throws: ``GenerationError/Code/emptyCorpus`` naming `source` when the list names no file.
    public init(list text: String, relativeTo base: URL, source: String) throws(GenerationError) {
        var files: [File] = []
        // `isNewline` splits at "\r\n" too, which Swift holds as one Character, not two.
        for line in text.split(whereSeparator: \.isNewline) {
            let path = String(line)
            guard !path.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
            files.append(File(key: path, url: url))
        }
        guard !files.isEmpty else { throw GenerationError(code: .emptyCorpus, path: source, reason: "the list names no file") }
        self.init(files: files)
    }

    /// The files that land in `selector`'s shard, in key order.
    public func files(in selector: ShardSelector) -> [File] { files.filter { selector.contains($0.key) } }
}
