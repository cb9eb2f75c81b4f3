/// Chord analysis: bass, root, inversion and quality.
///
/// Two readings are offered, because music21 — the reference this project checks against —
/// reads chords strictly by spelling, which misnames chords whose tones are spelled
/// enharmonically (music21 issues #327 and #614: C–D♯–G–A♯ comes out as an "A♯" chord):
///
/// * the **spelled** reading, ``spelledRoot`` and ``spelledInversion``, reproduces music21's
///   `root()` and `inversion()` exactly (checked by `Scripts/parity/theory.sh`); music21's
///   chord names, `commonName` and `pitchedCommonName`, are in the compatibility adapter
///   ``Chord/music21`` (see ``Chord/Music21``);
/// * the **musical** reading, ``root``, ``inversion`` and ``quality``, first respells a
///   tertian chord (triad, seventh or ninth by its pitch classes) whose spelling is not a
///   stack of thirds, so C–D♯–G–A♯ has root C, quality minor seventh, and A♯2–D3–F3 has root
///   B♭2. When the chord is already spelled in thirds — or is not tertian at all — both
///   readings agree.
///
/// ```swift
/// let c = Chord([try Pitch("E4"), try Pitch("G4"), try Pitch("C5")])
/// c.root?.name            // "C5"
/// c.inversion             // 1
/// c.quality?.name         // "major triad"
/// c.normalOrderLabel      // "0.4.7"
/// ```
extension Chord {
    /// The lowest sounding pitch (then by letter, so B♯3 is below C4).
    public var bass: Pitch? { pitches.first }

    /// The lowest pitch as written, as music21's `bass()` finds it: by letter and octave first,
    /// then by sound, so E♯3 is below F♭♭3 although it sounds higher. Used by the spelled
    /// reading only.
    var writtenBass: Pitch? {
        pitches.min { ($0.diatonicNumber, $0.midi) < ($1.diatonicNumber, $1.midi) }
    }

    /// The chord's pitch classes.
    public var pitchClassSet: PitchClassSet { PitchClassSet(pitches: pitches) }

    /// music21's normal order joined by dots (`"7.10.0.3"` for C–E♭–G–B♭): the chord label of
    /// the LSTM seed. See ``PitchClassSet/normalOrderLabel``.
    public var normalOrderLabel: String { pitchClassSet.normalOrderLabel }

    /// The ascending distinct pitch classes joined by dots (`"0.3.7.10"` for C–E♭–G–B♭ in any
    /// voicing or spelling). See ``PitchClassSet/label``.
    public var pitchClassLabel: String { pitchClassSet.label }

    // MARK: Spelled reading (music21)

    /// The root as music21's `Chord.root()` finds it, by letter names only: the tone with a
    /// perfect stack of thirds above it, else the tone with the most chord tones a third,
    /// fifth, seventh, ninth, eleventh or thirteenth above it (nearer ones weigh more; the
    /// first such tone from the bass up wins ties). A chord of all seven letters has its bass
    /// as root. `nil` for an empty chord.
    public var spelledRoot: Pitch? { Chord.spelledRoot(of: pitches, writtenBass: writtenBass) }

    /// The inversion as music21's `Chord.inversion()` gives it, from the letter distance
    /// between bass and ``spelledRoot``: 0 root position, 1 first (third in the bass),
    /// 2 second (fifth), 3 third (seventh), 4 (ninth), 5 (eleventh), 6 (thirteenth).
    public var spelledInversion: Int? {
        guard let bass = writtenBass, let root = spelledRoot else { return nil }
        return Chord.inversion(bassStep: bass.step, rootStep: root.step)
    }

    // MARK: Musical reading (respelled)

    /// The tertian reading of the chord's pitch classes, respelled where the written spelling
    /// is not a stack of thirds; `nil` when the pitch classes are not a triad, seventh or
    /// ninth chord of a known ``ChordQuality``.
    public var tertianReading: TertianReading? {
        let pcs = pitchClassSet.pitchClasses
        guard pcs.count >= 3, let bass else { return nil }
        var candidates: [(rootClass: Int, quality: ChordQuality)] = []
        for r in pcs {
            if let q = ChordQuality.matching(Set(pcs.map { (($0 - r) % 12 + 12) % 12 })) { candidates.append((r, q)) }
        }
        guard !candidates.isEmpty else { return nil }
        // Keep the written spelling when it already stacks in thirds from music21's root.
        if let written = spelledRoot,
           let match = candidates.first(where: { $0.rootClass == written.pitchClass }),
           isSpelled(from: written, as: match.quality) {
            return TertianReading(root: written, quality: match.quality,
                                  inversion: Chord.memberIndex(of: bass, root: written, quality: match.quality))
        }
        // Symmetrical sets (augmented triad, diminished seventh) have several candidate roots:
        // prefer music21's root, then the bass, then the lowest pitch class.
        let chosen = candidates.first { $0.rootClass == spelledRoot?.pitchClass }
            ?? candidates.first { $0.rootClass == bass.pitchClass }
            ?? candidates[0]
        guard let written = pitches.first(where: { $0.pitchClass == chosen.rootClass }) else { return nil }
        // Spell the root with the letter that needs the fewest accidentals across the chord.
        var best: (root: Pitch, cost: Int)?
        for step in Step.allCases {
            guard let root = Pitch(midi: written.midi, step: step), abs(root.alter) <= 2 else { continue }
            var cost = 0
            var spellable = true
            for member in chosen.quality.members {
                guard let tone = try? root.transposed(by: Interval(diatonicSteps: member.steps, semitones: member.semitones)),
                      abs(tone.alter) <= 2 else { spellable = false; break }
                cost += abs(tone.alter)
            }
            guard spellable else { continue }
            let better: Bool
            if let current = best {
                better = cost < current.cost || (cost == current.cost && root == written)
            } else {
                better = true
            }
            if better { best = (root, cost) }
        }
        guard let root = best?.root else { return nil }
        return TertianReading(root: root, quality: chosen.quality,
                              inversion: Chord.memberIndex(of: bass, root: root, quality: chosen.quality))
    }

