// music21-compatibility names (Chord.music21), kept apart from the model's own theory API.

extension Chord {
    /// music21's names for this chord: ``Music21/commonName`` and
    /// ``Music21/pitchedCommonName``.
    public var music21: Music21 { Music21(chord: self) }

    /// A chord seen through music21's names: the compatibility adapter for the parity tools.
    ///
    /// music21 is the reference this project checks its theory against
    /// (`Scripts/parity/theory.sh`), and a few of its answers only make sense as music21's: its
    /// `commonName` reads a chord strictly by spelling (C–D♯–G–A♯ is an "enharmonic equivalent to
    /// minor seventh chord") and comes from Solomon's set-class table (`"quartal trichord"`,
    /// `"dominant-ninth"`). Those names live here, behind ``Chord/music21``, apart from the names a
    /// musician reaches for first — ``Chord/quality`` and ``ChordQuality/name``, ``Interval/name``
    /// and ``Interval/niceName`` (which already spells intervals as music21's `niceName` does).
    ///
    /// ```swift
    /// let c = Chord([try Pitch("E4"), try Pitch("G4"), try Pitch("C5")])
    /// c.music21.commonName          // "major triad"
    /// c.music21.pitchedCommonName   // "C-major triad"
    /// c.quality?.name               // "major triad": the musician's name, whatever the spelling
    /// ```
    ///
    /// music21's `root()` and `inversion()` are ``Chord/spelledRoot`` and
    /// ``Chord/spelledInversion``, and its `normalOrder` is ``Chord/normalOrderLabel``: they are
    /// part of ``Chord``'s own reading and stay there.
    public struct Music21: Sendable {
        /// The chord named.
        public let chord: Chord

