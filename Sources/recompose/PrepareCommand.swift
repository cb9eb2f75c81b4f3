import ArgumentParser
import CommandLineSupport
import Foundation
import Generation

/// `recompose prepare`: runs preprocessing and reports what training would see.
struct PrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Preprocess a corpus (sample, transpose to C major / A minor, split clefs, extract and encode) and report it.")

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Also write the prepared token streams to this JSON file.")
    var out: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    /// `--json` prints ``CorpusStatistics``: `{"pieces":26,"failures":0,"treble":{…},"bass":{…}}`.
    func run() throws {
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
}
