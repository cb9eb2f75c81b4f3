import Foundation
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
    /// The pitch-class shares (twelve, C first) of the piece's mode in the key the models write,
    /// C major or A minor, that ``GenerationOptions/tonality`` steers toward; `nil`: none (see
    /// ``HarmonicBias/profile(of:)``).
    public var profile: [Double]?
    /// Each hand's repetition model (see ``GenerationOptions/repetition``); a hand without one
    /// never copies.
    public var repetition: [ClefStream: RepetitionModel]

    /// Creates a generator.
    public init(options: GenerationOptions = GenerationOptions(), timeSignature: TimeSignature = .commonTime,
                profile: [Double]? = nil, repetition: [ClefStream: RepetitionModel] = [:]) {
        self.options = options
        self.timeSignature = timeSignature
        self.profile = profile
        self.repetition = repetition
    }

    /// The bias of each hand's note draws (treble, bass).
    private func biases(_ vocabularies: [Vocabularies]) -> [HarmonicBias] {
        vocabularies.enumerated().map { h, v in
            HarmonicBias(notes: v.notes, isBass: h == 1, harmony: options.harmony, tonality: options.tonality,
                         profile: profile)
        }
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
            Hand(vocabularies: trebleVocabularies, logits: prime(&treble, Self.whole(trebleSeed), trebleVocabularies)),
            Hand(vocabularies: bassVocabularies, logits: prime(&bass, Self.whole(bassSeed), bassVocabularies)),
        ]
        let noteSampler = TopKSampler(k: options.topKNotes, temperature: options.temperature, topP: options.topP)
        let durationSampler = TopKSampler(k: options.topKDurations, temperature: options.temperature, topP: options.topP)
        let bar = timeSignature.barLength
        let target = bar * Rational(max(1, options.bars))
        // Without the other hand's pitches at hand, only the tonal part of the bias applies.
        let biases = biases([trebleVocabularies, bassVocabularies])

        func advance(_ h: Int, fitting remaining: Rational?) {
            let noteScores = biases[h].applied(to: hands[h].logits.notes, other: 0)
            let (token, note, duration, length) = draw(hands[h], noteScores: noteScores, fitting: remaining,
                                                       noteSampler: noteSampler,
                                                       durationSampler: durationSampler, generator: &generator)
            hands[h].record(token, length: length)
            if h == 0 { hands[h].logits = treble.step(note: note, duration: duration) }
            else { hands[h].logits = bass.step(note: note, duration: duration) }
        }

        switch options.rhythm {
        case .barAware:
            while hands[0].elapsed < target || hands[1].elapsed < target || hands.contains(where: \.isInChord) {
                let h = Self.next(hands, target: target)
                let position = hands[h].elapsed - bar * Rational((hands[h].elapsed / bar).floor)
                advance(h, fitting: bar - position)
            }
        case .seedFaithful:
            let count = options.elements ?? max(1, options.bars) * timeSignature.numerator
            for h in 0..<2 {
                var elements = 0
                while elements < count || hands[h].isInChord {
                    advance(h, fitting: nil)
                    if !hands[h].isInChord { elements += 1 }
                }
            }
        }
        return (hands[0].elements, hands[1].elements)
    }

    /// The hand that samples next on the bar-aware clock: one in the middle of a chord written
    /// note by note, else the one that is behind (the treble on a tie, the bass once the treble
    /// has reached the end).
    private static func next(_ hands: [Hand], target: Rational) -> Int {
        if let h = hands.firstIndex(where: \.isInChord) { return h }
        return hands[0].elapsed <= hands[1].elapsed && hands[0].elapsed < target ? 0 : 1
    }

    /// A seed or prompt without an unfinished chord at its end (a window cut from a note-wise
    /// stream may stop inside one): generation starts on a new element.
    static func whole(_ seed: [Token]) -> [Token] {
        var seed = seed
        while seed.last?.continuesChord == true { seed.removeLast() }
        return seed
    }

    /// Samples a hand's next element from its logits: the note from `noteScores` (its note
    /// logits with the ``HarmonicBias`` added), then a duration that fits `remaining` (the rest
    /// of the bar, on the sixteenth or eighth-triplet grid; `nil`: any).
    private func draw(_ hand: Hand, noteScores: [Float], fitting remaining: Rational?,
                      noteSampler: TopKSampler, durationSampler: TopKSampler,
                      generator: inout SeededRandom) -> (token: Token, note: Int32, duration: Int32, length: Rational) {
        // Inside a chord written note by note, only a pitch above the last may follow.
        let noteMask = hand.chord.last.map { last in hand.pitches.map { $0.map { $0 > last } ?? false } } ?? hand.noteMask
        let note = noteSampler.sample(logits: noteScores, allowed: noteMask, using: &generator) ?? 1
        var durationMask = hand.lengths.map { $0 != nil }
        if let remaining {
            let position = hand.elapsed
            durationMask = hand.lengths.map { length in
                guard let length else { return false }
                return Self.fits(length, at: position, remaining: remaining)
            }
        }
        // Another pitch may join this one if it is a pitch, the chord has room and a higher pitch
        // can be written. Whether it does is drawn first, with the model's own odds of "+"
        // against every duration: the bar's mask narrows the durations, and renormalising "+"
        // against only those that fit would stack ever more pitches as the bar runs out.
        if let continuation = hand.continuation, let pitch = hand.pitches[note], pitch < hand.highestPitch,
           hand.chord.count + 2 <= TokenEncoding.maximumChordSize,
           Self.continues(logits: hand.logits.durations, continuation: continuation, lengths: hand.lengths,
                          temperature: options.temperature, generator: &generator) {
            return (Token(noteLabel: hand.vocabularies.notes.label(at: note), durationLabel: Token.continuationLabel),
                    Int32(note), Int32(continuation), .zero)
        }
        var duration: Int32
        var length: Rational
        let drawn = durationSampler.sample(logits: hand.logits.durations, allowed: durationMask, using: &generator)
        if let d = drawn, let l = hand.lengths[d] {
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
        return (Token(noteLabel: noteLabel, durationLabel: durationLabel), Int32(note), duration, length)
    }

    /// Whether a note of `length` starting at `position` fits the `remaining` part of the bar and
    /// lands on the sixteenth or the eighth-triplet grid. Inside a triplet (off the sixteenth
    /// grid) only tuplet values may follow, so a triplet once begun is completed before plain
    /// values resume — no lone triplet notes.
    private static func fits(_ length: Rational, at position: Rational, remaining: Rational) -> Bool {
        guard length <= remaining else { return false }
        let end = position + length
        if !(position * 4).isInteger { return !length.isDyadic && (end * 3).isInteger }
        return (end * 4).isInteger || (end * 3).isInteger
    }

    /// The element that followed the longest earlier match of the hand's end (`prediction`),
    /// written again with the probability `model` gives a match that long (times
    /// ``GenerationOptions/repetition``), if it can be written here: a pitch above the chord's
    /// last inside a chord, a chord that has room to go on, a length that fits the bar. `nil`:
    /// the hand draws from its network. No random number is drawn without a match to copy, so
    /// a weight of 0 leaves generation exactly as it was.
    ///
    /// The harmonic bias weighs the copy as it weighs the network's notes — it multiplies the
    /// mixture's odds of each note by e^(bias/temperature), `noteScores` being the note logits
    /// with the bias added — so a copy that clashes with the other hand is less likely than its
    /// match alone says.
    private func repeated(_ hand: Hand, prediction: (length: Int, next: EncodedPiece.Element)?, model: RepetitionModel?,
                          noteScores biased: [Float], fitting remaining: Rational, generator: inout SeededRandom)
        -> (token: Token, note: Int32, duration: Int32, length: Rational)? {
        guard let model, let prediction, options.repetition > 0 else { return nil }
        var weight = min(1, model.weight(matchLength: prediction.length) * options.repetition)
        guard weight > 0 else { return nil }
        let note = Int(prediction.next.note), duration = Int(prediction.next.duration)
        guard hand.noteMask.indices.contains(note), hand.noteMask[note], hand.lengths.indices.contains(duration)
        else { return nil }
        let logits = hand.logits.notes
        if weight < 1 && biased != logits {
            let t = max(options.temperature, 1e-6)
            var top = -Double.infinity
            for i in logits.indices where hand.noteMask[i] { top = max(top, Double(logits[i]) / t) }
            // The network's mean of e^(bias/t) over its notes, against the copy's.
            var total = 0.0, lifted = 0.0
            for i in logits.indices where hand.noteMask[i] {
                let p = exp(Double(logits[i]) / t - top)
                total += p
                lifted += p * exp(Double(biased[i] - logits[i]) / t)
            }
            let lift = exp(Double(biased[note] - logits[note]) / t)
            weight = weight * lift / (weight * lift + (1 - weight) * lifted / max(total, .leastNormalMagnitude))
        }
        let draw = Double(generator.next() >> 11) * 0x1.0p-53
        guard draw < weight else { return nil }
        if let last = hand.chord.last {
            guard let pitch = hand.pitches[note], pitch > last else { return nil }
        }
        let noteLabel = hand.vocabularies.notes.label(at: note)
        if duration == hand.continuation {
            guard let pitch = hand.pitches[note], pitch < hand.highestPitch,
                  hand.chord.count + 2 <= TokenEncoding.maximumChordSize else { return nil }
            return (Token(noteLabel: noteLabel, durationLabel: Token.continuationLabel), Int32(note), Int32(duration), .zero)
        }
        guard let length = hand.lengths[duration], Self.fits(length, at: hand.elapsed, remaining: remaining) else { return nil }
        return (Token(noteLabel: noteLabel, durationLabel: hand.vocabularies.durations.label(at: duration)),
                Int32(note), Int32(duration), length)
    }

    /// Generates both hands with models that hear each other (``Recipe/duet``), on the bar-aware
    /// clock: the hand that is behind goes next (the treble on a tie), and only then is its last
    /// element fed to its model, with the ``HandConditioning`` of the moment it is about to fill
    /// — where that moment falls in the bar and what the other hand, already written up to there,
    /// sounds. The seeds prime each model with the conditioning of the two seed windows laid
    /// side by side from time 0.
    ///
    /// - Parameters: as ``generate(treble:trebleVocabularies:trebleSeed:bass:bassVocabularies:bassSeed:)``;
    ///   the models must take ``HandConditioning/width`` conditioning values.
    public func generateHearingEachOther<M: StepModel>(
        treble: inout M, trebleVocabularies: Vocabularies, trebleSeed: [Token],
        bass: inout M, bassVocabularies: Vocabularies, bassSeed: [Token]
    ) -> (treble: [Token], bass: [Token]) {
        var generator = SeededRandom(seed: options.seed)
        let vocabularies = [trebleVocabularies, bassVocabularies]
        let seeds = [Self.whole(trebleSeed), Self.whole(bassSeed)]
        // The element each model has not been fed yet: the seed's last (or `<unk>`).
        var pending: [(note: Int32, duration: Int32)] = [(0, 0), (0, 0)]
        for h in 0..<2 {
            let clef: ClefStream = h == 0 ? .treble : .bass
            let seed = seeds[h]
            h == 0 ? treble.resetState() : bass.resetState()
            guard let last = seed.last else { continue }
            let values = HandConditioning.values(hand: clef, tokens: seed, start: .zero, other: seeds[1 - h],
                                                 otherStart: .zero, meter: timeSignature)
            let width = HandConditioning.width
            for (t, token) in seed.dropLast().enumerated() {
                let note = Int32(vocabularies[h].notes.index(of: token.noteLabel))
                let duration = Int32(vocabularies[h].durations.index(of: token.durationLabel))
                let conditioning = Array(values[(t * width)..<((t + 1) * width)])
                _ = h == 0 ? treble.step(note: note, duration: duration, conditioning: conditioning)
                    : bass.step(note: note, duration: duration, conditioning: conditioning)
            }
            pending[h] = (Int32(vocabularies[h].notes.index(of: last.noteLabel)),
                          Int32(vocabularies[h].durations.index(of: last.durationLabel)))
        }
        var hands = vocabularies.map { Hand(vocabularies: $0, logits: ([], [])) }
        var timelines = [HandTimeline(), HandTimeline()]
        let noteSampler = TopKSampler(k: options.topKNotes, temperature: options.temperature, topP: options.topP)
        let durationSampler = TopKSampler(k: options.topKDurations, temperature: options.temperature, topP: options.topP)
        let bar = timeSignature.barLength
        let target = bar * Rational(max(1, options.bars))
        let biases = biases(vocabularies)
        // What each hand has written, to repeat from: the piece only, not the seed (a corpus
        // window copied on would be Chopin's music, not the piece's).
        var pasts = [RepetitionTracker<EncodedPiece.Element>(), RepetitionTracker<EncodedPiece.Element>()]
        let repetitionModels = [repetition[.treble], repetition[.bass]]
        while hands[0].elapsed < target || hands[1].elapsed < target || hands.contains(where: \.isInChord) {
            let h = Self.next(hands, target: target)
            let clef: ClefStream = h == 0 ? .treble : .bass
            let moment = hands[h].elapsed
            let other = timelines[1 - h].visible(at: moment, to: clef)
            let conditioning = HandConditioning.vector(at: moment, meter: timeSignature, other: other)
            hands[h].logits = h == 0
                ? treble.step(note: pending[h].note, duration: pending[h].duration, conditioning: conditioning)
                : bass.step(note: pending[h].note, duration: pending[h].duration, conditioning: conditioning)
            let position = moment - bar * Rational((moment / bar).floor)
            let noteScores = biases[h].applied(to: hands[h].logits.notes, other: other.pitchClasses)
            let (token, note, duration, length) =
                repeated(hands[h], prediction: pasts[h].prediction, model: repetitionModels[h], noteScores: noteScores,
                         fitting: bar - position, generator: &generator)
                ?? draw(hands[h], noteScores: noteScores, fitting: bar - position,
                        noteSampler: noteSampler, durationSampler: durationSampler, generator: &generator)
            hands[h].record(token, length: length)
            timelines[h].append(noteLabel: token.noteLabel, onset: moment, length: length)
            pasts[h].append(EncodedPiece.Element(note: note, duration: duration))
            pending[h] = (note, duration)
        }
        return (hands[0].elements, hands[1].elements)
    }

    /// Draws whether a chord goes on: true with the probability the model gives
    /// ``Token/continuationLabel`` among it and every duration label with a length (at the
    /// sampling temperature), whatever fits the bar.
    private static func continues(logits: [Float], continuation: Int, lengths: [Rational?], temperature: Double,
                                  generator: inout SeededRandom) -> Bool {
        let t = max(temperature, 1e-6)
        var top = Double(logits[continuation]) / t
        for (i, length) in lengths.enumerated() where length != nil { top = max(top, Double(logits[i]) / t) }
        let share: Double = exp(Double(logits[continuation]) / t - top)
        var total: Double = share
        for (i, length) in lengths.enumerated() where length != nil { total += exp(Double(logits[i]) / t - top) }
        let draw: Double = Double(generator.next() >> 11) * 0x1.0p-53
        return draw < share / total
    }

    private struct Hand {
        var vocabularies: Vocabularies
        var logits: (notes: [Float], durations: [Float])
        /// The tokens drawn, in the model's encoding.
        var tokens: [Token] = []
        var elapsed = Rational.zero
        /// MIDI numbers of the pitches drawn so far of a chord written note by note.
        var chord: [Int] = []
        /// Length of each duration label, `nil` for `<unk>`, ``Token/continuationLabel`` and
        /// malformed labels.
        let lengths: [Rational?]
        /// Every note label but `<unk>` (index 0) may be drawn.
        let noteMask: [Bool]
        /// The MIDI number of each note label that is one pitch (`nil` for rests, chords, `<unk>`).
        let pitches: [Int?]
        /// The highest of ``pitches``.
        let highestPitch: Int
        /// The index of ``Token/continuationLabel`` among the durations, if the model has it.
        let continuation: Int?

        init(vocabularies: Vocabularies, logits: (notes: [Float], durations: [Float])) {
            self.vocabularies = vocabularies
            self.logits = logits
            self.lengths = vocabularies.durations.labels.map { (try? Duration(label: $0))?.quarterLength }
            self.noteMask = vocabularies.notes.labels.indices.map { $0 != 0 }
            self.pitches = vocabularies.notes.labels.enumerated().map { index, label in
                guard index != 0, let pitches = Token.pitches(for: label), pitches.count == 1 else { return nil }
                return pitches[0].midi
            }
            self.highestPitch = pitches.compactMap { $0 }.max() ?? Int.min
            self.continuation = vocabularies.durations.labels.firstIndex(of: Token.continuationLabel)
        }

        /// Whether the last token drawn was a pitch of an unfinished chord.
        var isInChord: Bool { !chord.isEmpty }

        /// The elements drawn: chords written note by note joined into one token each.
        var elements: [Token] { TokenEncoding.notes.decode(tokens) }

        /// Records a token drawn and the time it takes.
        mutating func record(_ token: Token, length: Rational) {
            tokens.append(token)
            elapsed += length
            if token.continuesChord, let pitch = Token.pitches(for: token.noteLabel)?.first {
                chord.append(pitch.midi)
            } else {
                chord = []
            }
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
