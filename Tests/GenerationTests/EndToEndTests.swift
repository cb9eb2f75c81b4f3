import Foundation
import Testing
import Notation
import NotationRendering
@testable import Generation
import NeuralNetwork
import TestSupport

/// Trains a tiny model on the bundled corpus and generates a piece, through the same library
/// calls `recompose train` and `recompose generate` make. The piece is made once; what checks it
/// with MuseScore and with the MusicXML schema are tests of their own, reported as skipped where
/// those are not installed.
@Suite struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What training on the bundled corpus and generating gave.
    struct Outcome: Sendable {
        var sampledFiles: Int
        var corpus: PreparedCorpus
        /// Per hand, in `ClefStream.allCases` order: training windows and the training summary.
        var trainingWindows: [Int]
        var summaries: [TrainingSummary]
        var score: Score
    }

    /// Made once, for every test of the suite (training is the slow part).
    static let outcome = Result { try trainAndGenerate() }

    static func trainAndGenerate() throws -> Outcome {
        let options = PreprocessingOptions(fileCount: 8, seed: 3, sequenceLength: 16, validationFraction: 0.25)
        let pre = CorpusPreprocessor(options: options)
        let files = try pre.sampleFiles(in: EndToEndTests.root.appendingPathComponent("Corpus"))
        let corpus = pre.prepare(files: files)

        var models: [ClefStream: ClefModel] = [:]
        var windows: [Int] = [], summaries: [TrainingSummary] = []
        for clef in ClefStream.allCases {
            let (notes, durations) = corpus.vocabularies(clef)
            let (training, validation) = corpus.datasets(clef, notes: notes, durations: durations)
            var network = try SequenceModel(
                configuration: ModelConfiguration(noteVocabularySize: notes.count, durationVocabularySize: durations.count,
                                                  lstmUnits: [16, 16], denseUnits: 16, dropout: 0.1),
                seed: 1)
            let summary = try Trainer(options: TrainingOptions(epochs: 2, batchSize: 32, maximumSequencesPerEpoch: 256))
                .train(&network, training: training, validation: validation)
            windows.append(training.count)
            summaries.append(summary)
            models[clef] = ClefModel(network: network, notes: notes, durations: durations,
                                     seeds: [Array(corpus.pieces[0].tokens(clef).prefix(16))])
        }

        // Save and reload the bundle, as `train` then `generate` do.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = ModelBundle.Manifest(preprocessing: options, training: TrainingOptions(), summaries: [:])
        try ModelBundle(manifest: manifest, clefs: models).save(to: folder.appendingPathComponent("model"))
        let bundle = try ModelBundle(contentsOf: folder.appendingPathComponent("model"))
        guard let treble = bundle.clefs[.treble], let bass = bundle.clefs[.bass] else { throw MissingClefModel() }

        var upper = treble.stepper(), lower = bass.stepper()
        let (t, b) = PieceGenerator(options: GenerationOptions(seed: 5, bars: 8)).generate(
            treble: &upper, trebleVocabularies: .init(notes: treble.notes, durations: treble.durations), trebleSeed: treble.seeds[0],
            bass: &lower, bassVocabularies: .init(notes: bass.notes, durations: bass.durations), bassSeed: bass.seeds[0])
        let score = try PieceAssembler(options: AssemblyOptions(key: Key(.E, .minor), tempo: 120)).score(treble: t, bass: b)
        return Outcome(sampledFiles: files.count, corpus: corpus, trainingWindows: windows, summaries: summaries, score: score)
    }

    struct MissingClefModel: Error {}

    @Test func trainsOnTheBundledCorpusAndWritesAValidPiece() throws {
        let outcome = try Self.outcome.get()
        #expect(outcome.sampledFiles == 8)
        #expect(outcome.corpus.failures.isEmpty)
        #expect(outcome.corpus.pieces.count == 8)
        // Every piece is moved to C major or A minor.
        #expect(outcome.corpus.pieces.allSatisfy { $0.key == .cMajor || $0.key == .aMinor })
        #expect(outcome.trainingWindows.count == ClefStream.allCases.count)
        #expect(outcome.trainingWindows.allSatisfy { $0 > 0 })
        #expect(outcome.summaries.allSatisfy { $0.sequences == 512 })
        #expect(outcome.summaries.allSatisfy { $0.trainLoss.isFinite })

        let folder = try TemporaryDirectory.make("e2e")
        defer { TemporaryDirectory.remove(folder) }
        let xml = folder.appendingPathComponent("piece.musicxml"), midi = folder.appendingPathComponent("piece.mid")
        try outcome.score.write(to: xml)
        try outcome.score.write(to: midi)

        // The MIDI file reads back as 8 complete bars in both hands.
        let back = try Score.read(contentsOf: midi)
        let piano = try #require(back.parts.first)
        #expect(piano.staves.count == 2)
        #expect(piano.staves.allSatisfy { $0.measures.count == 8 })
        #expect(piano.staves.allSatisfy { $0.measures.allSatisfy { $0.isComplete } })
        #expect(back.notesAndChords.count > 0)
        // And so does the MusicXML file.
        #expect(try Score.read(contentsOf: xml).parts.first?.staves.map(\.measures.count) == [8, 8])
    }

    @Test("a real notation program engraves the piece without a complaint about the file",
          .enabled(if: SheetRenderer().isAvailable, "mscore3 is not installed (Debian package musescore3)"))
    func museScoreEngravesThePiece() throws {
        let folder = try TemporaryDirectory.make("e2e-sheet")
        defer { TemporaryDirectory.remove(folder) }
        let sheet = try Self.outcome.get().score.renderSheet(to: folder.appendingPathComponent("piece.png"))
        #expect(sheet.messages.isEmpty, "MuseScore: \(sheet.messages)")
        #expect(!sheet.pages.isEmpty)
    }

    @Test("the piece's MusicXML validates against the MusicXML 4.0 schema",
          .requires(shared: SharedData.schema), .requires(program: "xmllint", package: "libxml2-utils"))
    func musicXMLValidates() throws {
        let folder = try TemporaryDirectory.make("e2e-xsd")
        defer { TemporaryDirectory.remove(folder) }
        let xml = folder.appendingPathComponent("piece.musicxml")
        try Self.outcome.get().score.write(to: xml)
        let result = try MusicXMLSchema.validate([xml])
        #expect(result.status == 0, "xmllint: \(result.output)")
    }
}
