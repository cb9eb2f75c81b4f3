/// The result of estimating a key: the best key, its correlation with the profile, and the
/// other 23 major and minor keys from most to least likely.
public struct KeyEstimate: Sendable, Hashable {
    /// A key with its correlation.
    public struct Candidate: Sendable, Hashable {
        /// The key.
        public var key: Key
        /// Pearson correlation of the histogram with the key's rotated profile, −1…1.
        public var correlation: Double

        /// Creates a candidate.
        public init(key: Key, correlation: Double) {
            self.key = key
            self.correlation = correlation
        }
    }

    /// The most likely key.
    public var key: Key
    /// Pearson correlation between the duration-weighted pitch-class histogram and the key's
    /// rotated profile, −1…1.
    public var correlation: Double
    /// The other 23 keys with their correlations, most likely first.
    public var alternatives: [Candidate]

    /// Creates an estimate.
    public init(key: Key, correlation: Double, alternatives: [Candidate]) {
        self.key = key
        self.correlation = correlation
        self.alternatives = alternatives
    }
}

/// Krumhansl–Schmuckler key finding, computed as music21's `analyze('key')` does.
///
/// 1. Each pitch adds its length in quarter notes to its pitch class (chord tones each add the
///    chord's full length; grace notes add nothing).
/// 2. For each of the 24 major and minor keys the profile is rotated to the tonic and the
///    Pearson correlation with the histogram is taken.
/// 3. Keys are ranked by correlation; exact ties go to the higher tonic pitch class, then to
///    minor over major (music21 sorts `(correlation, tonic, mode)` tuples in reverse).
/// 4. The tonic is spelled C, C♯, D, E♭, E, F, F♯, G, A♭ (major) or G♯ (minor), A, B♭, B.
///
/// ```swift
/// let estimate = try KeyEstimator().estimate([(try Pitch("C4"), 1), (try Pitch("E4"), 1), (try Pitch("G4"), 2)])
/// estimate?.key       // C major
/// ```
public struct KeyEstimator: Sendable {
    /// The profile the histogram is matched against.
    public var profile: KeyProfile

    /// Creates an estimator with a profile (music21's default, Aarden–Essen, if omitted).
    public init(profile: KeyProfile = .default) { self.profile = profile }

    /// The duration-weighted pitch-class histogram, summed in input order as music21 does.
    public static func histogram(_ weighted: [(pitch: Pitch, length: Double)]) -> [Double] {
        var histogram = [Double](repeating: 0, count: 12)
        for (pitch, length) in weighted { histogram[pitch.pitchClass] += length }
        return histogram
    }

    /// Estimates the key of pitches with lengths in quarter notes; `nil` when there are none.
    public func estimate(_ weighted: [(pitch: Pitch, length: Rational)]) -> KeyEstimate? {
        estimate(weighted.map { ($0.pitch, $0.length.doubleValue) })
    }

    /// Estimates the key of pitches with lengths in quarter notes; `nil` when there are none.
    public func estimate(_ weighted: [(pitch: Pitch, length: Double)]) -> KeyEstimate? {
        guard !weighted.isEmpty else { return nil }
        return estimate(histogram: KeyEstimator.histogram(weighted))
    }

    /// Estimates the key of a pitch-class histogram (index 0 = C).
    public func estimate(histogram: [Double]) -> KeyEstimate? {
        guard histogram.count == 12 else { return nil }
        var ranked: [(correlation: Double, tonic: Int, mode: Mode)] = []
        for mode in [Mode.major, .minor] {
            let correlations = KeyEstimator.correlations(histogram, profile.weights(for: mode))
            for tonic in 0..<12 { ranked.append((correlations[tonic], tonic, mode)) }
        }
        // Descending by correlation, then tonic pitch class, then "minor" > "major".
        ranked.sort { a, b in
            if a.correlation != b.correlation { return a.correlation > b.correlation }
            if a.tonic != b.tonic { return a.tonic > b.tonic }
            return a.mode == .minor && b.mode == .major
        }
        let keys = ranked.map { KeyEstimate.Candidate(key: KeyEstimator.key(tonicClass: $0.tonic, mode: $0.mode), correlation: $0.correlation) }
        return KeyEstimate(key: keys[0].key, correlation: keys[0].correlation, alternatives: Array(keys.dropFirst()))
    }

    /// Pearson correlation of the histogram with the profile rotated to each tonic, summed in
    /// music21's order so that ties fall the same way.
    static func correlations(_ histogram: [Double], _ weights: [Double]) -> [Double] {
        let profileAverage = weights.reduce(0, +) / Double(weights.count)
        let histogramAverage = histogram.reduce(0, +) / Double(histogram.count)
        var result = [Double](repeating: 0, count: 12)
        for tonic in 0..<12 {
            var top = 0.0, profileSquares = 0.0, histogramSquares = 0.0
            for j in 0..<12 {
                let w = weights[((j - tonic) % 12 + 12) % 12] - profileAverage
                let h = histogram[j] - histogramAverage
                top += w * h
                profileSquares += w * w
                histogramSquares += h * h
            }
            result[tonic] = (profileSquares == 0 || histogramSquares == 0)
                ? 0 : top / (profileSquares * histogramSquares).squareRoot()
        }
        return result
    }

    /// music21's tonic spelling for a pitch class and mode.
    static func key(tonicClass: Int, mode: Mode) -> Key {
        let spellings: [(Step, Int)] = [(.C, 0), (.C, 1), (.D, 0), (.E, -1), (.E, 0), (.F, 0),
                                        (.F, 1), (.G, 0), mode == .minor ? (.G, 1) : (.A, -1),
                                        (.A, 0), (.B, -1), (.B, 0)]
        let (step, alter) = spellings[tonicClass]
        return Key(step, alter: alter, mode)
    }
}

extension Score {
    /// The key estimated from every sounding pitch weighted by its length (see
    /// ``KeyEstimator``); `nil` for a score without notes.
    public func estimatedKey(weighting profile: KeyProfile = .default) -> KeyEstimate? {
        KeyEstimator(profile: profile).estimate(weightedPitches)
    }
}
