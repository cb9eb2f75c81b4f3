import Foundation
import Testing
@testable import Generation
import TestSupport

/// `recompose prepare --shard` and `recompose merge`: the same bytes as the library, lists of
/// files, and bad input as one-line errors with the project's exit codes.
@Suite(.requiresRecomposeCLI) struct ShardCommandTests {
    static let options = ["--seq", "16"]

    @Test func prepareAndMergeWriteWhatTheLibraryWrites() throws {
        let folder = try TemporaryDirectory.make("shard-cli")
        defer { TemporaryDirectory.remove(folder) }
        let map = folder.appendingPathComponent("map"), merged = folder.appendingPathComponent("merged")
        for index in 0..<3 {
            let run = try RecomposeCLI.run(["prepare", "--corpus", ShardingTests.corpus.path, "--shard", "\(index)/3",
                                            "--shard-out", map.path] + Self.options, in: folder)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput.hasPrefix("shard \(index)/3: "))
        }
        let library = try ShardingTests.writtenShards()
        defer { TemporaryDirectory.remove(library) }
        for index in 0..<3 {
            for kind in [ShardLayout.Kind.manifest, .pieces] {
                #expect(try Data(contentsOf: ShardLayout.url(in: map, index: index, count: 3, kind: kind))
                        == Data(contentsOf: ShardLayout.url(in: library, index: index, count: 3, kind: kind)), "\(index) \(kind)")
            }
        }
        let run = try RecomposeCLI.run(["merge", "--shards", map.path, "--out", merged.path, "--min-count", "2", "--json"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let merger = try ShardMerger(shards: library)
        let vocabulary = merger.freeze(minimumCount: 2)
        #expect(run.standardOutput.contains("\"vocabulary\":\"\(vocabulary.fingerprint)\""))
        #expect(try Data(contentsOf: merged.appendingPathComponent("vocabulary.json")) == vocabulary.encoded())
        let shard = try EncodedShard(shard: 2, shards: 3, pieces: ShardingTests.shards.get()[2].pieces, vocabulary: vocabulary)
        #expect(try Data(contentsOf: ShardLayout.url(in: merged, index: 2, count: 3, kind: .encoded)) == shard.encoded())

        // --vocabulary: re-encoding against the frozen file gives the same shards.
        let again = folder.appendingPathComponent("again")
        let reencoded = try RecomposeCLI.run(["merge", "--shards", map.path, "--out", again.path,
                                              "--vocabulary", merged.appendingPathComponent("vocabulary.json").path], in: folder)
        #expect(reencoded.status == 0, "\(reencoded.standardError)")
        #expect(try Data(contentsOf: ShardLayout.url(in: again, index: 2, count: 3, kind: .encoded)) == shard.encoded())
    }

    /// `--files-from`: keys are the paths as listed, read relative to `--corpus`; a file that is
    /// not music is refused in the manifest with its typed error, and the shard still written.
    @Test func filesFromAList() throws {
        let folder = try TemporaryDirectory.make("shard-list")
        defer { TemporaryDirectory.remove(folder) }
        let list = folder.appendingPathComponent("files.txt")
        let listed = ["exercises/exercise-02.musicxml", "exercises/exercise-01.musicxml", "README.md", "exercises/absent.musicxml"]
        try Data(listed.joined(separator: "\n").utf8).write(to: list)
        let map = folder.appendingPathComponent("map")
        let run = try RecomposeCLI.run(["prepare", "--corpus", ShardingTests.corpus.path, "--files-from", list.path,
                                        "--shard", "0/1", "--shard-out", map.path, "--json"] + Self.options, in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let manifest = try ShardManifest.read(from: ShardLayout.url(in: map, index: 0, count: 1, kind: .manifest))
        #expect(manifest.files == ["exercises/exercise-01.musicxml", "exercises/exercise-02.musicxml"])
        #expect(manifest.refused.map(\.file) == ["README.md", "exercises/absent.musicxml"])
        #expect(manifest.refused.allSatisfy { !$0.error.isEmpty })
        #expect(run.standardError.contains("skipped README.md: "))
        #expect(run.standardOutput.contains("\"refused\":[{\"error\":"))
    }

    @Test(arguments: [("3/3", "must be below the count"), ("-1/2", "is negative"), ("a/b", "expected I/N"), ("0/0", "at least 1")])
    func badShardSpellingsAreUsageErrors(text: String, why: String) throws {
        let folder = try TemporaryDirectory.make("shard-bad")
        defer { TemporaryDirectory.remove(folder) }
        let run = try RecomposeCLI.run(["prepare", "--corpus", ShardingTests.corpus.path, "--shard", text,
                                        "--shard-out", folder.appendingPathComponent("x").path], in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains("invalid shard '\(text)': "), "\(run.standardError)")
        #expect(run.standardError.contains(why), "\(run.standardError)")
    }

    @Test func optionsThatDoNotGoTogether() throws {
        let folder = try TemporaryDirectory.make("shard-usage")
        defer { TemporaryDirectory.remove(folder) }
        for (arguments, message) in [(["prepare", "--shard", "0/2"], "--shard needs --shard-out"),
                                     (["prepare", "--shard-out", "x"], "--shard-out needs --shard"),
                                     (["prepare", "--files-from", "x"], "--files-from needs --shard"),
                                     (["prepare", "--shard", "0/2", "--shard-out", "x", "--files", "3"], "--files samples"),
                                     (["merge", "--shards", "x", "--out", "y", "--min-count", "2", "--vocabulary", "v"], "give one of them")] {
            let run = try RecomposeCLI.run(arguments, in: folder)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.standardError.contains(message), "\(run.standardError)")
        }
    }

    @Test func mergeErrorsAreOneLineWithStatusOne() throws {
        let folder = try ShardingTests.writtenShards()
        defer { TemporaryDirectory.remove(folder) }
        try Data("not json".utf8).write(to: ShardLayout.url(in: folder, index: 0, count: 3, kind: .manifest))
        try FileManager.default.removeItem(at: ShardLayout.url(in: folder, index: 2, count: 3, kind: .manifest))
        let out = folder.appendingPathComponent("merged")
        var run = try RecomposeCLI.run(["merge", "--shards", folder.path, "--out", out.path], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("recompose merge: \(folder.path)/shard-00000-of-00003.manifest.json: not a shard manifest"),
                "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
        try ShardWriter.write(manifest: ShardingTests.shards.get()[0].manifest, pieces: ShardingTests.shards.get()[0].pieces, to: folder)
        run = try RecomposeCLI.run(["merge", "--shards", folder.path, "--out", out.path], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("shard-00002-of-00003.manifest.json: shard 2 of 3 is missing"), "\(run.standardError)")
    }
}
