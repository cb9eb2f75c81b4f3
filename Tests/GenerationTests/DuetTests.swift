import Foundation
import Testing
import Notation
@testable import Generation
import NeuralNetwork
import TestSupport

/// The duet recipe's parts: what each hand hears of the other and of the meter, the streams of
/// consecutive windows, every-step training with a time limit and a schedule, the recipe in
/// the model folder, and bad input.
@Suite(.serialized) struct DuetTests {
    static let exercises = SharedData.packageRoot.appendingPathComponent("Corpus/exercises")

    static func token(_ note: String, _ duration: String) -> Token { Token(noteLabel: note, durationLabel: duration) }

    /// Hand-checked in 4/4: treble C5 ♩ D5 ♩ E5 𝅗𝅥, bass C3 𝅗𝅥 (E3.G3) 𝅗𝅥.
    @Test func eachHandHearsWhatTheOtherHasWritten() {
        let treble = [Self.token("C5", "quarter"), Self.token("D5", "quarter"), Self.token("E5", "half")]
        let bass = [Self.token("C3", "half"), Self.token("E3.G3", "half")]
        let t = HandConditioning.values(hand: .treble, tokens: treble, start: 0, other: bass, otherStart: 0, meter: .commonTime)
        let b = HandConditioning.values(hand: .bass, tokens: bass, start: 0, other: treble, otherStart: 0, meter: .commonTime)
        let w = HandConditioning.width
        func row(_ values: [Float], _ k: Int) -> [Float] { Array(values[(k * w)..<((k + 1) * w)]) }
        func pitchClasses(_ v: [Float]) -> [Int] { (0..<12).filter { v[7 + $0] == 1 } }
        // After C5 (next onset beat 2): a beat, a quarter round the circle; the bass's C3 sounds.
        let first = row(t, 0)
        #expect(first[0...4] == [0, 1, 0, 0, 0])
        #expect(abs(first[5] - 1) < 1e-6 && abs(first[6]) < 1e-6)
        #expect(pitchClasses(first) == [0] && first[19] == 0)
        // After D5 (beat 3): the bass's E3.G3 starts there — the treble, which goes first on a
        // tie, cannot hear it yet.
        #expect(row(t, 1)[1] == 1 && pitchClasses(row(t, 1)).isEmpty)
        // After E5 (the next bar's downbeat): the bass has ended.
        #expect(row(t, 2)[0] == 1 && pitchClasses(row(t, 2)).isEmpty)
        // After C3 (beat 3): the bass hears the treble's E5 starting with it.
        #expect(pitchClasses(row(b, 0)) == [4] && row(b, 0)[19] == 1)
        #expect(row(b, 1)[0] == 1 && pitchClasses(row(b, 1)).isEmpty)
        // A later start shifts the timeline: the bass entering one beat late.
        let late = HandConditioning.values(hand: .treble, tokens: treble, start: 0, other: bass, otherStart: 1, meter: .commonTime)
        #expect(pitchClasses(row(late, 0)).isEmpty && pitchClasses(row(late, 1)) == [0])
    }

    @Test func beatStrengthFollowsTheGrid() {
        let none: (pitchClasses: UInt16, startsHere: Bool) = (0, false)
        func strength(_ moment: Rational, _ meter: TimeSignature = .commonTime) -> Int? {
            HandConditioning.vector(at: moment, meter: meter, other: none)[0...4].firstIndex(of: 1)
        }
        #expect(strength(8) == 0)
        #expect(strength(Rational(3)) == 1)
        #expect(strength(Rational(1, 2)) == 2)
        #expect(strength(Rational(3, 4)) == 3)
        #expect(strength(Rational(1, 3)) == 4)
        // 3/8: the beat is the eighth, the bar a dotted quarter.
        #expect(strength(Rational(3, 2), TimeSignature(3, 8)) == 0)
        #expect(strength(Rational(1, 2), TimeSignature(3, 8)) == 1)
        #expect(strength(Rational(1, 4), TimeSignature(3, 8)) == 2)
    }