        /// music21's `commonName`, reproduced exactly, or `nil` for sets this model has no name
        /// table for (five or more pitch classes other than the ninth chords).
        ///
        /// One pitch class: `"note"`, `"unison"`, an interval name (`"Perfect Octave"`),
        /// `"multiple octaves"`, `"enharmonic unison"`, `"enharmonic octaves"`. Two: the
        /// interval's name (`"Major Third"`, `"Major Tenth"`, `"Major Third with octave
        /// doublings"`, or `"4 semitones"` when a class is spelled two ways). Three or more: the
        /// set's name from music21's table (`"major triad"`, `"dominant seventh chord"`,
        /// `"quartal trichord"`, `"minor-augmented tetrachord"`, `"dominant-ninth"`), prefixed
        /// `"enharmonic equivalent to "` when the set is a common tertian chord spelled otherwise
        /// (`"enharmonic to dominant seventh chord"` for that set), and augmented-sixth names for
        /// their spellings.
        public var commonName: String? {
            let pitches = chord.pitches
            let pcs = chord.pitchClassSet
            let names = Set(pitches.map(\.nameWithoutOctave))
            let midis = Set(pitches.map(\.midi))
            switch pcs.cardinality {
            case 0:
                return nil
            case 1:
                if pitches.count == 1 { return "note" }
                if names.count == 1 {
                    if midis.count == 1 { return "unison" }
                    if midis.count == 2 { return Interval(from: pitches[0], to: pitches[1]).niceName }
                    return "multiple octaves"
                }
                return midis.count == 1 ? "enharmonic unison" : "enharmonic octaves"
            case 2:
                let first = pitches[0]
                guard let other = pitches.first(where: { $0.pitchClass != first.pitchClass }) else { return nil }
                let relevant = Interval(from: first, to: other)
                if names.count > 2 {
                    let semis = abs(relevant.semitones) % 12
                    return "\(semis) semitone" + (semis == 1 ? "" : "s")
                }
                if midis.count > 2 { return relevant.simplified.niceName + " with octave doublings" }
                return Interval(from: pitches[0], to: pitches[1]).niceName
            default:
                break
            }
            guard let entry = Music21ChordNameTable.entries[pcs.transposedNormalForm], let name = entry.names.first else {
                return nil
            }
            let facts = SpelledFacts(chord)
            switch entry.forte {
            case "4-27B":
                if facts.isSeventh(ofType: [0, 4, 7, 10]) { return name }
                if facts.isAugmentedSixth(entry.forte, inversion: 1, any: false, Music21.germanChecks) { return entry.names[2] }
                if facts.isAugmentedSixth(entry.forte, inversion: 1, any: true, Music21.germanChecks) {
                    return entry.names[2] + " in " + facts.inversionText
                }
                if facts.isAugmentedSixth(entry.forte, inversion: 2, any: false, Music21.swissChecks) { return entry.names[3] }
                if facts.isAugmentedSixth(entry.forte, inversion: 2, any: true, Music21.swissChecks) {
                    return entry.names[3] + " in " + facts.inversionText
                }
                return "enharmonic to " + name
            case "4-25":
                if facts.isAugmentedSixth(entry.forte, inversion: 2, any: false, Music21.frenchChecks) { return entry.names[1] }
                if facts.isAugmentedSixth(entry.forte, inversion: 2, any: true, Music21.frenchChecks) {
                    return entry.names[1] + " in " + facts.inversionText
                }
                return name
            case "3-8A":
                if facts.isAugmentedSixth(entry.forte, inversion: 1, any: false, Music21.italianChecks) { return entry.names[1] }
                if facts.isAugmentedSixth(entry.forte, inversion: 1, any: true, Music21.italianChecks) {
                    return entry.names[1] + " in " + facts.inversionText
                }
                return name
            case "4-20", "4-26":
                return facts.isSeventhWithPerfectFifthsAboveRootAndThird ? name : "enharmonic equivalent to " + name
            case "3-11A": return facts.isTriad(thirdSemitones: 3, fifthSemitones: 7) ? name : "enharmonic equivalent to " + name
            case "3-11B": return facts.isTriad(thirdSemitones: 4, fifthSemitones: 7) ? name : "enharmonic equivalent to " + name
            case "3-10": return facts.isTriad(thirdSemitones: 3, fifthSemitones: 6) ? name : "enharmonic equivalent to " + name
            case "3-12": return facts.isTriad(thirdSemitones: 4, fifthSemitones: 8) ? name : "enharmonic equivalent to " + name
            case "4-27A": return facts.isSeventh(ofType: [0, 3, 6, 10]) ? name : "enharmonic equivalent to " + name
            case "4-28": return facts.isSeventh(ofType: [0, 3, 6, 9]) ? name : "enharmonic equivalent to " + name
            case "5-27A", "5-27B", "5-34": return facts.isNinth ? name : "enharmonic equivalent to " + name
            default: return name
            }
        }

        /// music21's `pitchedCommonName`: the root's name before the common name for chords of
        /// three or more classes (`"C-major triad"`, `"Bb-dominant seventh chord"`), the bass's
        /// after it for dyads, octaves and enharmonic spellings (`"Major Third above C"`,
        /// `"enharmonic equivalent to minor seventh chord above C"`), the pitch's name alone for
        /// a single note or unison. Flats are written `b`. `nil` where ``commonName`` is.
        public var pitchedCommonName: String? {
            guard let name = commonName, let bass = chord.writtenBass, let first = chord.pitches.first else { return nil }
            if name == "note" || name == "unison" { return first.nameWithoutOctave }
            if chord.pitchClassSet.cardinality <= 2 || name.contains("enharmonic") || name.contains(" semitone") {
                return "\(name) above \(bass.nameWithoutOctave)"
            }
            guard let root = chord.spelledRoot else { return nil }
            return "\(root.nameWithoutOctave)-\(name)"
        }

        /// The intervals from the root that music21's `_isAugmentedSixthHelper` allows for the third,
        /// fifth and seventh of each augmented-sixth chord (`-` marks a descending interval).
        static let italianChecks: [[String]] = [["d3", "A-6"], ["d5", "A-4"]]
        static let germanChecks: [[String]] = [["d3", "A-6"], ["d5", "A-4"], ["d7", "A-2"]]
        static let frenchChecks: [[String]] = [["M3", "m-6"], ["d5", "A-4"], ["m7", "M-2"]]
        static let swissChecks: [[String]] = [["m3", "M-6"], ["dd5", "AA-4"], ["d7", "A-2"]]
    }
}

