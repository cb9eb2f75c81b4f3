/// A chord's pitches read by letter names from music21's root, as music21's `Chord` methods
/// used by `romanNumeralFromChord` see them.
struct ChordSpelling {
    let pitches: [Pitch]
    let root: Pitch
    let bass: Pitch

    init?(_ pitches: [Pitch]) {
        guard let first = pitches.first else { return nil }
        let bass = pitches.min { ($0.diatonicNumber, $0.midi) < ($1.diatonicNumber, $1.midi) } ?? first
        guard let root = Chord.spelledRoot(of: pitches, writtenBass: bass) else { return nil }
        self.pitches = pitches
        self.root = root
        self.bass = bass
    }

    func chordStep(_ p: Pitch) -> Int { ((p.step.rawValue - root.step.rawValue) % 7 + 7) % 7 + 1 }

    /// The index of the first pitch that is this chord step (3, 5, 7) above the root.
    func index(ofChordStep step: Int) -> Int? { pitches.firstIndex { chordStep($0) == step } }

    /// Semitones (mod 12) from the root up to that chord step.
    func semitones(_ step: Int) -> Int? {
        index(ofChordStep: step).map { ((pitches[$0].pitchClass - root.pitchClass) % 12 + 12) % 12 }
    }

    var pitchClassCount: Int { Set(pitches.map(\.pitchClass)).count }

    /// Two spellings of one pitch class (C♯ and D♭).
    var hasEnharmonicSpellings: Bool {
        var names: [Int: Set<String>] = [:]
        for p in pitches { names[p.pitchClass, default: []].insert(p.nameWithoutOctave) }
        return names.values.contains { $0.count > 1 }
    }

    /// music21's `isMajorTriad` and kin: three letter names, a third and a fifth of these sizes.
    func isTriad(third: Int, fifth: Int) -> Bool {
        Set(pitches.map(\.nameWithoutOctave)).count == 3 && !hasEnharmonicSpellings
            && semitones(3) == third && semitones(5) == fifth
    }

    /// music21's `isSeventh`: four distinct pitch names, among them a third, fifth and seventh.
    var isSeventh: Bool {
        Set(pitches.map(\.nameWithoutOctave)).count == 4
            && index(ofChordStep: 3) != nil && index(ofChordStep: 5) != nil && index(ofChordStep: 7) != nil
    }

    func isSeventh(ofType semitones: Set<Int>) -> Bool {
        isSeventh && pitches.allSatisfy { semitones.contains((($0.pitchClass - root.pitchClass) % 12 + 12) % 12) }
    }

    /// music21's `isAugmentedSixth(permitAnyInversion: true)`: Italian, French, German or Swiss
    /// by the letter distances and sizes of third, fifth and seventh above the root.
    var isAugmentedSixth: Bool {
        guard !hasEnharmonicSpellings else { return false }
        func member(_ step: Int, _ semis: Int) -> Bool { semitones(step) == semis }
        switch pitchClassCount {
        case 3:
            return member(3, 2) && member(5, 6)
        case 4:
            return (member(3, 4) && member(5, 6) && member(7, 10))   // French
                || (member(3, 2) && member(5, 6) && member(7, 9))    // German
                || (member(3, 3) && member(5, 5) && member(7, 9))    // Swiss
        default:
            return false
        }
    }
}
