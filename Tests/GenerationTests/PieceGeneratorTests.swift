import Testing
import Notation
@testable import Generation

/// A stand-in model whose scores depend only on the last element fed, so tests can reason
/// about what the sampler may draw.
struct CyclingModel: StepModel {
    var noteCount: Int
    var durationScores: [Float]
    var last: Int32 = 0
    mutating func resetState() { last = 0 }
    mutating func step(note: Int32, duration: Int32) -> (notes: [Float], durations: [Float]) {
        last = note
        // Favour the next note label cyclically.
        let favoured = Int(note) % (noteCount - 1) + 1
        let notes = (0..<noteCount).map { $0 == favoured ? Float(5) : Float(0) }
        return (notes, durationScores)
    }
}

@Suite struct PieceGeneratorTests {
    let notes = Vocabulary(labels: ["<unk>", "C4", "E4", "G4", "C4.E4.G4", "rest"])
    // Dotted half, half, quarter, eighth, eighth triplet: a dotted half favoured strongly so that,
    // unconstrained, it would overrun bars.
    let durations = Vocabulary(labels: ["<unk>", "half.", "half", "quarter", "eighth", "eighth 3:2"])

    func model() -> CyclingModel { CyclingModel(noteCount: 6, durationScores: [9, 4, 1, 1, 0.5, 3]) }

