import Notation
import NeuralNetwork

/// Samples treble and bass token streams from two step models.
///
/// See ``GenerationOptions/Rhythm`` for the two strategies. Both start by feeding a seed window
/// (tokens from the corpus or a user's prompt) through each model to build its state.
public struct PieceGenerator: Sendable {
    /// A hand's vocabularies.
    public struct Vocabularies: Sendable {
        /// Note/chord labels.
        public var notes: Vocabulary
        /// Duration labels.
        public var durations: Vocabulary
        /// Creates a pair of vocabularies.
        public init(notes: Vocabulary, durations: Vocabulary) {
            self.notes = notes
            self.durations = durations
        }
    }

    /// Sampling settings.
    public var options: GenerationOptions
    /// The meter, for bar-aware rhythm.
    public var timeSignature: TimeSignature

    /// Creates a generator.
    public init(options: GenerationOptions = GenerationOptions(), timeSignature: TimeSignature = .commonTime) {
        self.options = options
        self.timeSignature = timeSignature
    }

    /// Generates both hands.
    ///
    /// - Parameters:
    ///   - treble: the treble model (its state is reset, then primed with `trebleSeed`).
    ///   - trebleVocabularies: the labels the treble model speaks.
    ///   - trebleSeed: a seed window of treble tokens (may be empty).
    ///   - bass: the bass model (reset, then primed with `bassSeed`).
    ///   - bassVocabularies: the labels the bass model speaks.
    ///   - bassSeed: a seed window of bass tokens (may be empty).
    public func generate<M: StepModel>(treble: inout M, trebleVocabularies: Vocabularies, trebleSeed: [Token],
                                       bass: inout M, bassVocabularies: Vocabularies, bassSeed: [Token])
        -> (treble: [Token], bass: [Token]) {
        var generator = SeededRandom(seed: options.seed)
        var hands = [
            Hand(vocabularies: trebleVocabularies, logits: prime(&treble, trebleSeed, trebleVocabularies)),
            Hand(vocabularies: bassVocabularies, logits: prime(&bass, bassSeed, bassVocabularies)),
        ]
        let noteSampler = TopKSampler(k: options.topKNotes, temperature: options.temperature, topP: options.topP)
        let durationSampler = TopKSampler(k: options.topKDurations, temperature: options.temperature, topP: options.topP)
        let bar = timeSignature.barLength
        let target = bar * Rational(max(1, options.bars))

        func advance(_ h: Int, fitting remaining: Rational?) {
            let hand = hands[h]
            let note = noteSampler.sample(logits: hand.logits.notes, allowed: hand.noteMask, using: &generator) ?? 1
            var durationMask = hand.lengths.map { $0 != nil }
            if let remaining {
                // Fit the bar and land on the sixteenth or the eighth-triplet grid. Inside a
                // triplet (off the sixteenth grid) only tuplet values may follow, so a triplet once
                // begun is completed before plain values resume — no lone triplet notes.
                let position = hand.elapsed
                let insideTuplet = !(position * 4).isInteger
                durationMask = hand.lengths.map { length in
                    guard let length, length <= remaining else { return false }
                    let end = position + length
                    if insideTuplet { return !length.isDyadic && (end * 3).isInteger }
                    return (end * 4).isInteger || (end * 3).isInteger
                }
            }
            var duration: Int32
            var length: Rational
            if let d = durationSampler.sample(logits: hand.logits.durations, allowed: durationMask, using: &generator),
               let l = hand.lengths[d] {
                duration = Int32(d)
                length = l
            } else {
                // Nothing in the vocabulary fits what is left of the bar: write it as it is.
                let fill = Duration.decompose(remaining ?? 1).first ?? Duration(.quarter)
                duration = Int32(hand.vocabularies.durations.index(of: fill.label))
                length = fill.quarterLength
            }
            let noteLabel = hand.vocabularies.notes.label(at: note)
            let durationLabel = hand.lengths.indices.contains(Int(duration)) && hand.lengths[Int(duration)] == length
                ? hand.vocabularies.durations.label(at: Int(duration))
                : (Duration(quarterLength: length)?.label ?? "quarter")
            hands[h].tokens.append(Token(noteLabel: noteLabel, durationLabel: durationLabel))
            hands[h].elapsed += length
            if h == 0 { hands[h].logits = treble.step(note: Int32(note), duration: duration) }
            else { hands[h].logits = bass.step(note: Int32(note), duration: duration) }
        }

        switch options.rhythm {
        case .barAware:
            while hands[0].elapsed < target || hands[1].elapsed < target {
                let h = hands[0].elapsed <= hands[1].elapsed && hands[0].elapsed < target ? 0 : 1
                let position = hands[h].elapsed - bar * Rational((hands[h].elapsed / bar).floor)
                advance(h, fitting: bar - position)
            }
        case .seedFaithful:
            let count = options.elements ?? max(1, options.bars) * timeSignature.numerator
            for h in 0..<2 { for _ in 0..<count { advance(h, fitting: nil) } }
        }
        return (hands[0].tokens, hands[1].tokens)
    }

    private struct Hand {
        var vocabularies: Vocabularies
        var logits: (notes: [Float], durations: [Float])
        var tokens: [Token] = []
        var elapsed = Rational.zero
        /// Length of each duration label, `nil` for `<unk>` and malformed labels.
        let lengths: [Rational?]
        /// Every note label but `<unk>` (index 0) may be drawn.
        let noteMask: [Bool]

        init(vocabularies: Vocabularies, logits: (notes: [Float], durations: [Float])) {
            self.vocabularies = vocabularies
            self.logits = logits
            self.lengths = vocabularies.durations.labels.map { (try? Duration(label: $0))?.quarterLength }
            self.noteMask = vocabularies.notes.labels.indices.map { $0 != 0 }
        }
    }

    private func prime<M: StepModel>(_ model: inout M, _ seed: [Token], _ vocabularies: Vocabularies)
        -> (notes: [Float], durations: [Float]) {
        model.resetState()
        // With no seed, start from the `<unk>` pair: the model's prediction with no history.
        guard !seed.isEmpty else { return model.step(note: 0, duration: 0) }
        var logits: (notes: [Float], durations: [Float]) = ([], [])
        for token in seed {
            logits = model.step(note: Int32(vocabularies.notes.index(of: token.noteLabel)),
                                duration: Int32(vocabularies.durations.index(of: token.durationLabel)))
        }
        return logits
    }
}
