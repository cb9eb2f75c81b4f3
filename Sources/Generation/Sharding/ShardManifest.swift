import Foundation

/// What the map step did for one shard, written beside its pieces as
/// `shard-00000-of-00004.manifest.json`: the files read and refused, the preprocessing options,
/// and each clef's element and label counts, from which the reduce step freezes the vocabulary
/// without reading the pieces.
///
/// ```json
/// {"bass":{"durations":{"quarter":40},"elements":52,"notes":{"C3":7}},"files":["a.mid"],
///  "format":1,"options":{…},"pieces":1,"refused":[{"error":"…","file":"b.mid"}],"shard":0,
///  "shards":4,"treble":{…}}
/// ```
///
/// `files[i]` is the file of piece `i` of the pieces file; refused files are not in `files`.
public struct ShardManifest: Sendable, Hashable, Codable {
    /// The format written by this version.
    public static let currentFormat = 1

    /// A file that could not be prepared, and the typed error's message.
    public struct Refusal: Sendable, Hashable, Codable {
        /// The file's key (its path relative to the corpus, or as listed).
        public var file: String
        /// Why it was refused.
        public var error: String

        /// Creates a refusal.
        public init(file: String, error: String) {
            self.file = file
            self.error = error
        }
    }

    /// One clef's counts over the shard's pieces.
    public struct ClefCounts: Sendable, Hashable, Codable {
        /// Tokens over all pieces.
        public var elements: Int
        /// How often each note/chord label occurs.
        public var notes: [String: Int]
        /// How often each duration label occurs.
        public var durations: [String: Int]

        /// Counts the tokens of one clef of these pieces.
        public init(_ clef: ClefStream, of pieces: [PreparedPiece]) {
            var notes: [String: Int] = [:], durations: [String: Int] = [:], elements = 0
            for token in pieces.lazy.flatMap({ $0.tokens(clef) }) {
                notes[token.noteLabel, default: 0] += 1
                durations[token.durationLabel, default: 0] += 1
                elements += 1
            }
            self.init(elements: elements, notes: notes, durations: durations)
        }

        /// Creates counts.
        public init(elements: Int, notes: [String: Int], durations: [String: Int]) {
            self.elements = elements
            self.notes = notes
            self.durations = durations
        }

        /// The counts of both, label by label.
        public func adding(_ other: ClefCounts) -> ClefCounts {
            ClefCounts(elements: elements + other.elements,
                       notes: notes.merging(other.notes, uniquingKeysWith: +),
                       durations: durations.merging(other.durations, uniquingKeysWith: +))
        }
    }

    /// The manifest's format (``currentFormat``).
    public var format: Int
    /// This shard's number.
    public var shard: Int
    /// How many shards the set has.
    public var shards: Int
    /// The preprocessing options used: every shard of a set must share them.
    public var options: PreprocessingOptions
    /// The keys of the files read, in order: one per piece of the pieces file.
    public var files: [String]
    /// The files that could not be prepared.
    public var refused: [Refusal]
    /// The number of pieces (`files.count`).
    public var pieces: Int
    /// The treble clef's counts.
    public var treble: ClefCounts
    /// The bass clef's counts.
    public var bass: ClefCounts

    /// The manifest of shard `selector` made of `pieces` read from `files` (in the same order)
    /// with `options`, and of the files `refused`.
    public init(selector: ShardSelector, options: PreprocessingOptions, files: [String], pieces: [PreparedPiece], refused: [Refusal]) {
        self.format = Self.currentFormat
        self.shard = selector.index
        self.shards = selector.count
        self.options = options
        self.files = files
        self.refused = refused
        self.pieces = pieces.count
        self.treble = ClefCounts(.treble, of: pieces)
        self.bass = ClefCounts(.bass, of: pieces)
    }

    /// The counts of one clef.
    public subscript(clef: ClefStream) -> ClefCounts { clef == .treble ? treble : bass }

    /// The manifest as written: JSON with sorted keys, no timestamp, so the same shard always
    /// gives the same bytes.
    public func encoded() throws(GenerationError) -> Data {
        do { return try ShardManifest.encoder.encode(self) } catch {
            throw .corrupt(path: "<memory>", "cannot encode the manifest", cause: error)
        }
    }

    /// Reads and checks a manifest.
    ///
    /// - Throws: ``GenerationError/Code/missingShard`` when the file is absent,
    ///   ``GenerationError/Code/corruptShard`` when it is not a manifest of this format or
    ///   contradicts itself (counts that do not add up, a shard number out of range).
    public static func read(from url: URL) throws(GenerationError) -> ShardManifest {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw GenerationError(code: .missingShard, path: url.path, reason: "no such manifest")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GenerationError(code: .corruptShard, path: url.path, reason: "cannot read the manifest", cause: error)
        }
        let manifest: ShardManifest
        do { manifest = try JSONDecoder().decode(ShardManifest.self, from: data) } catch {
            throw .corrupt(path: url.path, "not a shard manifest", cause: error)
        }
        if let problem = manifest.problem { throw .corrupt(path: url.path, "not a usable shard manifest: \(problem)") }
        return manifest
    }

    /// What contradicts itself in the manifest, or `nil`.
    var problem: String? {
        if format != Self.currentFormat { return "format \(format); this version reads format \(Self.currentFormat)" }
        if (try? ShardSelector(index: shard, count: shards)) == nil { return "shard \(shard) of \(shards) is not a shard" }
        if pieces != files.count { return "\(pieces) pieces but \(files.count) files read" }
        for clef in ClefStream.allCases {
            let counts = self[clef]
            if counts.notes.values.contains(where: { $0 < 1 }) || counts.durations.values.contains(where: { $0 < 1 }) {
                return "\(clef.rawValue) has a label counted less than once"
            }
            if counts.notes.values.reduce(0, +) != counts.elements || counts.durations.values.reduce(0, +) != counts.elements {
                return "\(clef.rawValue) label counts do not add up to its \(counts.elements) elements"
            }
        }
        return nil
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
