import ArgumentParser
import CommandLineSupport
import Foundation
import Generation

/// `recompose merge`: the reduce step of sharded preparation — checks a folder of prepared
/// shards, freezes one vocabulary (or takes one) and encodes every shard into safetensors.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge prepared shards: freeze one vocabulary and encode every shard as int32 token ids in safetensors.",
        discussion: """
            Reads DIR/shard-IIIII-of-NNNNN.manifest.json and .pieces.json written by `recompose prepare --shard`, \
            checks they are one complete set 0..N-1 with the same options, and writes MERGED/vocabulary.json and \
            MERGED/shard-IIIII-of-NNNNN.safetensors (treble/bass .notes and .durations int32, .offsets int64). \
            With --vocabulary, the shards are encoded against that frozen vocabulary instead (labels it lacks become <unk>).
            """)

    @Option(help: "The folder of prepared shards (recompose prepare --shard-out).")
    var shards: String

    @Option(help: "The folder to write vocabulary.json and the encoded shards to.")
    var out: String

    @Option(help: "Fold labels seen fewer times into <unk> (default: the --min-count the shards were prepared with).")
    var minCount: Int?

    @Option(help: "Encode against this frozen vocabulary.json instead of freezing a new one.")
    var vocabulary: String?

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func validate() throws {
        if let minCount, minCount < 1 { throw ValidationError("--min-count must be at least 1.") }
        if minCount != nil, vocabulary != nil {
            throw ValidationError("--min-count freezes a new vocabulary; --vocabulary uses a frozen one: give one of them.")
        }
    }

    func run() throws {
        let merger = try attributing(to: nil) { try ShardMerger(shards: URL(fileURLWithPath: shards)) }
        let frozen = try vocabulary.map { path in
            try attributing(to: nil) { try FrozenVocabulary.read(from: URL(fileURLWithPath: path)) }
        } ?? merger.freeze(minimumCount: minCount)
        note("merging \(merger.count) shards …")
        let summary = try attributing(to: nil) { try merger.encode(into: URL(fileURLWithPath: out), vocabulary: frozen) }
        for path in summary.removed { note("recompose merge: removed \(path) (another set's encoded shard)") }
        if json {
            try JSONLines.print(summary)
        } else {
            let sizes = summary.vocabularySizes
            print("merged \(summary.shards) shards: \(summary.pieces) pieces (\(summary.refused) files refused); "
                  + "treble \(summary.trebleElements) elements, \(sizes[0]) note and \(sizes[1]) duration labels; "
                  + "bass \(summary.bassElements) elements, \(sizes[2]) note and \(sizes[3]) duration labels")
            print("vocabulary \(summary.vocabulary) written to \(URL(fileURLWithPath: out).path)")
        }
    }
}
