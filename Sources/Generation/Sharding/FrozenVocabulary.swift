import Foundation

/// The four vocabularies of a merged corpus — treble notes, treble durations, bass notes, bass
/// durations — frozen once by the reduce step and written as `vocabulary.json`; every encoded
/// shard names it by its ``fingerprint``.
///
/// ```json
/// {"bass":{"durations":["<unk>","quarter",…],"notes":["<unk>","C3",…]},
///  "fingerprint":"9f2c…","format":1,"minCount":1,"shards":4,"treble":{…}}
/// ```
///
/// The fingerprint is the hexadecimal SHA-256 of the canonical JSON of the four label lists,
/// `{"bass":{"durations":[…],"notes":[…]},"treble":{"durations":[…],"notes":[…]}}` (keys sorted,
/// no whitespace, UTF-8, as Python's `json.dumps(…, sort_keys=True, separators=(",", ":"),
/// ensure_ascii=False)`): the same labels in the same order give the same fingerprint anywhere.
public struct FrozenVocabulary: Sendable, Hashable {
    /// The format written by this version.
    public static let currentFormat = 1

    /// One clef's two vocabularies.
    public struct Clef: Sendable, Hashable {
        /// Note/chord/rest labels.
        public var notes: Vocabulary
        /// Duration labels.
        public var durations: Vocabulary

        /// Creates a clef's vocabularies.
        public init(notes: Vocabulary, durations: Vocabulary) {
            self.notes = notes
            self.durations = durations
        }

        /// Freezes a clef's counts: labels seen fewer than `minimumCount` times fold into `<unk>`.
        public init(counts: ShardManifest.ClefCounts, minimumCount: Int) {
            self.init(notes: Vocabulary(counts: counts.notes, minimumCount: minimumCount),
                      durations: Vocabulary(counts: counts.durations, minimumCount: minimumCount))
        }
    }

    /// The treble clef's vocabularies.
    public var treble: Clef
    /// The bass clef's vocabularies.
    public var bass: Clef
    /// The minimum count the labels were kept at.
    public var minimumCount: Int
    /// How many shards were merged into it.
    public var shards: Int

    /// Creates a frozen vocabulary.
    public init(treble: Clef, bass: Clef, minimumCount: Int, shards: Int) {
        self.treble = treble
        self.bass = bass
        self.minimumCount = minimumCount
        self.shards = shards
    }

    /// Freezes the vocabulary of a set of shards: their label counts summed, then the rule of
    /// ``Vocabulary/init(counts:minimumCount:)`` per clef and kind.
    public init(manifests: [ShardManifest], minimumCount: Int) {
        let empty = ShardManifest.ClefCounts(elements: 0, notes: [:], durations: [:])
        let treble = manifests.reduce(empty) { $0.adding($1.treble) }
        let bass = manifests.reduce(empty) { $0.adding($1.bass) }
        self.init(treble: Clef(counts: treble, minimumCount: minimumCount), bass: Clef(counts: bass, minimumCount: minimumCount),
                  minimumCount: minimumCount, shards: manifests.count)
    }

    /// The vocabularies of one clef.
    public subscript(clef: ClefStream) -> Clef { clef == .treble ? treble : bass }

    /// The hexadecimal SHA-256 of the canonical JSON of the four label lists.
    public var fingerprint: String { SHA256.hexDigest(Array(canonicalLabels.utf8)) }

    /// `{"bass":{"durations":[…],"notes":[…]},"treble":{"durations":[…],"notes":[…]}}`, the
    /// text the fingerprint is taken over.
    public var canonicalLabels: String {
        func clef(_ c: Clef) -> String {
            CanonicalJSON.object(["durations": CanonicalJSON.array(c.durations.labels), "notes": CanonicalJSON.array(c.notes.labels)])
        }
        return CanonicalJSON.object(["bass": clef(bass), "treble": clef(treble)])
    }

    /// The file's layout.
    private struct File: Codable {
        struct Labels: Codable {
            var notes: [String]
            var durations: [String]
        }
        var format: Int
        var fingerprint: String
        var minCount: Int
        var shards: Int
        var treble: Labels
        var bass: Labels
    }

    /// `vocabulary.json`'s bytes: JSON with sorted keys.
    public func encoded() throws(GenerationError) -> Data {
        let file = File(format: Self.currentFormat, fingerprint: fingerprint, minCount: minimumCount, shards: shards,
                        treble: .init(notes: treble.notes.labels, durations: treble.durations.labels),
                        bass: .init(notes: bass.notes.labels, durations: bass.durations.labels))
        do { return try ShardManifest.encoder.encode(file) } catch {
            throw .corrupt(path: "<memory>", "cannot encode the vocabulary", cause: error)
        }
    }

    /// Writes `vocabulary.json`'s bytes to `url` atomically.
    public func write(to url: URL) throws(GenerationError) {
        let data = try encoded()
        do { try data.write(to: url, options: .atomic) } catch { throw .writeFailed(path: url.path, cause: error) }
    }

    /// Reads and checks a `vocabulary.json`: its format, `<unk>` first in every list, no label
    /// twice, and a fingerprint that matches its labels.
    ///
    /// - Throws: ``GenerationError/Code/corruptShard`` naming the file otherwise.
    public static func read(from url: URL) throws(GenerationError) -> FrozenVocabulary {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .corrupt(path: url.path, "cannot read the vocabulary", cause: error)
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw .corrupt(path: url.path, "not a vocabulary file", cause: error)
        }
        guard file.format == Self.currentFormat else {
            throw .corrupt(path: url.path, "vocabulary format \(file.format); this version reads format \(Self.currentFormat)")
        }
        for (name, labels) in [("treble notes", file.treble.notes), ("treble durations", file.treble.durations),
                               ("bass notes", file.bass.notes), ("bass durations", file.bass.durations)] {
            guard labels.first == Vocabulary.unknown else { throw .corrupt(path: url.path, "the \(name) do not start with \(Vocabulary.unknown)") }
            guard Set(labels).count == labels.count else { throw .corrupt(path: url.path, "the \(name) hold a label twice") }
        }
        guard file.minCount >= 1, file.shards >= 1 else { throw .corrupt(path: url.path, "minCount and shards must be at least 1") }
        let vocabulary = FrozenVocabulary(
            treble: Clef(notes: Vocabulary(labels: file.treble.notes), durations: Vocabulary(labels: file.treble.durations)),
            bass: Clef(notes: Vocabulary(labels: file.bass.notes), durations: Vocabulary(labels: file.bass.durations)),
            minimumCount: file.minCount, shards: file.shards)
        guard vocabulary.fingerprint == file.fingerprint else {
            throw .corrupt(path: url.path, "its fingerprint \(file.fingerprint) is not that of its labels (\(vocabulary.fingerprint))")
        }
        return vocabulary
    }
}
