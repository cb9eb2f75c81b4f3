import Foundation
import Notation
import Testing
@testable import Generation
@testable import NeuralNetwork

/// The piece's own past as a predictor: matches found as a brute-force search finds them,
/// weights counted by hand, and generation that repeats only when asked to.
@Suite struct RepetitionTests {
    /// The longest earlier match, by brute force: for every earlier position, count back.
    static func bruteForce<E: Equatable>(_ s: [E], longest: Int = RepetitionModel.longestMatch,
                                         memory: Int = RepetitionModel.memory) -> (length: Int, next: E)? {
        var best: (length: Int, next: E)? = nil
        let n = s.count
        guard n >= 2 else { return nil }
        for j in max(1, n - memory)..<n {
            var length = 0
            while length < longest, j - 1 - length >= 0, s[j - 1 - length] == s[n - 1 - length] { length += 1 }
            if length > 0, length >= (best?.length ?? 0) { best = (length, s[j]) }
        }
        return best
    }

    @Test func theTrackerFindsWhatFollowedTheLongestMatch() {
        var tracker = RepetitionTracker<Character>()
        for c in "abc" { tracker.append(c) }
        #expect(tracker.prediction == nil)
        for c in "ab" { tracker.append(c) }
        #expect(tracker.prediction?.length == 2 && tracker.prediction?.next == "c")
        tracker.append("c")
        // "abc" was followed by "a".
        #expect(tracker.prediction?.length == 3 && tracker.prediction?.next == "a")
        // Capped: "aaaa" matches itself 3 long, counted as 2.
        var capped = RepetitionTracker<Character>(longestMatch: 2)
        for c in "aaaa" { capped.append(c) }
        #expect(capped.prediction?.length == 2 && capped.prediction?.next == "a")
        capped.append("b")
        #expect(capped.prediction == nil)
        // Of the four earlier "a", the most recent was followed by "b".
        capped.append("a")
        #expect(capped.prediction?.length == 1 && capped.prediction?.next == "b")
    }

    @Test func theTrackerAgreesWithABruteForceSearch() {
        var random = SeededRandom(seed: 7)
        for trial in 0..<40 {
            let alphabet = 2 + trial % 4, longest = 1 + trial % 6, memory = trial < 20 ? 1000 : 1 + trial % 9
            var tracker = RepetitionTracker<Int>(longestMatch: longest, memory: memory)
            var sequence: [Int] = []
            for _ in 0..<120 {
                let next = Int(random.next() % UInt64(alphabet))
                sequence.append(next)
                tracker.append(next)
                let expected = Self.bruteForce(sequence, longest: longest, memory: memory)
                #expect(tracker.prediction?.length == expected?.length && tracker.prediction?.next == expected?.next)
            }
        }
    }

    @Test func weightsAreTheShareOfMatchesContinuedAsBefore() {
        // a b c a b c a b d, by hand: after "abca" the match "a" predicts b (right), after
        // "abcab" "ab" predicts c (right), after "abcabc" "abc" predicts a (right), after
        // "abcabca" a match of 4 predicts b (right), after "abcabcab" a match of 5 predicts c
        // (wrong: d). Buckets 1, 2, 3 and 4–5.
        let model = RepetitionModel.fitted(to: [Array("abcabcabd")])
        #expect(model.counts == [1, 1, 1, 2, 0, 0, 0, 0, 0, 0])
        #expect(model.weights == [0.5, 0.5, 0.5, 1.0 / 3, 0, 0, 0, 0, 0, 0])
        #expect(model.weight(matchLength: 0) == 0)
        #expect(model.weight(matchLength: 5) == 1.0 / 3)
        #expect(model.weight(matchLength: 100) == 0)
        #expect(abs(model.probability(network: 0.2, matchLength: 1, predicted: true) - 0.6) < 1e-12)
        #expect(abs(model.probability(network: 0.2, matchLength: 1, predicted: false) - 0.1) < 1e-12)
        #expect(model.probability(network: 0.2, matchLength: 0, predicted: false) == 0.2)
    }

    @Test func aDamagedManifestCannotMakeAProbabilityOutOfRange() throws {
        let json = #"{"weights": [1.5, -2, 0.25]}"#
        let model = try JSONDecoder().decode(RepetitionModel.self, from: Data(json.utf8))
        #expect(model.weights == [1, 0, 0.25, 0, 0, 0, 0, 0, 0, 0])
        #expect(model.counts == [Int](repeating: 0, count: 10))
        #expect(model.probability(network: 0.5, matchLength: 1, predicted: false) == 0)
        #expect(model.probability(network: 0.5, matchLength: 2, predicted: false) == 0.5)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RepetitionModel.self, from: Data(#"{"counts": []}"#.utf8)) }
    }