    @Test func streamsCutConsecutiveWindowsAndBalanceTheRows() throws {
        func piece(_ count: Int, _ base: Int32) -> EncodedPiece {
            EncodedPiece(name: "p\(base)", notes: (0..<count).map { base + Int32($0) }, durations: Array(repeating: 0, count: count))
        }
        // 10 elements → 3 windows of 3; 5 → 1; 7 → 2.
        let data = StreamDataset(pieces: [piece(10, 0), piece(5, 100), piece(7, 200)], length: 3)
        #expect((0..<3).map(data.windowCount) == [3, 1, 2])
        #expect(data.targetCount == 18)
        let streams = data.streams(2, order: [0, 1, 2])
        #expect(streams.map { $0.map(\.piece) } == [[0, 0, 0], [1, 2, 2]])
        let batch = try data.batch([streams[0][1], streams[1][2]])
        #expect(batch.notes == [3, 4, 5, 203, 204, 205])
        #expect(batch.targetNotes == [4, 5, 6, 204, 205, 206])
    }

    @Test func theScheduleWarmsUpAndCoolsDown() {
        let schedule = LearningRateSchedule.warmupCosine(warmupSteps: 10, floor: 0.1)
        #expect(abs(schedule.rate(peak: 1, step: 0, progress: 0) - 0.1) < 1e-6)
        #expect(abs(schedule.rate(peak: 1, step: 9, progress: 0) - 1) < 1e-6)
        #expect(abs(schedule.rate(peak: 1, step: 50, progress: 0.5) - 0.55) < 1e-6)
        #expect(abs(schedule.rate(peak: 2, step: 50, progress: 1) - 0.2) < 1e-6)
        #expect(LearningRateSchedule.constant.rate(peak: 0.3, step: 5, progress: 0.7) == 0.3)
    }

    /// Two pieces cycling through 6 notes and 3 durations, with conditioning that says where in
    /// the cycle the next element is.
    static func cyclingData() -> (StreamDataset, StreamDataset) {
        func piece(_ name: String, _ offset: Int) -> (EncodedPiece, [Float]) {
            let notes = (0..<60).map { Int32(1 + ($0 + offset) % 6) }
            var conditioning = [Float](repeating: 0, count: 60 * 2)
            for k in 0..<60 { conditioning[2 * k] = Float((k + offset + 1) % 6) / 6 }
            return (EncodedPiece(name: name, notes: notes, durations: (0..<60).map { Int32(1 + ($0 + offset) % 3) }),
                    conditioning)
        }
        let a = piece("a", 0), b = piece("b", 2), c = piece("c", 4)
        return (StreamDataset(pieces: [a.0, b.0], conditioning: [a.1, b.1], width: 2, length: 8),
                StreamDataset(pieces: [c.0], conditioning: [c.1], width: 2, length: 8))
    }

    static func cyclingModel() throws -> SequenceModel {
        try SequenceModel(configuration: ModelConfiguration(noteVocabularySize: 7, durationVocabularySize: 4,
                                                            lstmUnits: [12, 12], denseUnits: 12, dropout: 0.1,
                                                            conditioningSize: 2), seed: 9)
    }

    @Test func everyStepTrainingLearnsFarBelowTheUnigramBaseline() throws {
        let (training, validation) = Self.cyclingData()
        var network = try Self.cyclingModel()
        let options = TrainingOptions(epochs: 40, batchSize: 2, learningRate: 0.02, patience: nil,
                                      schedule: .warmupCosine(warmupSteps: 5, floor: 0.1))
        let summary = try Trainer(options: options).trainEveryStep(&network, training: training, validation: validation)
        let unigram = try #require(summary.unigramValidationLoss)
        let validationLoss = try #require(summary.validationLoss)
        #expect(abs(unigram - (log(6.0) + log(3.0))) < 0.1)
        #expect(validationLoss < 0.2 * unigram, "validation \(validationLoss), unigram \(unigram)")
        // 7 windows of 8 per piece, two pieces, 40 epochs: every element a target.
        #expect(summary.sequences == 40 * 14 && summary.targets == 40 * 14 * 8)
        #expect(summary.stoppedByTimeLimit == false)
    }

    @Test func aTimeLimitStopsCleanlyWithTheBestWeights() throws {
        let (training, validation) = Self.cyclingData()
        var network = try Self.cyclingModel()
        let folder = try TemporaryDirectory.make("duet-time-limit")
        defer { TemporaryDirectory.remove(folder) }
        let options = TrainingOptions(epochs: 10_000, batchSize: 2, patience: nil, timeLimit: 0.3)
        let summary = try Trainer(options: options).trainEveryStep(
            &network, training: training, validation: validation, checkpoint: folder.appendingPathComponent("c"))
        #expect(summary.stoppedByTimeLimit == true)
        #expect(summary.epochs < 10_000)
        // The weights returned are the best epoch's, whose validation loss the summary reports.
        let loss = try #require(try Trainer.meanEveryStepLoss(network, validation, streams: 2))
        #expect(abs(loss - (summary.validationLoss ?? .nan)) < 1e-9)
        // The checkpoint was written atomically and holds the same best weights.
        let saved = try #require(try Checkpoint.load(from: folder.appendingPathComponent("c"), like: network))
        #expect(saved.best == network)
    }

