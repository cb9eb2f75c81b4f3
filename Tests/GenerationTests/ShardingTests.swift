import Foundation
import Testing
import Notation
@testable import Generation
import TestSupport

/// The map and reduce steps of sharded preparation over the bundled corpus (Corpus/, 26
/// exercises): the shard each file lands in, the same bytes on a re-run, and a merge of three
/// shards against what preparing the whole corpus at once gives.
@Suite struct ShardingTests {
    static let corpus = SharedData.packageRoot.appendingPathComponent("Corpus")
    static let options = PreprocessingOptions(sequenceLength: 16)

    /// The whole corpus prepared at once, as `recompose prepare` does.
    static let whole = Result { () throws -> PreparedCorpus in
        try CorpusPreprocessor(options: options).prepare(corpus: corpus)
    }

    /// Three shards prepared through the library (manifest and pieces each).
    static let shards = Result { () throws -> [(manifest: ShardManifest, pieces: [PreparedPiece])] in
        let listing = try CorpusListing(folder: corpus)
        return try (0..<3).map { ShardWriter(selector: try ShardSelector(index: $0, count: 3), options: options).prepare(listing) }
    }

    /// Writes the three shards into a fresh folder.
    static func writtenShards() throws -> URL {
        let folder = try TemporaryDirectory.make("shards")
        for shard in try shards.get() { try ShardWriter.write(manifest: shard.manifest, pieces: shard.pieces, to: folder) }
        return folder
    }

    // MARK: - Hashes against published values

    /// FNV-1a 64 test vectors published with the algorithm (Noll's `test_fnv.c`), and one
    /// corpus key computed by hand in Python.
    @Test func fnv1aKnownVectors() throws {
        #expect(FNV1a.hash64("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash64("foobar") == 0x8594_4171_f739_67e8)
        #expect(FNV1a.hash64("exercise-01.musicxml") == 0xecf3_63b4_a2d7_6261)
        #expect(try ShardSelector(index: 0, count: 3).shard(of: "a") == 1)  // 0xaf63dc4c8601ec8c mod 3
        #expect(try ShardSelector(index: 0, count: 3).shard(of: "foobar") == 0)
    }

