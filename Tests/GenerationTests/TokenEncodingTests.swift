import Foundation
import Testing
import Notation
@testable import Generation
import TestSupport

/// Chords written note by note: encoding and decoding, what the other hand hears of such a
/// chord, generation that writes only playable chords, and manifests of either encoding.
@Suite struct TokenEncodingTests {
    static func token(_ note: String, _ duration: String) -> Token { Token(noteLabel: note, durationLabel: duration) }

    @Test func aChordBecomesItsPitchesLowToHighAndComesBack() {
        let elements = [Self.token("C4.E4.G4", "quarter"), Self.token("rest", "eighth"), Self.token("D5", "half"),
                        Self.token("G3.B3", "16th 3:2")]
        let encoded = TokenEncoding.notes.encode(elements)
        #expect(encoded == [Self.token("C4", "+"), Self.token("E4", "+"), Self.token("G4", "quarter"),
                            Self.token("rest", "eighth"), Self.token("D5", "half"),
                            Self.token("G3", "+"), Self.token("B3", "16th 3:2")])
        #expect(TokenEncoding.notes.decode(encoded) == elements)
        #expect(TokenEncoding.chords.encode(elements) == elements)
        // An unfinished chord at the end is left out; a rest cannot end a chord.
        #expect(TokenEncoding.notes.decode([Self.token("C4", "quarter"), Self.token("E4", "+")]) == [Self.token("C4", "quarter")])
        #expect(TokenEncoding.notes.decode([Self.token("E4", "+"), Self.token("rest", "half")]) == [Self.token("rest", "half")])
    }

    @Test func theBundledCorpusDecodesToItsChordStreams() throws {
        let folder = SharedData.packageRoot.appendingPathComponent("Corpus/exercises")
        let chords = try CorpusPreprocessor(options: PreprocessingOptions()).prepare(corpus: folder)
        let notes = try CorpusPreprocessor(options: PreprocessingOptions(tokenEncoding: .notes)).prepare(corpus: folder)
        #expect(chords.pieces.count == notes.pieces.count && !chords.pieces.isEmpty)
        var chordCount = 0
        for (a, b) in zip(chords.pieces, notes.pieces) {
            for clef in ClefStream.allCases {
                #expect(TokenEncoding.notes.decode(b.tokens(clef)) == a.tokens(clef))
                chordCount += a.tokens(clef).filter { $0.noteLabel.contains(".") }.count
                // Every note label is one pitch or a rest.
                #expect(b.tokens(clef).allSatisfy { $0.noteLabel == Token.restLabel || !$0.noteLabel.contains(".") })
            }
        }
        #expect(chordCount > 0)
        let (vocabulary, _) = notes.vocabularies(.treble)
        #expect(vocabulary.count <= chords.vocabularies(.treble).notes.count)
    }

    /// The conditioning read with a chord's last pitch is the conditioning the chord element
    /// had; the pitches before it describe the chord's own onset. Hand-checked in 4/4: treble
    /// C5 ♩ D5 ♩ E5 𝅗𝅥 over bass C3 𝅗𝅥 (E3.G3) 𝅗𝅥.
    @Test func theOtherHandHearsTheWholeChord() {
        let treble = [Self.token("C5", "quarter"), Self.token("D5", "quarter"), Self.token("E5", "half")]
        let bass = [Self.token("C3", "half"), Self.token("E3.G3", "half")]
        let encodedBass = TokenEncoding.notes.encode(bass)
        let w = HandConditioning.width
        func row(_ values: [Float], _ k: Int) -> [Float] { Array(values[(k * w)..<((k + 1) * w)]) }
        func pitchClasses(_ v: [Float]) -> [Int] { (0..<12).filter { v[7 + $0] == 1 } }
        // The treble hears the chord written note by note exactly as it hears it written as one.
        let t = HandConditioning.values(hand: .treble, tokens: treble, start: 0, other: encodedBass, otherStart: 0,
                                        meter: .commonTime)
        let reference = HandConditioning.values(hand: .treble, tokens: treble, start: 0, other: bass, otherStart: 0,
                                                meter: .commonTime)
        #expect(t == reference)
        // The treble entering half a beat late hears both pitches of the chord at beat 3.5.
        let late = HandConditioning.values(hand: .treble, tokens: treble, start: Rational(1, 2), other: encodedBass,
                                           otherStart: 0, meter: .commonTime)
        #expect(pitchClasses(row(late, 1)) == [4, 7])
        // The bass, note by note: after C3 and after E3 (its "+"), the next onset is beat 3 and
        // the treble's E5 starts there; after G3, the next downbeat.
        let b = HandConditioning.values(hand: .bass, tokens: encodedBass, start: 0, other: treble, otherStart: 0,
                                        meter: .commonTime)
        #expect(encodedBass.count == 3)
        #expect(row(b, 0) == row(b, 1))
        #expect(pitchClasses(row(b, 1)) == [4] && row(b, 1)[19] == 1 && row(b, 1)[1] == 1)
        #expect(row(b, 2)[0] == 1 && pitchClasses(row(b, 2)).isEmpty)
    }

    /// A stand-in model that always prefers to stack another pitch: generation must still
    /// write every chord low to high without a repeated pitch, at most ten pitches, and fill
    /// every bar.
    struct StackingModel: StepModel {
        var noteCount: Int
        mutating func resetState() {}
        mutating func step(note: Int32, duration: Int32) -> (notes: [Float], durations: [Float]) {
            // Favour the next label up, so chords climb; "+" (index 1) strongly favoured.
            let favoured = Int(note) % (noteCount - 1) + 1
            return ((0..<noteCount).map { $0 == favoured ? 4 : 0 }, [0, 6, 1, 1, 0.5])
        }
    }

    @Test func generatedChordsArePlayableAndBarsStayComplete() throws {
        let notes = Vocabulary(labels: ["<unk>", "C3", "E3", "G3", "C4", "E4", "G4", "C5", "rest"])
        let durations = Vocabulary(labels: ["<unk>", "+", "quarter", "half", "eighth"])
        let vocab = PieceGenerator.Vocabularies(notes: notes, durations: durations)
        for hearing in [false, true] {
            for seed in UInt64(1)...4 {
                var treble = StackingModel(noteCount: notes.count), bass = StackingModel(noteCount: notes.count)
                let generator = PieceGenerator(options: GenerationOptions(seed: seed, bars: 6), timeSignature: .commonTime)
                let seedWindow = [Self.token("C4", "quarter"), Self.token("E4", "+")]  // ends inside a chord
                let (upper, lower) = hearing
                    ? generator.generateHearingEachOther(treble: &treble, trebleVocabularies: vocab, trebleSeed: seedWindow,
                                                         bass: &bass, bassVocabularies: vocab, bassSeed: [])
                    : generator.generate(treble: &treble, trebleVocabularies: vocab, trebleSeed: seedWindow,
                                         bass: &bass, bassVocabularies: vocab, bassSeed: [])
                var chords = 0
                for hand in [upper, lower] {
                    #expect(hand.allSatisfy { !$0.continuesChord })
                    for token in hand {
                        let pitches = try #require(Token.pitches(for: token.noteLabel))
                        #expect(Set(pitches.map(\.midi)).count == pitches.count)
                        #expect(pitches.count <= TokenEncoding.maximumChordSize)
                        #expect(token.noteLabel == Token.noteLabel(for: pitches))
                        if pitches.count > 1 { chords += 1 }
                    }
                    let events = PieceAssembler.timedEvents(hand)
                    #expect(events.last?.end == 24)
                    for e in events { #expect((e.offset / 4).floor == ((e.end - Rational(1, 1_000)) / 4).floor) }
                }
                #expect(chords > 0)
            }
        }
    }

    @Test func manifestsOfEitherEncodingReadBack() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let chords = try encoder.encode(PreprocessingOptions())
        #expect(!String(decoding: chords, as: UTF8.self).contains("tokenEncoding"))
        #expect(try JSONDecoder().decode(PreprocessingOptions.self, from: chords).tokenEncoding == .chords)
        let notes = try encoder.encode(PreprocessingOptions(tokenEncoding: .notes))
        #expect(String(decoding: notes, as: UTF8.self).contains("\"tokenEncoding\":\"notes\""))
        #expect(try JSONDecoder().decode(PreprocessingOptions.self, from: notes) == PreprocessingOptions(tokenEncoding: .notes))
        #expect(TrainingConfiguration(recipe: .duet).preprocessing.tokenEncoding == .notes)
        #expect(TrainingConfiguration(recipe: .seed).preprocessing.tokenEncoding == .chords)
    }

    /// The whole path with a tiny network: trained on the bundled exercises note by note and in
    /// three keys, saved, read back, measured on the held-out pieces, and composing whole chords
    /// in complete bars.
    @Test func aNoteWiseDuetModelTrainsAndComposes() throws {
        let folder = try TemporaryDirectory.make("note-wise-model")
        defer { TemporaryDirectory.remove(folder) }
        let options = TrainingConfiguration(
            recipe: .duet,
            preprocessing: PreprocessingOptions(seed: 3, sequenceLength: 16, tokenEncoding: .notes, keyAugmentation: 1),
            architecture: ModelArchitecture(units: 16, layers: 2),
            training: TrainingOptions(epochs: 1, batchSize: 8, seed: 3, threads: 2))
        let corpus = SharedData.packageRoot.appendingPathComponent("Corpus/exercises")
        try ModelBundle.train(corpus: corpus, options: options).save(to: folder)
        let model = try ModelBundle(contentsOf: folder)
        #expect(model.manifest.preprocessing.tokenEncoding == .notes && model.manifest.preprocessing.keyAugmentation == 1)
        let bass = try #require(model.clefs[.bass])
        #expect(bass.durations.labels.contains(Token.continuationLabel))
        #expect(bass.notes.labels.allSatisfy { !$0.contains(".") })
        let prepared = try CorpusPreprocessor(options: model.manifest.preprocessing).prepare(corpus: corpus)
        let heldOut = try model.heldOutCrossEntropy(prepared, threads: 2)
        #expect(heldOut.bitsPerQuarterNote.isFinite && heldOut.bitsPerQuarterNote > 0)
        let piece = try model.compose(CompositionOptions(key: Key(.E, .minor), bars: 4, seed: 2))
        for hand in [piece.treble, piece.bass] {
            #expect(hand.allSatisfy { !$0.continuesChord && Token.pitches(for: $0.noteLabel) != nil })
            #expect(PieceAssembler.timedEvents(hand).last?.end == 16)
        }
    }
}