    /// The root, respelled for enharmonically spelled tertian chords (C for C–D♯–G–A♯, B♭ for
    /// A♯–D–F), otherwise music21's ``spelledRoot``. Its octave is that of the chord tone it
    /// stands for. `nil` for an empty chord.
    public var root: Pitch? { tertianReading?.root ?? spelledRoot }

    /// The inversion from the bass's role over ``root``: 0 root position, 1 first, 2 second,
    /// 3 third (seventh in the bass), 4 (ninth in the bass); for non-tertian chords music21's
    /// ``spelledInversion``.
    public var inversion: Int? { tertianReading?.inversion ?? spelledInversion }

    /// The tertian quality of the pitch classes, whatever the spelling (C–D♯–G–A♯ is a minor
    /// seventh chord), or `nil` for other chords.
    public var quality: ChordQuality? { tertianReading?.quality }

    // MARK: Helpers

    /// Whether every tone lies at one of the quality's letter distances and sizes above `root`.
    private func isSpelled(from root: Pitch, as quality: ChordQuality) -> Bool {
        pitches.allSatisfy { p in
            let steps = ((p.diatonicNumber - root.diatonicNumber) % 7 + 7) % 7
            let semis = ((p.pitchClass - root.pitchClass) % 12 + 12) % 12
            return quality.members.contains { $0.steps == steps && $0.semitones == semis }
        }
    }

    static func memberIndex(of bass: Pitch, root: Pitch, quality: ChordQuality) -> Int {
        let semis = ((bass.pitchClass - root.pitchClass) % 12 + 12) % 12
        return quality.members.firstIndex { $0.semitones == semis } ?? 0
    }

    /// music21's `_findInversion`: the simple letter distance from bass up to root.
    static func inversion(bassStep: Step, rootStep: Step) -> Int {
        let generic = ((rootStep.rawValue - bassStep.rawValue) % 7 + 7) % 7 + 1
        return [1: 0, 6: 1, 4: 2, 2: 3, 7: 4, 5: 5, 3: 6][generic] ?? 0
    }

    /// music21's `_findRoot`, on pitches in the chord's order (low to high).
    static func spelledRoot(of pitches: [Pitch], writtenBass: Pitch?) -> Pitch? {
        var seenSteps = Set<Step>()
        let unique = pitches.filter { seenSteps.insert($0.step).inserted }
        guard let first = pitches.first else { return nil }
        if unique.count == 1 { return first }
        if unique.count == 7 { return writtenBass ?? first }
        let byStep = Dictionary(uniqueKeysWithValues: unique.map { ($0.step.rawValue, $0) })
        let stepNumbers = byStep.keys.sorted()
        let n = stepNumbers.count
        for start in 0..<n {
            var allThirds = true
            var last = stepNumbers[start]
            for end in (start + 1)..<(start + n) {
                let next = stepNumbers[end % n]
                if next - last != 2 && next - last != -5 { allThirds = false; break }
                last = next
            }
            if allThirds, let root = byStep[stepNumbers[start]] { return root }
        }
        // No perfect stack: score each tone by the chord tones a 3rd, 5th, 7th, 9th (2nd),
        // 11th (4th) and 13th (6th) above it, nearer ones weighing more.
        var bestIndex = 0, bestScore = -1.0
        for (index, p) in unique.enumerated() {
            var score = 0.0
            for (rank, chordStep) in [3, 5, 7, 2, 4, 6].enumerated()
            where byStep[(p.step.rawValue + chordStep - 1) % 7] != nil {
                score += 1 / Double(rank + 6)
            }
            if score > bestScore { bestScore = score; bestIndex = index }
        }
        return unique[bestIndex]
    }
}

/// A chord read as a stack of thirds: its (possibly respelled) root, quality and inversion.
public struct TertianReading: Sendable, Hashable {
    /// The root, spelled so that the chord is a stack of thirds with the fewest accidentals.
    public var root: Pitch
    /// The chord's quality.
    public var quality: ChordQuality
    /// 0 root position, 1 third in the bass, 2 fifth, 3 seventh, 4 ninth.
    public var inversion: Int
}
