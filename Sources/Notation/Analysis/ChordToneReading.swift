/// Which pitches of a slice are chord tones: the rule ``HarmonicAnalysis`` uses to report
/// passing and neighbour tones as such rather than naming them as part of an exotic chord.
///
/// 1. Pitches whose pitch classes form a triad or seventh chord (any spelling), or a triad or
///    seventh without its fifth, are all chord tones.
/// 2. Otherwise the smallest set of pitch classes (one, then two) other than the bass's is left
///    out so that the rest is such a chord. Among several choices, tones that move by step in
///    their voice (to or from the neighbouring slice: passing tones, neighbours, suspensions
///    and their resolutions) are left out first, then the choice leaving a complete triad,
///    then a complete seventh chord, then the one leaving out the higher tones.
/// 3. Otherwise (a bare fifth or octave, a single pitch, a cluster no two removals resolve)
///    every pitch is kept and the slice is not a recognised chord.
struct ChordToneReading {
    var chordTones: [Pitch]
    var nonChordTones: [Pitch]
    var isRecognised: Bool

    /// Reads `pitches` (low to high); `stepwise` holds the pitch classes that move by step in
    /// their voice into or out of this slice.
    init(_ pitches: [Pitch], stepwise: Set<Int>) {
        let classes = Array(Set(pitches.map(\.pitchClass))).sorted()
        if ChordToneReading.fit(classes) != nil {
            self.init(chordTones: pitches, nonChordTones: [], isRecognised: true)
            return
        }
        guard let bass = pitches.first?.pitchClass else {
            self.init(chordTones: pitches, nonChordTones: [], isRecognised: false)
            return
        }
        let removable = classes.filter { $0 != bass }
        for count in 1...2 where removable.count >= count {
            var best: (removed: Set<Int>, score: (Int, Int, Int))?
            for removed in ChordToneReading.combinations(removable, count) {
                let left = classes.filter { !removed.contains($0) }
                guard let fit = ChordToneReading.fit(left) else { continue }
                let unstepped = removed.filter { !stepwise.contains($0) }.count
                let highest = pitches.lastIndex { removed.contains($0.pitchClass) } ?? 0
                let score = (unstepped, fit, -highest)
                if best == nil || score < best!.score { best = (Set(removed), score) }
            }
            if let best {
                self.init(chordTones: pitches.filter { !best.removed.contains($0.pitchClass) },
                          nonChordTones: pitches.filter { best.removed.contains($0.pitchClass) }, isRecognised: true)
                return
            }
        }
        self.init(chordTones: pitches, nonChordTones: [], isRecognised: false)
    }

    private init(chordTones: [Pitch], nonChordTones: [Pitch], isRecognised: Bool) {
        self.chordTones = chordTones
        self.nonChordTones = nonChordTones
        self.isRecognised = isRecognised
    }

    /// Chord shapes by pitch classes above the root, best first: complete triads (0), complete
    /// sevenths (1), then those without a fifth (2).
    private static let shapes: [(Set<Int>, Int)] = [
        ([0, 4, 7], 0), ([0, 3, 7], 0), ([0, 3, 6], 0), ([0, 4, 8], 0),
        ([0, 4, 7, 10], 1), ([0, 4, 7, 11], 1), ([0, 3, 7, 10], 1), ([0, 3, 6, 10], 1), ([0, 3, 6, 9], 1),
        ([0, 3, 7, 11], 1),
        ([0, 4], 2), ([0, 3], 2), ([0, 4, 10], 2), ([0, 4, 11], 2), ([0, 3, 10], 2),
    ]

    /// The rank of the best shape the pitch classes make over some root, or `nil`.
    static func fit(_ classes: [Int]) -> Int? {
        var best: Int?
        for root in classes {
            let above = Set(classes.map { (($0 - root) % 12 + 12) % 12 })
            for (shape, rank) in shapes where shape == above {
                best = min(best ?? rank, rank)
            }
        }
        return best
    }

    private static func combinations(_ items: [Int], _ count: Int) -> [[Int]] {
        if count == 1 { return items.map { [$0] } }
        var result: [[Int]] = []
        for i in items.indices {
            for j in items.indices where j > i { result.append([items[i], items[j]]) }
        }
        return result
    }
}
