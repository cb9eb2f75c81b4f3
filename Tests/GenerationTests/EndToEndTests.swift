import Foundation
import Testing
import Notation
import NotationRendering
@testable import Generation
import NeuralNetwork

/// Trains a tiny model on the bundled corpus and generates a piece, through the same library
/// calls `recompose train` and `recompose generate` make.
@Suite struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func trainsOnTheBundledCorpusAndWritesAValidPiece() throws {
        let options = PreprocessingOptions(fileCount: 8, seed: 3, sequenceLength: 16, validationFraction: 0.25)
        let pre = CorpusPreprocessor(options: options)
        let files = try pre.sampleFiles(in: EndToEndTests.root.appendingPathComponent("Corpus"))
        #expect(files.count == 8)
        let corpus = pre.prepare(files: files)
        #expect(corpus.failures.isEmpty)
        #expect(corpus.pieces.count == 8)
        // Every piece is moved to C major or A minor.
        #expect(corpus.pieces.allSatisfy { $0.key == .cMajor || $0.key == .aMinor })

        var models: [ClefStream: ClefModel] = [:]
        for clef in ClefStream.allCases {
            let (notes, durations) = corpus.vocabularies(clef)
            let (training, validation) = corpus.datasets(clef, notes: notes, durations: durations)
            #expect(training.count > 0)
            var network = try SequenceModel(
                configuration: ModelConfiguration(noteVocabularySize: notes.count, durationVocabularySize: durations.count,
                                                  lstmUnits: [16, 16], denseUnits: 16, dropout: 0.1),
                seed: 1)
            let summary = try Trainer(options: TrainingOptions(epochs: 2, batchSize: 32, maximumSequencesPerEpoch: 256))
                .train(&network, training: training, validation: validation)
            #expect(summary.sequences == 512)
            #expect(summary.trainLoss.isFinite)
            models[clef] = ClefModel(network: network, notes: notes, durations: durations,
                                     seeds: [Array(corpus.pieces[0].tokens(clef).prefix(16))])
        }

        // Save and reload the bundle, as `train` then `generate` do.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = ModelBundle.Manifest(preprocessing: options, training: TrainingOptions(), summaries: [:])
        try ModelBundle(manifest: manifest, clefs: models).save(to: folder.appendingPathComponent("model"))
        let bundle = try ModelBundle(contentsOf: folder.appendingPathComponent("model"))
        let treble = try #require(bundle.clefs[.treble]), bass = try #require(bundle.clefs[.bass])

        var upper = treble.stepper(), lower = bass.stepper()
        let (t, b) = PieceGenerator(options: GenerationOptions(seed: 5, bars: 8)).generate(
            treble: &upper, trebleVocabularies: .init(notes: treble.notes, durations: treble.durations), trebleSeed: treble.seeds[0],
            bass: &lower, bassVocabularies: .init(notes: bass.notes, durations: bass.durations), bassSeed: bass.seeds[0])
        let score = try PieceAssembler(options: AssemblyOptions(key: Key(.E, .minor), tempo: 120)).score(treble: t, bass: b)
        let xml = folder.appendingPathComponent("piece.musicxml"), midi = folder.appendingPathComponent("piece.mid")
        try score.write(to: xml)
        try score.write(to: midi)

        // The MIDI file reads back as 8 complete bars in both hands.
        let back = try Score.read(contentsOf: midi)
        let piano = try #require(back.parts.first)
        #expect(piano.staves.count == 2)
        #expect(piano.staves.allSatisfy { $0.measures.count == 8 })
        #expect(piano.staves.allSatisfy { $0.measures.allSatisfy { $0.isComplete } })
        #expect(back.notesAndChords.count > 0)

        // A real notation program engraves it without a complaint about the file.
        if FileManager.default.fileExists(atPath: "/usr/bin/mscore3") {
            let sheet = try score.renderSheet(to: folder.appendingPathComponent("piece.png"))
            #expect(sheet.messages.isEmpty, "MuseScore: \(sheet.messages)")
            #expect(!sheet.pages.isEmpty)
        } else {
            print("skipping sheet rendering: mscore3 is not installed (apt-get install musescore3)")
        }

        // The MusicXML validates against the MusicXML 4.0 schema.
        let schema = EndToEndTests.root.deletingLastPathComponent().appendingPathComponent("shared/musicxml/schema")
        guard FileManager.default.fileExists(atPath: schema.appendingPathComponent("musicxml.xsd").path),
              FileManager.default.fileExists(atPath: "/usr/bin/xmllint") else {
            print("skipping schema validation: ../shared/musicxml/schema or xmllint is missing")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--nonet", "--noout", "--schema", schema.appendingPathComponent("musicxml.xsd").path, xml.path]
        process.environment = ["XML_CATALOG_FILES": schema.appendingPathComponent("catalog.xml").path]
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "xmllint: \(message)")
    }
}