    /// SHA-256 test vectors of FIPS 180-2, including the two-block message and a million `a`s.
    @Test func sha256KnownVectors() {
        #expect(SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Canonical JSON as Python's `json.dumps(…, sort_keys=True, separators=(",", ":"),
    /// ensure_ascii=False)` writes it (expectations typed from Python's output).
    @Test func canonicalJSONMatchesPython() {
        #expect(CanonicalJSON.string("a\"b\\c\nd\u{01}é") == #""a\"b\\c\nd\u0001é""#)
        #expect(CanonicalJSON.object(["b": "[]", "a": CanonicalJSON.array(["<unk>", "C4"])]) == #"{"a":["<unk>","C4"],"b":[]}"#)
    }

    // MARK: - Selectors

    @Test func selectorsParse() throws {
        let selector = try ShardSelector(parsing: "2/5")
        #expect(selector.index == 2 && selector.count == 5 && selector.description == "2/5")
        #expect(try ShardSelector(parsing: "0/1").count == 1)
        #expect(ShardLayout.fileName(index: 2, count: 5, kind: .manifest) == "shard-00002-of-00005.manifest.json")
        #expect(ShardLayout.parse("shard-00002-of-00005.safetensors")! == (2, 5, .encoded))
        for name in ["shard-2-of-5.manifest.json", "shard-00002-of-00005.json", "x-00002-of-00005.pieces.json", "shard-0000a-of-00005.pieces.json"] {
            #expect(ShardLayout.parse(name) == nil, "\(name)")
        }
    }

    @Test(arguments: [("3/3", "must be below the count"), ("-1/2", "negative"), ("a/b", "expected I/N"), ("0/0", "at least 1"),
                      ("1", "expected I/N"), ("1/2/3", "expected I/N"), ("", "expected I/N"), ("0/100000", "at most 99999")])
    func badSelectorsAreTypedErrors(text: String, why: String) {
        do {
            _ = try ShardSelector(parsing: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.code == .invalidSelector)
            #expect(error.description.hasPrefix("invalid shard '\(text)': "), "\(error)")
            #expect(error.description.contains(why), "\(error)")
        }
    }

    // MARK: - Assignment

    /// Every file in exactly one shard, for several counts; the union is the corpus.
    @Test(arguments: [1, 2, 3, 7, 40])
    func everyFileInExactlyOneShard(count: Int) throws {
        let listing = try CorpusListing(folder: Self.corpus)
        #expect(listing.files.count == 26)
        #expect(listing.files.map(\.key).allSatisfy { $0.hasPrefix("exercises/exercise-") })
        var seen: [String: Int] = [:]
        for index in 0..<count {
            for file in listing.files(in: try ShardSelector(index: index, count: count)) { seen[file.key, default: 0] += 1 }
        }
        #expect(Set(seen.keys) == Set(listing.files.map(\.key)))
        #expect(seen.values.allSatisfy { $0 == 1 })
    }

    /// A list of files keys each by the path as written, relative ones read from the base.
    @Test func listsKeyFilesAsWritten() throws {
        let listing = try CorpusListing(list: "b.mid\r\n\n/abs/a.mid\nb.mid\n  \n", relativeTo: URL(fileURLWithPath: "/base"), source: "l")
        #expect(listing.files.map(\.key) == ["/abs/a.mid", "b.mid"])
        #expect(listing.files.map(\.url.path) == ["/abs/a.mid", "/base/b.mid"])
        #expect(throws: GenerationError.self) { try CorpusListing(list: "\n \n", relativeTo: URL(fileURLWithPath: "/"), source: "l") }
    }

    // MARK: - Map

    /// The shards hold the corpus's pieces, each once, as preparing the whole corpus gives them,
    /// in key order; manifests count what the pieces hold.
    @Test func shardsPartitionTheWholeCorpus() throws {
        let whole = try Self.whole.get(), shards = try Self.shards.get()
        #expect(shards.allSatisfy { $0.manifest.refused.isEmpty })
        let files = shards.flatMap(\.manifest.files)
        #expect(Set(files).count == 26 && files.count == 26)
        for shard in shards {
            #expect(shard.manifest.files == shard.manifest.files.sorted())
            #expect(shard.manifest.pieces == shard.pieces.count)
            #expect(shard.pieces.map(\.name) == shard.manifest.files.map { ($0 as NSString).lastPathComponent })
            for clef in ClefStream.allCases {
                let tokens = shard.pieces.flatMap { $0.tokens(clef) }
                #expect(shard.manifest[clef].elements == tokens.count)
                #expect(shard.manifest[clef].notes == Dictionary(tokens.map { ($0.noteLabel, 1) }, uniquingKeysWith: +))
                #expect(shard.manifest[clef].durations == Dictionary(tokens.map { ($0.durationLabel, 1) }, uniquingKeysWith: +))
            }
        }
        let sharded = shards.flatMap(\.pieces).sorted { $0.name < $1.name }
        #expect(sharded == whole.pieces.sorted { $0.name < $1.name })
    }

    /// Writing a shard again gives the same bytes, and the files hold no absolute path.
    @Test func rewritingAShardGivesTheSameBytes() throws {
        let listing = try CorpusListing(folder: Self.corpus)
        let a = try TemporaryDirectory.make("shard-a"), b = try TemporaryDirectory.make("shard-b")
        defer { TemporaryDirectory.remove(a); TemporaryDirectory.remove(b) }
        let writer = ShardWriter(selector: try ShardSelector(index: 1, count: 3), options: Self.options)
        try writer.write(listing, to: a)
        try writer.write(listing, to: b)
        try writer.write(listing, to: b)  // over the files of the first run
        for kind in [ShardLayout.Kind.manifest, .pieces] {
            let first = try Data(contentsOf: ShardLayout.url(in: a, index: 1, count: 3, kind: kind))
            let second = try Data(contentsOf: ShardLayout.url(in: b, index: 1, count: 3, kind: kind))
            #expect(first == second, "\(kind)")
            #expect(!String(decoding: first, as: UTF8.self).contains(Self.corpus.path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: b.path).count == 2)  // no temporary file left
    }

    // MARK: - Reduce

    /// The vocabulary frozen from three shards' manifests is the one counted over the whole
    /// corpus's tokens — computed here by hand (count, sort by count descending then label,
    /// `<unk>` first) and by `PreparedCorpus.vocabularies`.
    @Test(arguments: [1, 3])
    func mergedVocabularyIsTheWholeCorpus(minimumCount: Int) throws {
        let folder = try Self.writtenShards()
        defer { TemporaryDirectory.remove(folder) }
        let merger = try ShardMerger(shards: folder)
        let frozen = merger.freeze(minimumCount: minimumCount)
        var whole = try Self.whole.get()
        whole.options.minimumLabelCount = minimumCount
        for clef in ClefStream.allCases {
            let tokens = whole.pieces.flatMap { $0.tokens(clef) }
            for (labels, vocabulary) in [(tokens.map(\.noteLabel), frozen[clef].notes), (tokens.map(\.durationLabel), frozen[clef].durations)] {
                var counts: [String: Int] = [:]
                for label in labels { counts[label, default: 0] += 1 }
                let kept = counts.filter { $0.value >= minimumCount }.map { (label: $0.key, count: $0.value) }
                    .sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }.map(\.label)
                #expect(vocabulary.labels == ["<unk>"] + kept)
            }
            #expect(frozen[clef].notes == whole.vocabularies(clef).notes)
            #expect(frozen[clef].durations == whole.vocabularies(clef).durations)
        }
    }

    /// Encoded shards decode back to the pieces' labels (`<unk>` where the vocabulary lacks one),
    /// read back through the checking loader, and vocabulary.json reads back to the same vocabulary.
    @Test func encodedShardsDecodeToThePieces() throws {
        let folder = try Self.writtenShards(), merged = try TemporaryDirectory.make("merged")
        defer { TemporaryDirectory.remove(folder); TemporaryDirectory.remove(merged) }
        let merger = try ShardMerger(shards: folder)
        let frozen = merger.freeze(minimumCount: 3)
        let summary = try merger.encode(into: merged, vocabulary: frozen)
        #expect(summary.pieces == 26 && summary.shards == 3 && summary.vocabulary == frozen.fingerprint)
        let read = try FrozenVocabulary.read(from: merged.appendingPathComponent("vocabulary.json"))
        #expect(read == frozen)
        var unknown = 0
        for (index, shard) in try Self.shards.get().enumerated() {
            let encoded = try EncodedShard.read(from: ShardLayout.url(in: merged, index: index, count: 3, kind: .encoded), vocabulary: read)
            #expect(encoded.shard == index && encoded.shards == 3 && encoded.pieceNames == shard.pieces.map(\.name))
            for clef in ClefStream.allCases {
                for (piece, ids) in zip(shard.pieces, encoded.pieces(clef)) {
                    let notes = Set(frozen[clef].notes.labels), durations = Set(frozen[clef].durations.labels)
                    let wantedNotes = piece.tokens(clef).map { notes.contains($0.noteLabel) ? $0.noteLabel : "<unk>" }
                    let wantedDurations = piece.tokens(clef).map { durations.contains($0.durationLabel) ? $0.durationLabel : "<unk>" }
                    #expect(ids.notes.map { frozen[clef].notes.labels[Int($0)] } == wantedNotes)
                    #expect(ids.durations.map { frozen[clef].durations.labels[Int($0)] } == wantedDurations)
                    unknown += wantedNotes.filter { $0 == "<unk>" }.count
                }
            }
        }
        #expect(unknown > 0)  // min-count 3 folds some labels: the <unk> path is exercised
    }

    /// Merging again writes the same bytes; re-encoding against another vocabulary overwrites
    /// the shards, and encoded shards of another shard count are removed.
    @Test func reencodingOverwritesAndRemovesStaleShards() throws {
        let folder = try Self.writtenShards(), merged = try TemporaryDirectory.make("merged")
        defer { TemporaryDirectory.remove(folder); TemporaryDirectory.remove(merged) }
        let merger = try ShardMerger(shards: folder)
        try merger.encode(into: merged, vocabulary: merger.freeze())
        let url = ShardLayout.url(in: merged, index: 0, count: 3, kind: .encoded)
        let first = try Data(contentsOf: url)
        try merger.encode(into: merged, vocabulary: merger.freeze())
        #expect(try Data(contentsOf: url) == first)
        let stale = ShardLayout.url(in: merged, index: 3, count: 4, kind: .encoded)
        try first.write(to: stale)
        let other = merger.freeze(minimumCount: 5)
        let summary = try merger.encode(into: merged, vocabulary: other)
        #expect(summary.removed == [stale.path])
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(try EncodedShard.read(from: url, vocabulary: other).vocabularyFingerprint == other.fingerprint)
        #expect(try FrozenVocabulary.read(from: merged.appendingPathComponent("vocabulary.json")) == other)
    }
}