    @Test(arguments: [0.0, -5, .nan, .infinity])
    func aTimeLimitThatIsNotPositiveIsATypedError(limit: Double) throws {
        let (training, validation) = Self.cyclingData()
        var network = try Self.cyclingModel()
        #expect {
            try Trainer(options: TrainingOptions(timeLimit: limit)).trainEveryStep(
                &network, training: training, validation: validation)
        } throws: { ($0 as? GenerationError)?.code == .invalidOptions }
        var windows = try SequenceModel(configuration: ModelConfiguration(noteVocabularySize: 7, durationVocabularySize: 4,
                                                                          lstmUnits: [4], denseUnits: 4), seed: 1)
        let data = SequenceDataset(pieces: training.pieces, length: 8)
        #expect {
            try Trainer(options: TrainingOptions(timeLimit: limit)).train(&windows, training: data, validation: data)
        } throws: { ($0 as? GenerationError)?.code == .invalidOptions }
    }

    /// The seed's trainer keeps its results without a limit and stops at one.
    @Test func theSeedTrainerHonoursTheTimeLimitToo() throws {
        let (training, _) = Self.cyclingData()
        let data = SequenceDataset(pieces: training.pieces, length: 8)
        var network = try SequenceModel(configuration: ModelConfiguration(noteVocabularySize: 7, durationVocabularySize: 4,
                                                                          lstmUnits: [8], denseUnits: 8), seed: 1)
        let summary = try Trainer(options: TrainingOptions(epochs: 100_000, batchSize: 4, patience: nil, timeLimit: 0.2))
            .train(&network, training: data, validation: data)
        #expect(summary.stoppedByTimeLimit == true && summary.epochs < 100_000)
    }

    static let tiny = TrainingConfiguration(
        recipe: .duet, preprocessing: PreprocessingOptions(seed: 3, sequenceLength: 16),
        architecture: ModelArchitecture(units: 16, layers: 2),
        training: TrainingOptions(epochs: 2, batchSize: 8, seed: 3, threads: 2,
                                  schedule: .warmupCosine(warmupSteps: 4, floor: 0.1)))

    /// Trained once for the suite.
    static let trained = Result { () throws -> URL in
        let folder = try TemporaryDirectory.make("duet-model")
        let bundle = try ModelBundle.train(corpus: exercises, options: tiny)
        try bundle.save(to: folder)
        return folder
    }

    @Test func aDuetModelRecordsItsRecipeAndComposesCompleteBars() throws {
        let folder = try Self.trained.get()
        let model = try ModelBundle(contentsOf: folder)
        #expect(model.recipe == .duet && model.manifest.version == 2)
        #expect(model.clefs.values.allSatisfy { $0.network.configuration.conditioningSize == HandConditioning.width })
        let json = try String(contentsOf: folder.appendingPathComponent(ModelBundle.manifestFile), encoding: .utf8)
        #expect(json.contains("\"recipe\" : \"duet\""))
        let piece = try model.compose(CompositionOptions(key: Key(.A, .minor), meter: TimeSignature(3, 4), bars: 6, seed: 4))
        let staves = try #require(piece.score.parts.first).staves
        #expect(staves.map(\.measures.count) == [6, 6])
        #expect(staves.allSatisfy { $0.measures.allSatisfy(\.isComplete) })
        #expect(try model.compose(CompositionOptions(bars: 6, seed: 4)).score == model.compose(CompositionOptions(bars: 6, seed: 4)).score)
        // The seed's independent hands cannot hear each other.
        #expect {
            try model.compose(CompositionOptions(bars: 2, seed: 1, elements: 10))
        } throws: { ($0 as? GenerationError)?.code == .invalidOptions }
    }

    @Test func anOldModelFolderSaysWhatToDo() throws {
        let folder = try TemporaryDirectory.make("duet-old-format")
        defer { TemporaryDirectory.remove(folder) }
        let source = try Self.trained.get()
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        // The manifest as version 1 wrote it: no recipe.
        let url = folder.appendingPathComponent(ModelBundle.manifestFile)
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        manifest["recipe"] = nil
        manifest["version"] = 1
        try JSONSerialization.data(withJSONObject: manifest).write(to: url)
        #expect {
            try ModelBundle(contentsOf: folder)
        } throws: { error in
            guard let error = error as? GenerationError else { return false }
            return error.code == .invalidModel && error.path == folder.path && error.reason.contains("old format")
                && error.reason.contains("recompose train --recipe bar-aware")
        }
    }

    @Test func aCorpusOfOneHandIsNotEnoughDataBeforeAnyTraining() throws {
        let corpus = try CorpusPreprocessor(options: PreprocessingOptions(sequenceLength: 16)).prepare(corpus: Self.exercises)
        var oneHand = corpus
        oneHand.pieces = corpus.pieces.map { var piece = $0; piece.bass = []; return piece }
        var started: [ClefStream] = []
        #expect {
            try ModelBundle.train(prepared: oneHand, options: Self.tiny) { event in
                if case .clefStarted(let clef, _, _, _) = event { started.append(clef) }
            }
        } throws: { error in
            guard let error = error as? GenerationError else { return false }
            return error.code == .notEnoughData && error.reason.contains("bass")
        }
        #expect(started.isEmpty)
    }

    @Test func preparedPiecesKnowTheirMeterAndWhereEachHandStarts() throws {
        let corpus = try CorpusPreprocessor(options: PreprocessingOptions(sequenceLength: 16)).prepare(corpus: Self.exercises)
        #expect(corpus.pieces.allSatisfy { $0.meter != nil && $0.trebleStart != nil && $0.bassStart != nil })
        for piece in corpus.pieces {
            #expect(piece.conditioning(.treble).count == piece.treble.count * HandConditioning.width)
        }
    }
}