    @Test func theCorpusModelsCountTheTrainingPiecesAsRead() {
        let tokens = "C5 D5 C5 D5 C5 E5".split(separator: " ").map { Token(noteLabel: String($0), durationLabel: "quarter") }
        let piece = PreparedPiece(name: "a", originalKey: .cMajor, key: .cMajor, treble: tokens, bass: [])
        var options = PreprocessingOptions(validationFraction: 0)
        options.keyAugmentation = 6
        let models = PreparedCorpus(options: options, pieces: [piece]).repetitionModels
        // No bass tokens, no bass model; the copies in other keys are not counted: a match of 1
        // (after C D C) and of 2 (after C D C D) were right, one of 3 (after C D C D C) wrong (E).
        #expect(models["bass"] == nil)
        #expect(models["treble"]?.counts == [1, 1, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(models["treble"]?.weights.prefix(3) == [0.5, 0.5, 0])
    }

    /// With every note equally likely to the networks and a repetition model that always
    /// repeats, the treble soon repeats itself for good; at weight 0 generation is exactly what
    /// it was without repetition models (no random number drawn).
    @Test func generationRepeatsOnlyWhenAsked() {
        let always = RepetitionModel(weights: [Double](repeating: 1, count: RepetitionModel.bucketStarts.count))
        func piece(repetition: Double, models: [ClefStream: RepetitionModel]) -> (treble: [Token], bass: [Token]) {
            UniformModel.duet(PieceGenerator(options: GenerationOptions(seed: 3, bars: 16, repetition: repetition),
                                             timeSignature: .commonTime, repetition: models))
        }
        let plain = piece(repetition: 0, models: [:])
        let off = piece(repetition: 0, models: [.treble: always, .bass: always])
        #expect(plain.treble == off.treble && plain.bass == off.bass)
        let on = piece(repetition: 1, models: [.treble: always, .bass: always])
        #expect(on.treble.count == 64 && on.bass.count == 32)
        // Once a pitch comes back, the treble copies what followed it, for ever: a cycle.
        func repeatedShare(_ tokens: [Token]) -> Double {
            var tracker = RepetitionTracker<String>()
            var repeated = 0
            for token in tokens {
                if tracker.prediction?.next == token.noteLabel { repeated += 1 }
                tracker.append(token.noteLabel)
            }
            return Double(repeated) / Double(tokens.count)
        }
        #expect(repeatedShare(on.treble) > 0.7)
        #expect(repeatedShare(plain.treble) < 0.3)
    }

    /// A copy is weighed by the harmonic bias like any note: with a strong harmony weight every
    /// bass note stays consonant with the treble note it starts under even when the bass
    /// repeats itself nine times in ten; without the bias, copies and draws alike land anywhere.
    @Test func copiesHearTheOtherHandToo() {
        let often = RepetitionModel(weights: [Double](repeating: 0.9, count: RepetitionModel.bucketStarts.count))
        func consonance(harmony: Double) -> (share: Double, copies: Double) {
            var consonant = 0, total = 0, copies = 0
            for seed in UInt64(1)...4 {
                let (upper, lower) = UniformModel.duet(PieceGenerator(
                    options: GenerationOptions(seed: seed, bars: 8, harmony: harmony, repetition: 1),
                    timeSignature: .commonTime, repetition: [.treble: often, .bass: often]))
                var past = RepetitionTracker<String>()
                for (k, element) in lower.enumerated() {
                    if past.prediction?.next == element.noteLabel { copies += 1 }
                    past.append(element.noteLabel)
                    guard let b = Token.pitches(for: element.noteLabel)?.first,
                          let t = Token.pitches(for: upper[2 * k].noteLabel)?.first else { continue }
                    total += 1
                    if [0, 3, 4, 7, 8, 9].contains((t.midi - b.midi + 120) % 12) { consonant += 1 }
                }
            }
            return (Double(consonant) / Double(max(total, 1)), Double(copies) / Double(max(total, 1)))
        }
        let unbiased = consonance(harmony: 0)
        // Without the bias the bass mostly repeats its own past (a uniform draw would match the
        // copy one time in twelve).
        #expect(unbiased.copies > 0.4)
        #expect(unbiased.share > 0.2 && unbiased.share < 0.8)
        let biased = consonance(harmony: 20)
        #expect(biased.share == 1)
        #expect(biased.copies > 0.3, "consonant copies are still taken: \(biased.copies)")
    }
}
