import ArgumentParser
import CommandLineSupport
import Foundation
import Generation

/// `recompose prepare`: runs preprocessing and reports what training would see; with `--shard`,
/// the map step of sharded preparation (one shard's pieces and manifest).
struct PrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Preprocess a corpus (sample, transpose to C major / A minor, split clefs, extract and encode) and report it.",
        discussion: """
            With --shard I/N --shard-out DIR, prepares only shard I (0-based) of N — the files whose path \
            relative to --corpus (or as written in --files-from) hashes to I (FNV-1a 64-bit, modulo N) — and writes \
            DIR/shard-IIIII-of-NNNNN.pieces.json and .manifest.json, atomically and byte-deterministically. \
            `recompose merge` then freezes one vocabulary and encodes the shards.
            """)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Also write the prepared token streams to this JSON file.")
    var out: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Prepare only shard I of N (0-based), e.g. 0/4; needs --shard-out.", valueName: "I/N"))
    var shard: String?

    @Option(help: "The folder the shard's pieces and manifest are written to.")
    var shardOut: String?

    @Option(help: ArgumentHelp("Take the files from this list (one path a line; - for standard input) instead of searching "
                               + "--corpus; relative paths are read from --corpus if given, else the current folder. Needs --shard.",
                               valueName: "PATH"))
    var filesFrom: String?

    @Flag(help: "Print the report (with --shard, the manifest) as JSON.")
    var json = false

    func validate() throws {
        guard let shard else {
            if shardOut != nil { throw ValidationError("--shard-out needs --shard I/N.") }
            if filesFrom != nil { throw ValidationError("--files-from needs --shard I/N (use --shard 0/1 for one shard of everything).") }
            return
        }
        do { _ = try ShardSelector(parsing: shard) } catch { throw ValidationError(error.description + ".") }
        if shardOut == nil { throw ValidationError("--shard needs --shard-out DIR, the folder its pieces and manifest go to.") }
        if out != nil { throw ValidationError("--out writes a whole corpus; with --shard the pieces go to --shard-out.") }
        if corpus.files != nil { throw ValidationError("--files samples the whole corpus; with --shard, list the files with --files-from.") }
    }

    /// `--json` prints ``CorpusStatistics``: `{"pieces":26,"failures":0,"treble":{…},"bass":{…}}`.
    func run() throws {
        if let shard, let shardOut { return try runShard(try ShardSelector(parsing: shard), to: shardOut) }
        let prepared = try corpus.prepare(command: "prepare")
        if json {
            try JSONLines.print(prepared.statistics)
        } else {
            print(prepared.summary)
            let keys = prepared.originalKeyCounts.map { "\($0.key) \($0.value)" }.sorted()
            print("estimated keys before transposition: " + keys.joined(separator: ", "))
        }
        if let out {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try attributing(to: out) { try encoder.encode(prepared.pieces).write(to: URL(fileURLWithPath: out), options: .atomic) }
        }
    }

    /// The map step: one shard's pieces and manifest.
    private func runShard(_ selector: ShardSelector, to folder: String) throws {
        let listing = try attributing(to: nil) { try listedFiles() }
        let writer = ShardWriter(selector: selector, options: corpus.preprocessing())
        let mine = listing.files(in: selector).count
        note("shard \(selector): reading \(mine) of \(listing.files.count) files …")
        let manifest = try attributing(to: nil) { try writer.write(listing, to: URL(fileURLWithPath: folder)) }
        for refusal in manifest.refused { note("recompose prepare: skipped \(refusal.file): \(refusal.error)") }
        if json {
            try JSONLines.print(manifest)
        } else {
            print("shard \(selector): \(manifest.pieces) pieces (\(manifest.refused.count) refused); "
                  + "treble \(manifest.treble.elements) elements, bass \(manifest.bass.elements) elements; written to "
                  + URL(fileURLWithPath: folder).appendingPathComponent(ShardLayout.stem(index: selector.index, count: selector.count)).path
                  + ".{pieces,manifest}.json")
        }
    }

    /// The corpus folder's files, or those of `--files-from`.
    private func listedFiles() throws -> CorpusListing {
        guard let filesFrom else { return try CorpusListing(folder: URL(fileURLWithPath: corpus.corpus)) }
        let text: String
        do {
            let data = filesFrom == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: filesFrom))
            text = String(decoding: data, as: UTF8.self)
        } catch {
            throw GenerationError(code: .unreadableList, path: filesFrom, reason: "cannot read the list of files", cause: error)
        }
        let base = URL(fileURLWithPath: corpus.corpusArgument ?? FileManager.default.currentDirectoryPath, isDirectory: true)
        return try CorpusListing(list: text, relativeTo: base, source: filesFrom == "-" ? "<standard input>" : filesFrom)
    }
}