/// A model that always offers one note and one duration and records what it is fed.
struct ListeningModel: StepModel {
    var fed: [(note: Int32, duration: Int32, conditioning: [Float])] = []
    mutating func resetState() { fed = [] }
    mutating func step(note: Int32, duration: Int32) -> (notes: [Float], durations: [Float]) {
        step(note: note, duration: duration, conditioning: [])
    }
    mutating func step(note: Int32, duration: Int32, conditioning: [Float]) -> (notes: [Float], durations: [Float]) {
        fed.append((note, duration, conditioning))
        return ([0, 0], [0, 0])
    }
}

@Suite struct HearingEachOtherTests {
    /// Hand-checked: treble quarters of C5, bass halves of E3, one bar of 4/4. The treble draws
    /// first on a tie, so it hears the bass's E3 only once it has started before; the bass
    /// hears each C5 that starts with it.
    @Test func eachHandIsFedWhatTheOtherHasAlreadyWritten() {
        var treble = ListeningModel(), bass = ListeningModel()
        let generator = PieceGenerator(options: GenerationOptions(seed: 1, bars: 1), timeSignature: .commonTime)
        let (upper, lower) = generator.generateHearingEachOther(
            treble: &treble, trebleVocabularies: .init(notes: Vocabulary(labels: ["<unk>", "C5"]),
                                                       durations: Vocabulary(labels: ["<unk>", "quarter"])),
            trebleSeed: [],
            bass: &bass, bassVocabularies: .init(notes: Vocabulary(labels: ["<unk>", "E3"]),
                                                 durations: Vocabulary(labels: ["<unk>", "half"])),
            bassSeed: [])
        #expect(upper.map(\.description) == Array(repeating: "C5/quarter", count: 4))
        #expect(lower.map(\.description) == Array(repeating: "E3/half", count: 2))
        func heard(_ model: ListeningModel) -> [[Int]] {
            model.fed.map { fed in (0..<12).filter { fed.conditioning[7 + $0] == 1 } }
        }
        // Treble at beats 1, 2, 3, 4: nothing, E3 (from beat 1), nothing (E3 ended, the next
        // starts with it), E3.
        #expect(heard(treble) == [[], [4], [], [4]])
        #expect(heard(bass) == [[0], [0]])
        #expect(bass.fed.allSatisfy { $0.conditioning[19] == 1 })
        // Beat strength of each treble moment: downbeat, then beats.
        #expect(treble.fed.map { $0.conditioning[0...4].firstIndex(of: 1) } == [0, 1, 1, 1])
        // The first element fed is the `<unk>` pair (no seed), then each drawn element.
        #expect(treble.fed.map(\.note) == [0, 1, 1, 1] && bass.fed.map(\.duration) == [0, 1])
    }
}

