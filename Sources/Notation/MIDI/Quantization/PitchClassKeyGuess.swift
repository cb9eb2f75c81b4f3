/// A small key estimate from a pitch-class histogram (Krumhansl–Kessler profiles), used to
/// spell MIDI files that carry no key signature and to tell major from minor when they do.
///
/// It stands in until a full key estimator is available; only the best key is returned.
enum PitchClassKeyGuess {
    static let majorProfile: [Double] = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
    static let minorProfile: [Double] = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]

    /// The best-correlating major or minor key, or `nil` for an empty histogram.
    static func key(histogram: [Double]) -> Key? {
        guard histogram.count == 12, histogram.contains(where: { $0 > 0 }) else { return nil }
        var best: (score: Double, tonic: Int, minor: Bool)?
        for minor in [false, true] {
            let profile = minor ? minorProfile : majorProfile
            for tonic in 0..<12 {
                let rotated = (0..<12).map { profile[($0 - tonic + 12) % 12] }
                let r = correlation(histogram, rotated)
                if best == nil || r > best!.score { best = (r, tonic, minor) }
            }
        }
        guard let found = best else { return nil }
        // Tonic spellings as key signatures read them: F# major and Eb minor have 6 accidentals;
        // the usual choices are Db/F#/Ab/Eb/Bb major and C#/F#/G#/Eb/Bb minor.
        let majorTonics = ["C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
        let minorTonics = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"]
        let name = (found.minor ? minorTonics : majorTonics)[found.tonic]
        guard let tonic = Pitch.parse(name) else { return nil }
        return Key(tonic: tonic, found.minor ? .minor : .major)
    }

    /// The mode a key signature most likely means: its major key or its relative minor,
    /// whichever correlates better with the histogram.
    static func key(signature: KeySignature, histogram: [Double]) -> Key {
        let major = Key(signature: signature, mode: .major), minor = Key(signature: signature, mode: .minor)
        guard histogram.count == 12, histogram.contains(where: { $0 > 0 }) else { return major }
        func score(_ key: Key, _ profile: [Double]) -> Double {
            let tonic = key.tonicPitchClass
            return correlation(histogram, (0..<12).map { profile[($0 - tonic + 12) % 12] })
        }
        return score(minor, minorProfile) > score(major, majorProfile) ? minor : major
    }

    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let ma = a.reduce(0, +) / 12, mb = b.reduce(0, +) / 12
        var num = 0.0, da = 0.0, db = 0.0
        for i in 0..<12 {
            num += (a[i] - ma) * (b[i] - mb)
            da += (a[i] - ma) * (a[i] - ma)
            db += (b[i] - mb) * (b[i] - mb)
        }
        return da == 0 || db == 0 ? 0 : num / (da * db).squareRoot()
    }
}