    @Test func barAwareFillsEveryBarInBothHandsInStep() throws {
        var treble = model(), bass = model()
        let vocab = PieceGenerator.Vocabularies(notes: notes, durations: durations)
        let generator = PieceGenerator(options: GenerationOptions(seed: 7, bars: 8), timeSignature: .commonTime)
        let (upper, lower) = generator.generate(treble: &treble, trebleVocabularies: vocab, trebleSeed: [],
                                                bass: &bass, bassVocabularies: vocab, bassSeed: [])
        for hand in [upper, lower] {
            let events = PieceAssembler.timedEvents(hand)
            #expect(events.last?.end == 32)
            // No element crosses a barline.
            for e in events { #expect((e.offset / 4).floor == ((e.end - Rational(1, 1_000)) / 4).floor) }
            #expect(!hand.contains { $0.noteLabel == "<unk>" || $0.durationLabel == "<unk>" })
            // Every onset is on the sixteenth or the triplet grid, and a note that starts inside a
            // triplet (off the sixteenth grid) is itself a triplet value: triplets come complete.
            #expect(events.contains { !$0.length.isDyadic })
            for e in events {
                #expect((e.offset * 4).isInteger || (e.offset * 3).isInteger)
                if !(e.offset * 4).isInteger { #expect(!e.length.isDyadic) }
            }
        }
    }

    @Test func seedFaithfulSamplesAFixedNumberOfElementsPerHand() {
        var treble = model(), bass = model()
        let vocab = PieceGenerator.Vocabularies(notes: notes, durations: durations)
        let options = GenerationOptions(seed: 7, elements: 50, rhythm: .seedFaithful)
        let (upper, lower) = PieceGenerator(options: options).generate(
            treble: &treble, trebleVocabularies: vocab, trebleSeed: [], bass: &bass, bassVocabularies: vocab, bassSeed: [])
        #expect(upper.count == 50)
        #expect(lower.count == 50)
        // Unconstrained, the favoured dotted half dominates: bars are overrun, the seed's flaw.
        let crossing = PieceAssembler.timedEvents(upper).filter { ($0.offset / 4).floor != (($0.end - Rational(1, 1_000)) / 4).floor }
        #expect(crossing.count > 0)
    }

    @Test func sameSeedSamePiece() {
        let vocab = PieceGenerator.Vocabularies(notes: notes, durations: durations)
        func run(_ seed: UInt64) -> [Token] {
            var t = model(), b = model()
            return PieceGenerator(options: GenerationOptions(seed: seed, bars: 4)).generate(
                treble: &t, trebleVocabularies: vocab, trebleSeed: [], bass: &b, bassVocabularies: vocab, bassSeed: []).treble
        }
        #expect(run(3) == run(3))
        #expect(run(3) != run(4))
    }

    @Test func assemblesAPianoScoreInTheTargetKey() throws {
        let treble = [Token(noteLabel: "E4", durationLabel: "half."), Token(noteLabel: "C4.E4.G4", durationLabel: "half"),
                      Token(noteLabel: "G#4", durationLabel: "quarter")]
        let bass = [Token(noteLabel: "A2", durationLabel: "whole")]
        let options = AssemblyOptions(key: Key(.E, .minor), tempo: 120, timeSignature: .commonTime, title: "T")
        let score = try PieceAssembler(options: options).score(treble: treble, bass: bass)
        #expect(score.parts.count == 1)
        let piano = score.parts[0]
        #expect(piano.staves.count == 2)
        #expect(piano.staves.map(\.measures.count) == [2, 2])
        #expect(piano.staves.allSatisfy { $0.measures.allSatisfy { $0.isComplete } })
        #expect(piano.staves[0].measures[0].key == Key(.E, .minor))
        #expect(piano.staves[0].measures[0].keySignature?.fifths == 1)
        // A minor → E minor is down a perfect fourth: E4 → B3, C-E-G → G-B-D, G#4 → D#4, A2 → E2.
        let pitches = score.notesAndChords.map { $0.event.pitches.map(\.name) }
        #expect(pitches == [["B3"], ["G3", "B3", "D4"], ["G3", "B3", "D4"], ["D#4"], ["E2"]])
        #expect(score.metadata.title == "T")
        if case .tempo(let tempo)? = piano.staves[0].measures[0].directions.first?.kind {
            #expect(tempo.beatsPerMinute == 120)
        } else {
            Issue.record("no tempo mark")
        }
    }

    @Test func tokensRoundTripThroughLabels() throws {
        let c = Pitch(.C, octave: 4), e = try Pitch(.E, alter: -1, octave: 4)
        let token = Token(pitches: [e, c], duration: Duration(.eighth, dots: 1))
        #expect(token.noteLabel == "C4.Eb4")
        #expect(token.durationLabel == "eighth.")
        #expect(Token.pitches(for: token.noteLabel) == [c, e])
        #expect(Token.pitches(for: "rest") == [])
        #expect(Token.pitches(for: "H9") == nil)
    }

    @Test func vocabularyOrdersByFrequencyAndFoldsRareLabels() {
        let v = Vocabulary(counting: ["a", "b", "b", "c", "c", "c", "d"], minimumCount: 2)
        #expect(v.labels == ["<unk>", "c", "b"])
        #expect(v.index(of: "b") == 2)
        #expect(v.index(of: "a") == 0)
        #expect(v.label(at: 99) == "<unk>")
    }

    @Test func datasetWindowsStayInsidePiecesAndSplitByPiece() {
        let pieces = (0..<10).map { i in
            EncodedPiece(name: "p\(i)", notes: (0..<Int32(5 + i)).map { $0 }, durations: (0..<Int32(5 + i)).map { $0 * 2 })
        }
        let data = SequenceDataset(pieces: pieces, length: 5)
        // Piece i has 5 + i elements, so i windows.
        #expect(data.count == (0..<10).reduce(0, +))
        let batch = data.batch(data.windows.indices.prefix(2))
        #expect(batch.notes == [0, 1, 2, 3, 4, 0, 1, 2, 3, 4])
        #expect(batch.targetNotes == [5, 5])
        #expect(batch.targetDurations == [10, 10])
        let (train, validation) = SequenceDataset.splitByPiece(pieces, validationFraction: 0.2, seed: 1)
        #expect(train.count == 8)
        #expect(validation.count == 2)
        #expect(Set(train.map(\.name)).isDisjoint(with: validation.map(\.name)))
        let again = SequenceDataset.splitByPiece(pieces, validationFraction: 0.2, seed: 1)
        #expect(again.validation == validation)
    }
}
