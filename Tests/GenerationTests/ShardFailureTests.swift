import Foundation
import Testing
@testable import Generation
import TestSupport

/// Bad input to the reduce step: each a typed ``GenerationError`` naming the file and saying why.
@Suite struct ShardFailureTests {
    /// Runs `body`, which must throw a ``GenerationError`` of `code` whose message names `names`.
    func expectError(_ code: GenerationError.Code, naming names: [String], _ body: () throws -> Void,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("no error", sourceLocation: sourceLocation)
        } catch let error as GenerationError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            for name in names { #expect(error.description.contains(name), "\(error) does not name \(name)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record("not a GenerationError: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func missingShardIsNamed() throws {
        let folder = try ShardingTests.writtenShards()
        defer { TemporaryDirectory.remove(folder) }
        try FileManager.default.removeItem(at: ShardLayout.url(in: folder, index: 1, count: 3, kind: .manifest))
        expectError(.missingShard, naming: ["shard-00001-of-00003.manifest.json", "shard 1 of 3 is missing", "--shard 1/3"]) {
            _ = try ShardMerger(shards: folder)
        }
    }

    @Test func emptyOrAbsentFolderIsRefused() throws {
        let folder = try TemporaryDirectory.make("no-shards")
        defer { TemporaryDirectory.remove(folder) }
        expectError(.missingShard, naming: [folder.path, "no shard manifests"]) { _ = try ShardMerger(shards: folder) }
        let absent = folder.appendingPathComponent("absent")
        expectError(.missingShard, naming: [absent.path]) { _ = try ShardMerger(shards: absent) }
    }

    @Test func corruptManifestIsNamed() throws {
        let folder = try ShardingTests.writtenShards()
        defer { TemporaryDirectory.remove(folder) }
        let url = ShardLayout.url(in: folder, index: 2, count: 3, kind: .manifest)
        try Data("{\"format\":1,".utf8).write(to: url)
        expectError(.corruptShard, naming: [url.path, "not a shard manifest"]) { _ = try ShardMerger(shards: folder) }
        // Valid JSON whose counts do not add up.
        var manifest = try ShardingTests.shards.get()[2].manifest
        manifest.treble.elements += 1
        try manifest.encoded().write(to: url)
        expectError(.corruptShard, naming: [url.path, "do not add up"]) { _ = try ShardMerger(shards: folder) }
        // A manifest that says it is another shard than its name.
        manifest = try ShardingTests.shards.get()[1].manifest
        try manifest.encoded().write(to: url)
        expectError(.corruptShard, naming: [url.path, "says it is shard 1 of 3"]) { _ = try ShardMerger(shards: folder) }
    }

    @Test func missingOrCorruptPiecesAreNamed() throws {
        let folder = try ShardingTests.writtenShards(), out = try TemporaryDirectory.make("merged")
        defer { TemporaryDirectory.remove(folder); TemporaryDirectory.remove(out) }
        let url = ShardLayout.url(in: folder, index: 0, count: 3, kind: .pieces)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        let merger = try ShardMerger(shards: folder)
        expectError(.corruptShard, naming: [url.path, "not a pieces file"]) { try merger.encode(into: out, vocabulary: merger.freeze()) }
        // Pieces of another shard: decodable, but not what the manifest counted.
        try Data(contentsOf: ShardLayout.url(in: folder, index: 1, count: 3, kind: .pieces)).write(to: url)
        expectError(.corruptShard, naming: [url.path, "--shard 0/3"]) { try merger.encode(into: out, vocabulary: merger.freeze()) }
        try FileManager.default.removeItem(at: url)
        expectError(.missingShard, naming: [url.path, "no pieces file"]) { try merger.encode(into: out, vocabulary: merger.freeze()) }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("vocabulary.json").path))
    }

    @Test func mixedSetsAndOptionsAreRefused() throws {
        let folder = try ShardingTests.writtenShards()
        defer { TemporaryDirectory.remove(folder) }
        // A shard of another run, prepared with another window length.
        let listing = try CorpusListing(folder: ShardingTests.corpus)
        var options = ShardingTests.options
        options.sequenceLength = 50
        let other = ShardWriter(selector: try ShardSelector(index: 1, count: 3), options: options).prepare(listing)
        try ShardWriter.write(manifest: other.manifest, pieces: other.pieces, to: folder)
        expectError(.inconsistentShards, naming: ["shard-00001-of-00003.manifest.json", "other options", "\"sequenceLength\":50"]) {
            _ = try ShardMerger(shards: folder)
        }
        // A manifest of a set of four beside the set of three.
        let stray = ShardWriter(selector: try ShardSelector(index: 0, count: 4), options: ShardingTests.options).prepare(listing)
        try ShardWriter.write(manifest: stray.manifest, pieces: stray.pieces, to: folder)
        expectError(.inconsistentShards, naming: [folder.path, "3 and 4 shards"]) { _ = try ShardMerger(shards: folder) }
    }

    @Test func truncatedEncodedShardIsNamed() throws {
        let folder = try ShardingTests.writtenShards(), out = try TemporaryDirectory.make("merged")
        defer { TemporaryDirectory.remove(folder); TemporaryDirectory.remove(out) }
        let merger = try ShardMerger(shards: folder)
        let vocabulary = merger.freeze()
        try merger.encode(into: out, vocabulary: vocabulary)
        let url = ShardLayout.url(in: out, index: 1, count: 3, kind: .encoded)
        let data = try Data(contentsOf: url)
        for length in [0, 5, 100, data.count - 1] {
            try data.prefix(length).write(to: url)
            expectError(.corruptShard, naming: [url.path, "not an encoded shard"]) { _ = try EncodedShard.read(from: url, vocabulary: vocabulary) }
        }
        try FileManager.default.removeItem(at: url)
        expectError(.missingShard, naming: [url.path]) { _ = try EncodedShard.read(from: url, vocabulary: vocabulary) }
    }

    /// A shard encoded against one vocabulary and read against another: both fingerprints named.
    @Test func wrongFingerprintNamesBoth() throws {
        let folder = try ShardingTests.writtenShards(), out = try TemporaryDirectory.make("merged")
        defer { TemporaryDirectory.remove(folder); TemporaryDirectory.remove(out) }
        let merger = try ShardMerger(shards: folder)
        let used = merger.freeze(minimumCount: 1), other = merger.freeze(minimumCount: 3)
        #expect(used.fingerprint != other.fingerprint)
        try merger.encode(into: out, vocabulary: used)
        let url = ShardLayout.url(in: out, index: 0, count: 3, kind: .encoded)
        expectError(.vocabularyMismatch, naming: [url.path, used.fingerprint, other.fingerprint]) {
            _ = try EncodedShard.read(from: url, vocabulary: other)
        }
    }

    @Test func vocabularyFileWithAlteredLabelsIsRefused() throws {
        let folder = try ShardingTests.writtenShards(), out = try TemporaryDirectory.make("merged")
        defer { TemporaryDirectory.remove(folder); TemporaryDirectory.remove(out) }
        let merger = try ShardMerger(shards: folder)
        try merger.encode(into: out, vocabulary: merger.freeze())
        let url = out.appendingPathComponent("vocabulary.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"<unk>\",\"eighth\"", with: "\"<unk>\",\"eighthX\"")
        try Data(text.utf8).write(to: url)
        expectError(.corruptShard, naming: [url.path, "fingerprint"]) { _ = try FrozenVocabulary.read(from: url) }
        try Data("[]".utf8).write(to: url)
        expectError(.corruptShard, naming: [url.path, "not a vocabulary file"]) { _ = try FrozenVocabulary.read(from: url) }
    }
}
