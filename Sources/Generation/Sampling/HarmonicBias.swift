import Foundation
import Notation

/// A nudge added to a hand's note scores before a note is drawn: toward pitches consonant with
/// what the other hand sounds at that moment (``GenerationOptions/harmony``), and toward the
/// pitch classes the corpus uses in the piece's mode (``GenerationOptions/tonality``).
///
/// Why sampling needs it: a ``Recipe/duet`` network is told the other hand's sounding pitch
/// classes, yet on Chopin its sampled hands agree no more often than two unrelated lines (half
/// of the treble–bass pairs consonant, against 0.71 in Chopin at the bass's onsets), and its
/// pieces drift out of their key. The bias is the harmonic counterpart of the bar mask that
/// keeps rhythm in order: the model proposes, the bias weighs its proposals by what the music
/// around them allows.
///
/// For a candidate with pitch classes P (a note, or a chord label's pitches) it adds
/// - `harmony · (2·c − 1)`, where c is the share of pairs (p, o), p in P and o among the other
///   hand's sounding pitch classes, that form a unison or octave, third, fifth or sixth counted
///   from the bass up (``consonantIntervals``): +harmony when every pair is consonant,
///   −harmony when none is, nothing when the other hand is silent;
/// - `tonality · mean over P of ln(12 · profile[p])`: the log-ratio of each pitch class's
///   share in the profile (``profile(of:)``) to an even share (0 for a pitch class used 1/12 of the time).
///
/// Rests and `<unk>` are left as they are. The result goes through the temperature and top-k
/// like the model's own scores.
public struct HarmonicBias: Sendable {
    /// The intervals above the lower note that count as consonant, in semitones modulo 12, as a
    /// bit set: unison or octave (0), minor and major third (3, 4), perfect fifth (7), minor
    /// and major sixth (8, 9). The perfect fourth above the bass is not among them.
    public static let consonantIntervals: UInt16 = 1 << 0 | 1 << 3 | 1 << 4 | 1 << 7 | 1 << 8 | 1 << 9

    /// Each note label's pitch classes (bit 0 = C); 0 for rests and labels without pitches.
    let pitchClasses: [UInt16]
    /// Each note label's tonal term, weight included (0 without a profile).
    let tonal: [Float]
    /// The weight of consonance with the other hand.
    let harmony: Float
    /// Whether the hand is the lower one: intervals are counted from it up.
    let isBass: Bool

    /// The bias for a hand speaking `notes`.
    ///
    /// - Parameters:
    ///   - notes: the hand's note labels.
    ///   - isBass: whether the hand is the bass (intervals are counted from the bass up).
    ///   - harmony: weight of consonance with the other hand (0: none).
    ///   - tonality: weight of `profile` (0: none).
    ///   - profile: twelve pitch-class shares (C first) of the piece's mode in the key the models
    ///     write (C major / A minor); `nil` leaves tonality out.
    public init(notes: Vocabulary, isBass: Bool, harmony: Double, tonality: Double, profile: [Double]?) {
        var masks: [UInt16] = []
        var tonal: [Float] = []
        let logRatios = profile.flatMap { Self.logRatios($0) }
        for (index, label) in notes.labels.enumerated() {
            let pitches = index == 0 ? [] : (Token.pitches(for: label) ?? [])
            var mask: UInt16 = 0
            for pitch in pitches { mask |= 1 << UInt16(pitch.pitchClass) }
            masks.append(mask)
            if let logRatios, !pitches.isEmpty, tonality != 0 {
                let mean = pitches.reduce(0.0) { $0 + logRatios[$1.pitchClass] } / Double(pitches.count)
                tonal.append(Float(tonality * mean))
            } else {
                tonal.append(0)
            }
        }
        self.pitchClasses = masks
        self.tonal = tonal
        self.harmony = Float(harmony)
        self.isBass = isBass
    }

    /// Whether the bias changes anything.
    public var isActive: Bool { harmony != 0 || tonal.contains { $0 != 0 } }

    /// `logits` with the bias added, given the other hand's sounding pitch classes (bit 0 = C).
    public func applied(to logits: [Float], other: UInt16) -> [Float] {
        guard isActive else { return logits }
        var result = logits
        for i in result.indices where i < pitchClasses.count && pitchClasses[i] != 0 {
            var bias = tonal[i]
            if harmony != 0 && other != 0 {
                bias += harmony * (2 * Float(consonance(pitchClasses[i], other)) - 1)
            }
            result[i] += bias
        }
        return result
    }

    /// The share of pairs between the candidate's pitch classes and the other hand's that are
    /// consonant, counted from the bass up.
    func consonance(_ candidate: UInt16, _ other: UInt16) -> Double {
        var pairs = 0, consonant = 0
        for p in 0..<12 where candidate & (1 << p) != 0 {
            for o in 0..<12 where other & (1 << o) != 0 {
                let interval = isBass ? (o - p + 12) % 12 : (p - o + 12) % 12
                pairs += 1
                if Self.consonantIntervals & (1 << interval) != 0 { consonant += 1 }
            }
        }
        return pairs == 0 ? 0.5 : Double(consonant) / Double(pairs)
    }

    /// ln(12 · share) of each pitch class, the shares floored at 1/1,000 of the total so that a
    /// pitch class the profile never saw is unlikely rather than impossible.
    static func logRatios(_ profile: [Double]) -> [Double]? {
        guard profile.count == 12 else { return nil }
        let total = profile.reduce(0) { $0 + max($1, 0) }
        guard total > 0 else { return nil }
        return profile.map { log(12 * max(max($0, 0) / total, 0.001)) }
    }

    /// The duration-weighted pitch-class shares of `streams` (token streams in any
    /// ``TokenEncoding``): each pitch counts for the length of the element it sounds in. Twelve
    /// values, C first, summing to 1 (all zero for streams without a sounding pitch).
    public static func profile(of streams: [[Token]]) -> [Double] {
        var counts = [Double](repeating: 0, count: 12)
        var lengths = HandConditioning.LengthCache()
        for stream in streams {
            for element in TokenEncoding.notes.decode(stream) {
                let length = lengths.length(element.durationLabel).doubleValue
                for pitch in Token.pitches(for: element.noteLabel) ?? [] { counts[pitch.pitchClass] += length }
            }
        }
        let total = counts.reduce(0, +)
        return total > 0 ? counts.map { $0 / total } : counts
    }
}
