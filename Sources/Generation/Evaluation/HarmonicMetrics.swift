import Notation

/// Harmonic measures of a piece, from its ``/Notation/HarmonicAnalysis`` in local keys: which chord
/// follows which, how often the outer voices move in parallel fifths or octaves, and how much
/// of the music is recognisable chords.
public struct HarmonicMetrics: Sendable, Hashable, Codable {
    /// How often each Roman-numeral bigram occurs (`"V7 I"`): the chord-tone figures
    /// (``/Notation/HarmonicSlice/harmony``) of consecutive recognised chords, repeats merged.
    public var romanBigrams: [String: Int]
    /// Parallel fifths and octaves between the outer voices
    /// (``/Notation/HarmonicAnalysis/outerVoiceLeading``) per 100 quarter-note beats.
    public var outerParallelsPer100Beats: Double
    /// The share of the sounding time whose slices are recognised chords
    /// (``/Notation/HarmonicSlice/isRecognisedChord``).
    public var recognisedChordRate: Double

    /// Measures a score; all zero for a score with nothing to analyse.
    public init(score: Score) {
        guard let analysis = try? HarmonicAnalysis(score, key: .local) else {
            self.init(romanBigrams: [:], outerParallelsPer100Beats: 0, recognisedChordRate: 0)
            return
        }
        var bigrams: [String: Int] = [:]
        var last: String?
        var sounding = Rational.zero, recognised = Rational.zero
        for slice in analysis.slices where !slice.pitches.isEmpty {
            sounding += slice.length
            guard slice.isRecognisedChord, let figure = slice.harmony?.figure else { continue }
            recognised += slice.length
            if let last, last != figure { bigrams["\(last) \(figure)", default: 0] += 1 }
            last = figure
        }
        let parallels = analysis.outerVoiceLeading.filter { $0.kind == .parallelFifth || $0.kind == .parallelOctave }.count
        let beats = score.length.doubleValue
        self.init(romanBigrams: bigrams, outerParallelsPer100Beats: beats > 0 ? Double(parallels) * 100 / beats : 0,
                  recognisedChordRate: sounding > .zero ? (recognised / sounding).doubleValue : 0)
    }

    /// Measures from their values.
    public init(romanBigrams: [String: Int], outerParallelsPer100Beats: Double, recognisedChordRate: Double) {
        self.romanBigrams = romanBigrams
        self.outerParallelsPer100Beats = outerParallelsPer100Beats
        self.recognisedChordRate = recognisedChordRate
    }

    /// Bigram counts as shares summing to 1 (empty when there are none).
    public static func distribution(_ counts: [String: Int]) -> [String: Double] {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return [:] }
        return counts.mapValues { Double($0) / Double(total) }
    }

    /// Total-variation distance between two bigram distributions: 0 same, 1 disjoint (1 when
    /// either is empty).
    public static func distance(_ a: [String: Double], _ b: [String: Double]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 1 }
        var sum = 0.0
        // Sorted, so that the same distributions always give the same sum.
        for key in Set(a.keys).union(b.keys).sorted() { sum += abs((a[key] ?? 0) - (b[key] ?? 0)) }
        return sum / 2
    }
}
