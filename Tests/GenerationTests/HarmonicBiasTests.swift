import Foundation
import Testing
import Notation
@testable import Generation

/// The nudge toward consonance with the other hand and toward the key's pitch classes, checked
/// against intervals counted by hand.
@Suite struct HarmonicBiasTests {
    static func bits(_ pitchClasses: Int...) -> UInt16 { pitchClasses.reduce(0) { $0 | 1 << UInt16($1) } }

    /// Intervals are counted from the bass up: C under F is a fourth (dissonant), F under C a
    /// fifth (consonant), so the same two pitch classes score differently for each hand.
    @Test func consonanceIsCountedFromTheBassUp() {
        let notes = Vocabulary(labels: ["<unk>", "C3", "F3", "C5", "F5", "rest"])
        let bass = HarmonicBias(notes: notes, isBass: true, harmony: 1, tonality: 0, profile: nil)
        let treble = HarmonicBias(notes: notes, isBass: false, harmony: 1, tonality: 0, profile: nil)
        // Bass C under treble E and G: a third and a fifth.
        #expect(bass.consonance(Self.bits(0), Self.bits(4, 7)) == 1)
        // Bass C under treble F: a fourth; bass F under treble C: a fifth.
        #expect(bass.consonance(Self.bits(0), Self.bits(5)) == 0)
        #expect(bass.consonance(Self.bits(5), Self.bits(0)) == 1)
        // Treble F over bass C: a fourth; treble C over bass F: a fifth.
        #expect(treble.consonance(Self.bits(5), Self.bits(0)) == 0)
        #expect(treble.consonance(Self.bits(0), Self.bits(5)) == 1)
        // Treble B over bass C and G: a major seventh and a major third, one pair in two.
        #expect(treble.consonance(Self.bits(11), Self.bits(0, 7)) == 0.5)
        // Minor second, tritone, minor and major seventh above the bass are all dissonant.
        for interval in [1, 2, 5, 6, 10, 11] { #expect(treble.consonance(Self.bits(interval), Self.bits(0)) == 0) }
    }

    /// The weight moves consonant candidates up and dissonant ones down by exactly its value;
    /// rests, `<unk>` and a silent other hand change nothing.
    @Test func harmonyAddsItsWeightToConsonantNotesOnly() {
        let notes = Vocabulary(labels: ["<unk>", "C3", "F3", "rest", "C3.E3"])
        let bias = HarmonicBias(notes: notes, isBass: true, harmony: 2, tonality: 0, profile: nil)
        let logits: [Float] = [-1, -2, -3, -4, -5]
        // The treble sounds C: bass C is an octave (+2), F a fifth below (+2); C.E: C–C octave,
        // E–C a minor sixth above E (+2).
        #expect(bias.applied(to: logits, other: Self.bits(0)) == [-1, 0, -1, -4, -3])
        // The treble sounds F♯: C–F♯ tritone (−2), F–F♯ minor second (−2), C.E: tritone and
        // major second (−2).
        #expect(bias.applied(to: logits, other: Self.bits(6)) == [-1, -4, -5, -4, -7])
        // The treble sounds A: C–A a major sixth, F–A a major third, C.E: C–A a sixth but E–A a
        // fourth, one pair in two (0).
        #expect(bias.applied(to: logits, other: Self.bits(9)) == [-1, 0, -1, -4, -5])
        #expect(bias.applied(to: logits, other: 0) == logits)
        #expect(!HarmonicBias(notes: notes, isBass: true, harmony: 0, tonality: 0, profile: nil).isActive)
    }

    /// A pitch class with 45% of the profile scores ln 5.4 (5.4 times an even share), one with
    /// 5% ln 0.6; a chord takes the mean over its pitches.
    @Test func tonalityFollowsTheProfile() {
        let notes = Vocabulary(labels: ["<unk>", "C4", "D4", "C4.D4", "rest"])
        var profile = [Double](repeating: 0.05, count: 12)
        profile[0] = 0.45
        let bias = HarmonicBias(notes: notes, isBass: false, harmony: 0, tonality: 0.5, profile: profile)
        let applied = bias.applied(to: [0, 0, 0, 0, 0], other: Self.bits(7))
        #expect(applied[0] == 0 && applied[4] == 0)
        #expect(abs(Double(applied[1]) - 0.5 * log(5.4)) < 1e-5)
        #expect(abs(Double(applied[2]) - 0.5 * log(0.6)) < 1e-5)
        #expect(abs(Double(applied[3]) - 0.25 * (log(5.4) + log(0.6))) < 1e-5)
        // A pitch class the profile never saw is floored at 1/1,000, not impossible.
        profile = [1] + [Double](repeating: 0, count: 11)
        let floored = HarmonicBias(notes: Vocabulary(labels: ["<unk>", "C#4"]), isBass: false, harmony: 0,
                                   tonality: 1, profile: profile)
        #expect(abs(Double(floored.applied(to: [0, 0], other: 0)[1]) - log(0.012)) < 1e-5)
    }

    /// Shares weighted by duration; a chord written note by note counts each of its pitches for
    /// the length of the token that ends it; rests count for nothing.
    @Test func theProfileWeighsPitchesByHowLongTheySound() {
        let stream = [Token(noteLabel: "C4", durationLabel: "half"), Token(noteLabel: "rest", durationLabel: "whole"),
                      Token(noteLabel: "E4", durationLabel: Token.continuationLabel),
                      Token(noteLabel: "G4", durationLabel: "quarter")]
        let profile = HarmonicBias.profile(of: [stream, [Token(noteLabel: "C5", durationLabel: "quarter")]])
        // C: 2 + 1 quarters, E: 1, G: 1, of 5.
        #expect(profile[0] == 0.6 && profile[4] == 0.2 && profile[7] == 0.2)
        #expect(abs(profile.reduce(0, +) - 1) < 1e-12 && profile.enumerated().allSatisfy { [0, 4, 7].contains($0) || $1 == 0 })
        #expect(HarmonicBias.profile(of: [[Token(noteLabel: "rest", durationLabel: "half")]]) == Array(repeating: 0, count: 12))
    }

    /// The profiles recorded at training: training pieces only, as read (a copy in another key
    /// or a held-out piece would blur or leak), by the mode of the key they were in.
    @Test func theCorpusProfilesAreTheTrainingPiecesAsRead() {
        func piece(_ name: String, _ key: Key, _ treble: [Token], _ bass: [Token]) -> PreparedPiece {
            PreparedPiece(name: name, originalKey: key, key: key.mode.isMinor ? Key(.A, .minor) : .cMajor,
                          treble: treble, bass: bass)
        }
        let major = piece("major", Key(.E, alter: -1, .major), [Token(noteLabel: "C5", durationLabel: "half")],
                          [Token(noteLabel: "G3", durationLabel: "half")])
        let minor = piece("minor", Key(.B, .minor), [Token(noteLabel: "A4", durationLabel: "quarter")],
                          [Token(noteLabel: "E3", durationLabel: "eighth"), Token(noteLabel: "rest", durationLabel: "half")])
        var options = PreprocessingOptions(validationFraction: 0)
        options.keyAugmentation = 6
        let profiles = PreparedCorpus(options: options, pieces: [major, minor]).pitchClassProfiles
        #expect(profiles["major"]?[0] == 0.5 && profiles["major"]?[7] == 0.5)
        // A for a quarter, E for an eighth: 2/3 and 1/3; the rest counts for nothing.
        #expect(profiles["minor"].map { abs($0[9] - 2.0 / 3) < 1e-12 && abs($0[4] - 1.0 / 3) < 1e-12 } == true)
        #expect(profiles.values.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-12 })
        // Held out: with three pieces and a third held out, one piece's pitches are missing.
        options.validationFraction = 0.34
        let third = piece("third", .cMajor, [Token(noteLabel: "D5", durationLabel: "whole")], [])
        let corpus = PreparedCorpus(options: options, pieces: [major, minor, third])
        let held = corpus.split().validation.map(\.name)
        #expect(held.count == 1)
        let split = corpus.pitchClassProfiles
        switch held.first {
        case "third": #expect(split["major"]?[2] == 0 && split["major"]?[0] == 0.5)
        case "major": #expect(split["major"]?[2] == 1)
        default: #expect(held == ["minor"] && split["minor"] == nil && split["major"]?[2] == 0.5)
        }
    }

    /// With every note equally likely to the model, a strong harmony weight makes every bass
    /// note consonant with the treble note it starts under, as counted from the tokens drawn;
    /// without it about half are (the control that shows the test can fail).
    @Test func generationWithHarmonyKeepsTheBassConsonant() {
        func share(harmony: Double) -> Double {
            var consonant = 0, total = 0
            for seed in UInt64(1)...4 {
                let (upper, lower) = UniformModel.duet(
                    PieceGenerator(options: GenerationOptions(seed: seed, bars: 8, harmony: harmony), timeSignature: .commonTime))
                // Bass halves start with every other treble quarter.
                for (k, element) in lower.enumerated() {
                    guard let b = Token.pitches(for: element.noteLabel)?.first,
                          let t = Token.pitches(for: upper[2 * k].noteLabel)?.first else { continue }
                    total += 1
                    if [0, 3, 4, 7, 8, 9].contains((t.midi - b.midi + 120) % 12) { consonant += 1 }
                }
            }
            return Double(consonant) / Double(max(total, 1))
        }
        #expect(share(harmony: 20) == 1)
        let unbiased = share(harmony: 0)
        #expect(unbiased > 0.2 && unbiased < 0.8)
    }
}

/// A model that finds every note and duration equally likely.
struct UniformModel: StepModel {
    var notes: Int
    var durations: Int
    mutating func resetState() {}
    mutating func step(note: Int32, duration: Int32) -> (notes: [Float], durations: [Float]) {
        ([Float](repeating: 0, count: notes), [Float](repeating: 0, count: durations))
    }

    /// A treble of quarter notes C4–B4 and a bass of half notes C3–B3, every pitch equally likely
    /// to their uniform models, generated hearing each other without a seed.
    static func duet(_ generator: PieceGenerator) -> (treble: [Token], bass: [Token]) {
        let trebleNotes = ["<unk>"] + (60...71).map { Pitch(midi: $0).name }
        let bassNotes = ["<unk>"] + (48...59).map { Pitch(midi: $0).name }
        var treble = UniformModel(notes: trebleNotes.count, durations: 2)
        var bass = UniformModel(notes: bassNotes.count, durations: 2)
        return generator.generateHearingEachOther(
            treble: &treble, trebleVocabularies: .init(notes: Vocabulary(labels: trebleNotes),
                                                       durations: Vocabulary(labels: ["<unk>", "quarter"])),
            trebleSeed: [],
            bass: &bass, bassVocabularies: .init(notes: Vocabulary(labels: bassNotes),
                                                 durations: Vocabulary(labels: ["<unk>", "half"])),
            bassSeed: [])
    }
}
