import Foundation
import Testing
import Notation
@testable import Generation
import NeuralNetwork
import TestSupport

/// The pipeline as library calls — `ModelBundle.train(corpus:…)` and `ModelBundle.compose(…)` —
/// gives what `recompose train` and `recompose generate` give for the same settings, byte for
/// byte: a tiny model trained on the bundled exercises (Corpus/exercises) with a fixed seed and
/// thread count, and pieces composed from it with fixed seeds.
@Suite(.serialized) struct PipelineTests {
    static let exercises = SharedData.packageRoot.appendingPathComponent("Corpus/exercises")

    /// The tiny configuration, and the `recompose train` arguments that say the same.
    static let options = TrainingConfiguration(
        recipe: .barAware,
        preprocessing: PreprocessingOptions(seed: 3, sequenceLength: 16),
        architecture: ModelArchitecture(units: 16, layers: 2),
        training: TrainingOptions(epochs: 2, batchSize: 16, seed: 3, maximumSequencesPerEpoch: 64, threads: 2))
    static let trainArguments = ["--recipe", "bar-aware", "--seq", "16", "--units", "16", "--layers", "2", "--epochs", "2", "--batch", "16",
                                 "--max-sequences", "64", "--threads", "2", "--seed", "3"]

    /// What training through the library gave: the events, and the saved bundle's folder.
    struct Trained: Sendable {
        var folder: URL
        var events: [String]
        var bundle: ModelBundle
    }

    /// Trained once for the suite (removed with the process's temporary folder).
    static let trained = Result { () throws -> Trained in
        let folder = try TemporaryDirectory.make("pipeline-library")
        var events: [String] = []
        let bundle = try ModelBundle.train(corpus: exercises, options: options,
                                           checkpoints: folder.appendingPathComponent("checkpoints")) { event in
            switch event {
            case .corpusPrepared(let corpus): events.append("prepared \(corpus.pieces.count)")
            case .clefStarted(let clef, _, _, _): events.append("started \(clef.rawValue)")
            case .progress(let clef, let progress):
                if progress.validationLoss != nil { events.append("epoch \(clef.rawValue) \(progress.epoch)") }
            case .clefFinished(let clef, _): events.append("finished \(clef.rawValue)")
            }
        }
        try bundle.save(to: folder.appendingPathComponent("model"))
        return Trained(folder: folder.appendingPathComponent("model"), events: events, bundle: bundle)
    }

    static func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// The manifest without what differs from run to run (timings) or by who trained (command).
    static func comparable(_ manifest: ModelBundle.Manifest) -> ModelBundle.Manifest {
        var manifest = manifest
        manifest.command = nil
        for key in manifest.summaries.keys {
            manifest.summaries[key]?.seconds = 0
            manifest.summaries[key]?.sequencesPerSecond = 0
        }
        return manifest
    }

