import ArgumentParser
import CommandLineSupport
import Foundation
import Generation
import Notation

/// Options shared by `prepare` and `train`: which corpus and how to preprocess it.
struct CorpusOptions: ParsableArguments {
    @Option(help: "A folder of MIDI or MusicXML files (searched recursively).")
    var corpus: String = "Corpus"

    @Option(help: "Sample this many files (by --seed) instead of all.")
    var files: Int?

    @Option(help: "Window length of training sequences.")
    var seq: Int = 100

    @Option(help: "Fold labels seen fewer times into <unk>.")
    var minCount: Int = 1

    @Option(help: "Share of pieces held out for validation.")
    var validation: Double = 0.1

    @Option(help: "Seed of sampling, splitting, initialisation and shuffling.")
    var seed: UInt64 = 1

    func validate() throws {
        if let files, files < 1 { throw ValidationError("--files must be at least 1.") }
        guard seq >= 1 else { throw ValidationError("--seq must be at least 1.") }
        guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1.") }
        guard validation >= 0, validation < 1 else { throw ValidationError("--validation must be in [0, 1).") }
    }

    var preprocessing: PreprocessingOptions {
        PreprocessingOptions(fileCount: files, seed: seed, sequenceLength: seq, minimumLabelCount: minCount,
                             validationFraction: validation)
    }

    /// Samples and prepares the corpus, reporting progress and unreadable files on stderr.
    func prepare(command: String) throws -> PreparedCorpus {
        let preprocessor = CorpusPreprocessor(options: preprocessing)
        let urls: [URL]
        do { urls = try preprocessor.sampleFiles(in: URL(fileURLWithPath: corpus)) } catch { throw CommandError(command, corpus, error) }
        note("reading \(urls.count) files from \(corpus) …")
        let prepared = preprocessor.prepare(files: urls)
        for failure in prepared.failures { note("recompose \(command): skipped \(failure.file): \(failure.reason)") }
        guard !prepared.pieces.isEmpty else { throw CommandError(command, corpus, GenerationError.notEnoughData("no file could be read")) }
        return prepared
    }
}

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

    func run() throws {
        let prepared = try corpus.prepare(command: "prepare")
        if json {
            try JSONLines.print(Report(prepared))
        } else {
            print(prepared.summary)
            let keys = Dictionary(grouping: prepared.pieces.compactMap(\.originalKey?.description), by: { $0 })
                .map { "\($0.key) \($0.value.count)" }.sorted()
            print("estimated keys before transposition: " + keys.joined(separator: ", "))
        }
        if let out {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try attributing(to: out) { try encoder.encode(prepared.pieces).write(to: URL(fileURLWithPath: out), options: .atomic) }
        }
    }

    /// The `--json` report: `{"pieces":26,"failures":0,"treble":{…},"bass":{…}}`.
    struct Report: Encodable {
        var pieces: Int
        var failures: Int
        var treble: Clef
        var bass: Clef

        /// What one clef's model would be trained on.
        struct Clef: Encodable {
            var elements: Int
            var noteLabels: Int
            var durationLabels: Int
            var trainingSequences: Int
            var validationSequences: Int
        }

        init(_ prepared: PreparedCorpus) {
            func clef(_ clef: ClefStream) -> Clef {
                let (notes, durations) = prepared.vocabularies(clef)
                let (training, validation) = prepared.datasets(clef, notes: notes, durations: durations)
                return Clef(elements: prepared.pieces.reduce(0) { $0 + $1.tokens(clef).count },
                            noteLabels: notes.count, durationLabels: durations.count,
                            trainingSequences: training.count, validationSequences: validation.count)
            }
            pieces = prepared.pieces.count
            failures = prepared.failures.count
            treble = clef(.treble)
            bass = clef(.bass)
        }
    }
}
