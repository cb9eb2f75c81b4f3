/// Finds the cadences of analysed slices: the rules documented on ``HarmonicAnalysis``.
enum CadenceFinder {
    static func cadences(in slices: [HarmonicSlice]) -> [Cadence] {
        var found: [Cadence] = []
        var previousEnd = -1
        for end in phraseEnds(slices) {
            defer { previousEnd = end }
            guard let key = slices[end].key, let final = slices[end].harmony else { continue }
            let finalRoot = degree(final.root, in: key)
            // The last harmony before the final chord with another root, within the phrase.
            var before: RomanNumeral?
            var j = end - 1
            while j > previousEnd {
                if let h = slices[j].harmony, h.root.pitchClass != final.root.pitchClass {
                    before = h
                    break
                }
                j -= 1
            }
            let beforeRoot = before.map { degree($0.root, in: key) }
            let kind: Cadence.Kind?
            switch finalRoot {
            case 0 where isTriad(final):
                if beforeRoot == 7 && hasMajorThird(before!) {
                    let soprano = slices[end].pitches.last
                    let rootPositions = final.inversion == 0 && before!.inversion == 0
                    kind = rootPositions && soprano?.pitchClass == key.tonicPitchClass ? .perfectAuthentic : .imperfectAuthentic
                } else if beforeRoot == 11 && !hasMajorThird(before!) {
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
            if let kind { found.append(Cadence(kind: kind, slice: end, key: key)) }
        }
        return found
    }

    /// Slices ending phrases: fermatas, the last sounding slice before a rest of every voice,
    /// the last sounding slice.
    static func phraseEnds(_ slices: [HarmonicSlice]) -> [Int] {
        var ends: [Int] = []
        for (i, slice) in slices.enumerated() where !slice.pitches.isEmpty {
            let beforeRest = i + 1 < slices.count && slices[i + 1].pitches.isEmpty
            let last = !slices[(i + 1)...].contains { !$0.pitches.isEmpty }
            // A fermata held over moving inner voices is one phrase end, at its start.
            if slice.hasFermata || beforeRest || last { ends.append(i) }
            if last { break }
        }
        // Keep the first of consecutive fermata slices (a fermata chord re-struck in one voice).
        return ends.enumerated().filter { n, i in n == 0 || ends[n - 1] != i - 1 || !slices[i].hasFermata || !slices[ends[n - 1]].hasFermata }.map(\.element)
    }

    /// Semitones from the key's tonic up to the pitch class.
    private static func degree(_ pitch: Pitch, in key: Key) -> Int {
        ((pitch.pitchClass - key.tonicPitchClass) % 12 + 12) % 12
    }

    private static func isTriad(_ numeral: RomanNumeral) -> Bool {
        Set(numeral.pitches.map(\.pitchClass)).count <= 3
    }

    private static func hasMajorThird(_ numeral: RomanNumeral) -> Bool {
        numeral.pitches.contains { (($0.pitchClass - numeral.root.pitchClass) % 12 + 12) % 12 == 4 }
    }
}
