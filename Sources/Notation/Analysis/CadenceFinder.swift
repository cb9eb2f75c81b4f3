/// Finds the cadences of analysed slices: the rules documented on ``HarmonicAnalysis``.
enum CadenceFinder {
    static func cadences(in slices: [HarmonicSlice]) -> [Cadence] {
        var found: [Cadence] = []
        var previousEnd = -1
        for end in phraseEnds(slices) {
            defer { previousEnd = end }
            guard let key = slices[end].key, slices[end].isRecognisedChord, let final = slices[end].harmony else { continue }
            // The last harmony before the final chord with another root, within the phrase.
            var before: RomanNumeral?
            var j = end - 1
            while j > previousEnd {
                // Slices that are no chord (a suspension over the bass, a bare fourth) are passed over.
                if slices[j].isRecognisedChord, let h = slices[j].harmony, h.root.pitchClass != final.root.pitchClass {
                    before = h
                    break
                }
                j -= 1
            }
            let soprano = slices[end].voicePitches.first.flatMap { $0 } ?? slices[end].pitches.last
            if let cadence = tonicized(final: final, before: before, soprano: soprano, local: key, slice: end)
                ?? inKey(final: final, before: before, soprano: soprano, key: key, slice: end)
                ?? halfInDominantKey(final: final, before: before, local: key, slice: end) {
                found.append(cadence)
            }
        }
        return found
    }

    /// V → I where I is the final chord, in the final chord's key (a cadence that tonicises a
    /// key the local estimate has not reached); the mode is the local key's when the tonics
    /// agree (a Picardy third), else the final chord's.
    private static func tonicized(final: RomanNumeral, before: RomanNumeral?, soprano: Pitch?, local: Key,
                                  slice: Int) -> Cadence? {
        guard let before, isTriad(final), hasMajorThird(before),
              interval(from: final.root, to: before.root) == 7 else { return nil }
        let mode: Mode = final.root.pitchClass == local.tonicPitchClass ? local.mode : (hasMajorThird(final) ? .major : .minor)
        let key = Key(tonic: final.root, mode)
        let perfect = final.inversion == 0 && before.inversion == 0 && soprano?.pitchClass == final.root.pitchClass
        return Cadence(kind: perfect ? .perfectAuthentic : .imperfectAuthentic, slice: slice, key: key)
    }

    /// The cadences read in the local key: vii° → I, IV → I, V → vi, and phrases ending on V.
    private static func inKey(final: RomanNumeral, before: RomanNumeral?, soprano: Pitch?, key: Key,
                              slice: Int) -> Cadence? {
        let finalRoot = interval(from: key.tonic, to: final.root)
        let beforeRoot = before.map { interval(from: key.tonic, to: $0.root) }
        let kind: Cadence.Kind?
        switch finalRoot {
        case 0 where isTriad(final):
            if beforeRoot == 11 && !hasMajorThird(before!) {
                kind = .imperfectAuthentic
            } else if beforeRoot == 5 {
                kind = .plagal
            } else {
                kind = nil
            }
        case 7 where isTriad(final) && hasMajorThird(final):
            kind = .half
        case 8, 9:
            kind = beforeRoot == 7 && before.map(hasMajorThird) == true && isTriad(final) ? .deceptive : nil
        default:
            kind = nil
        }
        return kind.map { Cadence(kind: $0, slice: slice, key: key) }
    }

    /// A phrase ending on a major triad that is neither the local tonic nor subdominant: a half
    /// cadence in the key a fifth below, minor when the chord before has that key's minor third
    /// or minor sixth.
    private static func halfInDominantKey(final: RomanNumeral, before: RomanNumeral?, local: Key,
                                          slice: Int) -> Cadence? {
        let degree = interval(from: local.tonic, to: final.root)
        guard isTriad(final), hasMajorThird(final), degree != 0, degree != 5,
              let tonic = try? final.root.transposed(by: Interval(diatonicSteps: -4, semitones: -7)) else { return nil }
        let minor = before?.pitches.contains { [3, 8].contains(interval(from: tonic, to: $0)) } ?? false
        return Cadence(kind: .half, slice: slice, key: Key(tonic: tonic, minor ? .minor : .major))
    }

    /// Semitones from one pitch class up to another.
    private static func interval(from low: Pitch, to high: Pitch) -> Int {
        ((high.pitchClass - low.pitchClass) % 12 + 12) % 12
    }

    /// Slices ending phrases: fermatas, the last sounding slice before a rest of every voice,
    /// the last sounding slice.
    static func phraseEnds(_ slices: [HarmonicSlice]) -> [Int] {
        var ends: [Int] = []
        guard let lastSounding = slices.lastIndex(where: { !$0.pitches.isEmpty }) else { return [] }
        for (i, slice) in slices.enumerated() where !slice.pitches.isEmpty {
            let beforeRest = i + 1 < slices.count && slices[i + 1].pitches.isEmpty
            let last = i == lastSounding
            // A fermata held over moving inner voices is one phrase end, at its start.
            if slice.hasFermata || beforeRest || last { ends.append(i) }
            if last { break }
        }
        // Keep the first of consecutive fermata slices (a fermata chord re-struck in one voice).
        return ends.enumerated().filter { n, i in n == 0 || ends[n - 1] != i - 1 || !slices[i].hasFermata || !slices[ends[n - 1]].hasFermata }.map(\.element)
    }

    private static func isTriad(_ numeral: RomanNumeral) -> Bool {
        Set(numeral.pitches.map(\.pitchClass)).count <= 3
    }

    private static func hasMajorThird(_ numeral: RomanNumeral) -> Bool {
        numeral.pitches.contains { (($0.pitchClass - numeral.root.pitchClass) % 12 + 12) % 12 == 4 }
    }
}