/// The spelling-strict facts music21's name tests rely on, computed once per chord.
private struct SpelledFacts {
    let pitches: [Pitch]
    let root: Pitch?
    let names: Set<String>
    let hasEnharmonicSpellings: Bool
    let writtenBass: Pitch?

    init(_ chord: Chord) {
        pitches = chord.pitches
        writtenBass = chord.writtenBass
        root = chord.spelledRoot
        names = Set(pitches.map(\.nameWithoutOctave))
        hasEnharmonicSpellings = chord.pitchClassSet.cardinality != names.count
    }

    /// music21's `getChordStep`: the first tone `step` letters (1-based) above the root.
    func member(_ step: Int) -> Pitch? {
        guard let root else { return nil }
        let wanted = step >= 8 ? step - 7 : step
        return pitches.first { (($0.diatonicNumber - root.diatonicNumber) % 7 + 7) % 7 + 1 == wanted }
    }

    var third: Pitch? { member(3) }
    var fifth: Pitch? { member(5) }
    var seventh: Pitch? { member(7) }

    func semitonesAboveRoot(_ p: Pitch) -> Int {
        guard let root else { return 0 }
        return ((p.pitchClass - root.pitchClass) % 12 + 12) % 12
    }

    /// music21's `_checkTriadType` after the set-class test.
    func isTriad(thirdSemitones: Int, fifthSemitones: Int) -> Bool {
        guard names.count == 3, let third, let fifth, !hasEnharmonicSpellings else { return false }
        return semitonesAboveRoot(third) == thirdSemitones && semitonesAboveRoot(fifth) == fifthSemitones
    }

    var isSeventh: Bool { names.count == 4 && third != nil && fifth != nil && seventh != nil }

    func isSeventh(ofType semitones: Set<Int>) -> Bool {
        isSeventh && pitches.allSatisfy { semitones.contains(semitonesAboveRoot($0)) }
    }

    var isNinth: Bool { names.count == 5 && third != nil && fifth != nil && seventh != nil && member(2) != nil }

    var isSeventhWithPerfectFifthsAboveRootAndThird: Bool {
        guard isSeventh, let root, let third,
              let fifthAboveRoot = try? root.transposed(by: Interval(diatonicSteps: 4, semitones: 7)),
              let fifthAboveThird = try? third.transposed(by: Interval(diatonicSteps: 4, semitones: 7))
        else { return false }
        return names.contains(fifthAboveRoot.nameWithoutOctave) && names.contains(fifthAboveThird.nameWithoutOctave)
    }

    var inversion: Int? {
        guard let bass = writtenBass, let root else { return nil }
        return Chord.inversion(bassStep: bass.step, rootStep: root.step)
    }

    /// music21's `inversionText()`, lower-cased.
    var inversionText: String {
        guard let inversion else { return "unknown position" }
        let ordinals = ["root position", "first inversion", "second inversion", "third inversion",
                        "fourth inversion", "fifth inversion", "sixth inversion"]
        return ordinals[inversion]
    }

    /// music21's `_isAugmentedSixthHelper` (the set class is already known to match).
    func isAugmentedSixth(_ forte: String, inversion required: Int, any: Bool, _ checks: [[String]]) -> Bool {
        guard !hasEnharmonicSpellings, let root else { return false }
        if !any && inversion != required { return false }
        let members = [third, fifth, seventh]
        for (index, allowed) in checks.enumerated() {
            guard let tone = members[index] else { return false }
            let interval = Interval(from: root, to: tone)
            let simple = interval.simplified
            let name = interval.quality.abbreviation + (interval.isDescending ? "-" : "") + String(simple.simpleSize)
            if !allowed.contains(name) { return false }
        }
        return true
    }
}