extension DuetTests {
    /// `maximumSequencesPerEpoch` keeps whole pieces while their windows fit.
    @Test func aMaximumPerEpochKeepsWholePieces() throws {
        let (training, validation) = Self.cyclingData()
        var network = try Self.cyclingModel()
        // 7 windows per piece: a maximum of 10 keeps one piece per epoch, of 3 still one.
        for (maximum, windows) in [(10, 7), (3, 7), (14, 14)] {
            let summary = try Trainer(options: TrainingOptions(epochs: 2, batchSize: 2, patience: nil,
                                                               maximumSequencesPerEpoch: maximum))
                .trainEveryStep(&network, training: training, validation: validation)
            #expect(summary.sequences == 2 * windows, "maximum \(maximum)")
        }
    }

    /// `recompose train --time-limit 0` and a model folder of the old format are one-line errors
    /// that say why, with exit status 1.
    @Test(.requiresRecomposeCLI) func theCommandLineReportsBadInput() throws {
        let folder = try TemporaryDirectory.make("duet-cli")
        defer { TemporaryDirectory.remove(folder) }
        for limit in ["0", "-2"] {
            let run = try RecomposeCLI.run(["train", "--corpus", Self.exercises.path, "--time-limit=\(limit)",
                                            "--out", folder.appendingPathComponent("m").path], in: folder)
            #expect(run.status == 1)
            #expect(run.standardError.contains("time limit must be a positive number of minutes"), "\(run.standardError)")
        }
        let old = folder.appendingPathComponent("old")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data(#"{"version": 1, "summaries": {}}"#.utf8).write(to: old.appendingPathComponent(ModelBundle.manifestFile))
        let run = try RecomposeCLI.run(["generate", "--model", old.path, "--out", folder.appendingPathComponent("p").path],
                                       in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("old format") && run.standardError.contains("recompose train --recipe"),
                "\(run.standardError)")
    }
}

extension DuetTests {
    /// Hand-checked: with every weight zero each element costs the network log₂ |notes| +
    /// log₂ |durations| bits, the model mixes that with the piece's own past as a brute-force
    /// search finds it, and the quarter notes are those of the held-out pieces' predicted elements.
    @Test func heldOutCrossEntropyOfAZeroModel() throws {
        var model = try ModelBundle(contentsOf: try Self.trained.get())
        for clef in ClefStream.allCases {
            var network = try #require(model.clefs[clef]).network
            try network.setParameters(network.parameters.map { Tensor(shape: $0.shape) })
            model.clefs[clef]?.network = network
        }
        let corpus = try CorpusPreprocessor(options: model.manifest.preprocessing).prepare(corpus: Self.exercises)
        let result = try model.heldOutCrossEntropy(corpus, threads: 2)
        let t = model.manifest.preprocessing.sequenceLength
        for clef in ClefStream.allCases {
            let clefModel = try #require(model.clefs[clef])
            let hand = try #require(result.hands[clef.rawValue])
            let perElement = log2(Double(clefModel.notes.count)) + log2(Double(clefModel.durations.count))
            let networkBits = try #require(hand.networkBits, "a duet model predicts from repetition too")
            #expect(abs(networkBits / Double(hand.elements) - perElement) < 1e-4)
            let repetition = try #require(model.manifest.repetition?[clef.rawValue])
            // The held-out pieces by name, from the seed's split, and their predicted elements.
            let held = Set(corpus.datasets(clef, notes: clefModel.notes, durations: clefModel.durations)
                .validation.pieces.map(\.name))
            var quarters = 0.0, elements = 0, bits = 0.0
            for piece in corpus.pieces where held.contains(piece.name) {
                let tokens = piece.tokens(clef)
                let count = (tokens.count - 1) / t * t
                guard count > 0 else { continue }
                elements += count
                for e in 1...count {
                    let match = RepetitionTests.bruteForce(Array(tokens[..<e]))
                    bits -= log2(repetition.probability(network: exp2(-perElement), matchLength: match?.length ?? 0,
                                                        predicted: match?.next == tokens[e]))
                }
                quarters += tokens[1...count].reduce(0) { $0 + (try! Duration(label: $1.durationLabel)).quarterLength.doubleValue }
            }
            #expect(hand.elements == elements)
            #expect(abs(hand.quarterNotes - quarters) < 1e-9)
            #expect(abs(hand.bits - bits) < 1e-6 * max(bits, 1))
            #expect(hand.bits < networkBits)
        }
        #expect(abs(result.bitsPerQuarterNote - result.hands.values.reduce(0) { $0 + $1.bits / $1.quarterNotes }) < 1e-9)
    }
}
