import ArgumentParser
import Foundation
import Generation

/// Options shared by `prepare` and `train`: which corpus and how to preprocess it.
struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("corpus"), help: "A folder of MIDI or MusicXML files (searched recursively). (default: Corpus)")
    var corpusArgument: String?

    /// The corpus folder: `--corpus`, else `Corpus`.
    var corpus: String { corpusArgument ?? "Corpus" }

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

    @Option(help: "Tokens: chords (a chord label per element, the seed's) or notes (a token per pitch). (default for train: the recipe's — notes for duet, else chords; for prepare: chords)")
    var tokens: TokenEncoding?

    @Option(help: "Also train on copies of the training pieces moved up to this many semitones either way (6: every key; 0: none). (default for train: the recipe's — 6 for duet, else 0; for prepare: 0)")
    var augmentKeys: Int?

    func validate() throws {
        if let files, files < 1 { throw ValidationError("--files must be at least 1.") }
        guard seq >= 1 else { throw ValidationError("--seq must be at least 1.") }
        guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1.") }
        guard validation >= 0, validation < 1 else { throw ValidationError("--validation must be in [0, 1).") }
        if let augmentKeys, !(0...6).contains(augmentKeys)  { throw ValidationError("--augment-keys must be in 0…6.") }
    }

    /// The preprocessing options, tokens and augmentation as `--tokens` and `--augment-keys`
    /// say, or else as `recipe`'s; with no recipe (`recompose prepare`, whose shards feed the
    /// chord-label networks), chord labels and no augmentation.
    func preprocessing(recipe: Recipe? = nil) -> PreprocessingOptions {
        PreprocessingOptions(fileCount: files, seed: seed, sequenceLength: seq, minimumLabelCount: minCount,
                             validationFraction: validation, tokenEncoding: tokens ?? recipe?.tokenEncoding ?? .chords,
                             keyAugmentation: augmentKeys ?? recipe?.keyAugmentation ?? 0)
    }

    /// Samples and prepares the corpus, reporting progress and unreadable files on stderr.
    func prepare(command: String, recipe: Recipe? = nil) throws -> PreparedCorpus {
        let prepared: PreparedCorpus
        do {
            prepared = try CorpusPreprocessor(options: preprocessing(recipe: recipe)).prepare(corpus: URL(fileURLWithPath: corpus)) {
                note("reading \($0.count) files from \(corpus) …")
            }
        } catch { throw CommandError(command, corpus, error) }
        for failure in prepared.failures { note("recompose \(command): skipped \(failure.file): \(failure.reason)") }
        guard !prepared.pieces.isEmpty else { throw CommandError(command, corpus, GenerationError.notEnoughData("no file could be read")) }
        return prepared
    }
}

extension TokenEncoding: ExpressibleByArgument {}