    @Test func trainingReportsEachClefInOrder() throws {
        let trained = try Self.trained.get()
        #expect(trained.events == ["prepared 26", "started treble", "epoch treble 1", "epoch treble 2", "finished treble",
                                   "started bass", "epoch bass 1", "epoch bass 2", "finished bass"])
        #expect(trained.bundle.manifest.summaries.values.allSatisfy { $0.sequences == 128 })
        #expect(trained.bundle.clefs[.treble]?.seeds.count == 16)
        #expect(trained.bundle.clefs[.treble]?.network.configuration.lstmUnits == [16, 16])
    }

    @Test(.requiresRecomposeCLI) func trainWritesWhatRecomposeTrainWrites() throws {
        let trained = try Self.trained.get()
        let folder = try TemporaryDirectory.make("pipeline-cli-train")
        defer { TemporaryDirectory.remove(folder) }
        let cli = folder.appendingPathComponent("model")
        let run = try RecomposeCLI.run(["train", "--corpus", Self.exercises.path] + Self.trainArguments + ["--out", cli.path],
                                       in: folder)
        #expect(run.status == 0, "recompose train: \(run.standardError)")
        for clef in ["treble", "bass"] {
            for file in ["model.safetensors", "config.json", "vocabulary.json"] {
                let path = "\(clef)/\(file)"
                #expect(try Self.bytes(trained.folder.appendingPathComponent(path)) == Self.bytes(cli.appendingPathComponent(path)),
                        "\(path) differs")
            }
        }
        let fromCLI = try ModelBundle(contentsOf: cli)
        #expect(Self.comparable(fromCLI.manifest) == Self.comparable(trained.bundle.manifest))
        #expect(fromCLI.manifest.command?.hasPrefix("train --corpus") == true)
    }

    /// `recompose generate ARGUMENTS` and `compose(options)` write the same MIDI and MusicXML.
    func expectSamePiece(_ options: CompositionOptions, _ arguments: [String]) throws {
        let trained = try Self.trained.get()
        let folder = try TemporaryDirectory.make("pipeline-compose")
        defer { TemporaryDirectory.remove(folder) }
        let run = try RecomposeCLI.run(["generate", "--model", trained.folder.path] + arguments
                                       + ["--out", folder.appendingPathComponent("cli").path], in: folder)
        #expect(run.status == 0, "recompose generate: \(run.standardError)")
        let piece = try ModelBundle(contentsOf: trained.folder).compose(options)
        for format in ["mid", "musicxml"] {
            let library = folder.appendingPathComponent("library.\(format)")
            try piece.score.write(to: library)
            #expect(try Self.bytes(library) == Self.bytes(folder.appendingPathComponent("cli.\(format)")),
                    "\(format) differs for \(arguments)")
        }
        #expect(run.standardError.hasPrefix("generated \(piece.elementCount) elements in "))
    }

    @Test(.requiresRecomposeCLI) func composeWritesWhatRecomposeGenerateWrites() throws {
        try expectSamePiece(CompositionOptions(key: Key(.E, .minor), tempo: 120, bars: 8, seed: 5),
                            ["--key", "E minor", "--tempo", "120", "--bars", "8", "--seed", "5"])
        try expectSamePiece(CompositionOptions(key: Key(.D, .major), meter: TimeSignature(3, 4), bars: 6, seed: 2,
                                               topKNotes: 4, temperature: 0.8, topP: 0.9, title: "T"),
                            ["--key", "D major", "--time", "3/4", "--bars", "6", "--seed", "2", "--top-k-notes", "4",
                             "--temperature", "0.8", "--top-p", "0.9", "--title", "T"])
        try expectSamePiece(CompositionOptions(seed: 9, elements: 30), ["--length", "30", "--seed", "9"])
    }

    @Test(.requiresRecomposeCLI) func aPromptFileStartsBothTheSameWay() throws {
        let model = try ModelBundle(contentsOf: Self.trained.get().folder)
        let file = Self.exercises.appendingPathComponent("exercise-03.musicxml")
        var options = CompositionOptions(bars: 4, seed: 1)
        options.prompt = try model.prompt(contentsOf: file)
        #expect(options.prompt?.treble.count == 16)
        try expectSamePiece(options, ["--prompt", file.path, "--bars", "4", "--seed", "1"])
    }

    @Test func theShortFormIsTheOptionsForm() throws {
        let model = try ModelBundle(contentsOf: Self.trained.get().folder)
        let short = try model.compose(key: Key(.A, .minor), tempo: 60, bars: 4, seed: 2)
        let long = try model.compose(CompositionOptions(key: Key(.A, .minor), tempo: 60, bars: 4, seed: 2))
        #expect(short == long.score)
        #expect(short.parts.first?.staves.map(\.measures.count) == [4, 4])
        // A minor starts from a window of a minor piece.
        let minor = try #require(model.clefs[.treble]).seedIndices(mode: .minor)
        #expect(minor.contains { model.clefs[.treble]?.seeds[$0] == long.prompt.treble })
        #expect(try model.compose(key: Key(.A, .minor), tempo: 60, bars: 4, seed: 3) != short)
    }

    @Test func composingNeedsBothClefs() throws {
        var model = try ModelBundle(contentsOf: Self.trained.get().folder)
        model.clefs[.bass] = nil
        #expect(throws: GenerationError.self) { try model.compose(bars: 1) }
        do { _ = try model.compose(bars: 1) } catch let error as GenerationError {
            #expect(error.code == .invalidModel)
            #expect(error.localizedDescription.contains("needs both a treble and a bass model"))
        }
    }

    @Test func aClefWithoutWindowsIsNotEnoughData() throws {
        var options = Self.options
        options.preprocessing.sequenceLength = 100_000
        #expect {
            try ModelBundle.train(corpus: Self.exercises, options: options)
        } throws: { ($0 as? GenerationError)?.code == .notEnoughData }
        #expect(throws: GenerationError.emptyCorpus(SharedData.packageRoot.appendingPathComponent("Sources/recompose").path)) {
            try ModelBundle.train(corpus: SharedData.packageRoot.appendingPathComponent("Sources/recompose"))
        }
    }

    @Test func statisticsAgreeWithTheSummary() throws {
        let corpus = try CorpusPreprocessor(options: PreprocessingOptions(sequenceLength: 16)).prepare(corpus: Self.exercises)
        let statistics = corpus.statistics
        #expect(statistics.pieces == 26 && statistics.failures == 0)
        #expect(corpus.summary.contains("treble: \(statistics.treble.elements) elements, \(statistics.treble.noteLabels) note/chord labels"))
        #expect(statistics[.bass] == statistics.bass)
        #expect(corpus.originalKeyCounts.values.reduce(0, +) == 26)
    }
}
