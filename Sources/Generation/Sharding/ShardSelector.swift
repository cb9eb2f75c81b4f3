/// One shard of a corpus split `count` ways: shard `index` holds the files whose path hashes to
/// it, so the same file always lands in the same shard, on any machine, in any run.
///
/// The key of a file is its path relative to the corpus folder (or the path as written in a
/// list of files); its shard is the 64-bit ``FNV1a`` hash of the key's UTF-8 bytes modulo
/// `count`. Shards are numbered from 0: `ShardSelector(parsing: "0/4")` is the first of four.
public struct ShardSelector: Sendable, Hashable, CustomStringConvertible {
    /// The most shards a set may have: the file names give the numbers five digits.
    public static let maximumCount = 99_999

    /// This shard's number, `0 ..< count`.
    public let index: Int
    /// How many shards the corpus is split into.
    public let count: Int

    /// Shard `index` of `count`.
    ///
    /// - Throws: ``GenerationError/Code/invalidSelector`` unless `0 ≤ index < count ≤ 99,999`.
    public init(index: Int, count: Int) throws(GenerationError) {
        if let why = Self.problem(index: index, count: count) { throw .invalidSelector("\(index)/\(count)", why) }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`, e.g. `"0/4"`.
    ///
    /// - Throws: ``GenerationError/Code/invalidSelector`` for anything but two whole numbers with
    ///   `0 ≤ I < N ≤ 99,999` (`"3/3"`, `"-1/2"`, `"a/b"` and `"0/0"` are refused).
    public init(parsing text: String) throws(GenerationError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw .invalidSelector(text, "expected I/N, two whole numbers such as 0/4 (the first of four shards)")
        }
        if let why = Self.problem(index: index, count: count) { throw .invalidSelector(text, why) }
        self.index = index
        self.count = count
    }

    /// The shard, `0 ..< count`, that a file's key lands in.
    public func shard(of key: String) -> Int { Int(FNV1a.hash64(key) % UInt64(count)) }

    /// Whether a file's key lands in this shard.
    public func contains(_ key: String) -> Bool { shard(of: key) == index }

    /// `"0/4"`.
    public var description: String { "\(index)/\(count)" }

    /// What is wrong with shard `index` of `count`, or `nil` if it is a shard.
    private static func problem(index: Int, count: Int) -> String? {
        if count < 1 { return "the shard count must be at least 1 (got \(count))" }
        if count > maximumCount { return "at most \(maximumCount) shards (the file names give them five digits)" }
        if index < 0 { return "the shard number \(index) is negative (shards are numbered from 0)" }
        if index >= count { return "the shard number must be below the count: shards of \(count) are numbered 0 to \(count - 1)" }
        return nil
    }
}
