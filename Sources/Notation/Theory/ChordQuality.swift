/// The quality of a tertian chord, whatever its spelling, voicing or inversion.
///
/// This is the musician's answer, independent of how the notes are spelled: C–D♯–G–A♯ is a
/// ``minorSeventh`` on C. For music21's spelling-strict names (which call that chord an
/// "enharmonic equivalent to minor seventh chord") see ``Chord/Music21/commonName``.
public enum ChordQuality: String, Sendable, Hashable, Codable, CaseIterable {
    /// Root, major third, perfect fifth (C–E–G).
    case majorTriad
    /// Root, minor third, perfect fifth (C–E♭–G).
    case minorTriad
    /// Root, minor third, diminished fifth (C–E♭–G♭).
    case diminishedTriad
    /// Root, major third, augmented fifth (C–E–G♯).
    case augmentedTriad
    /// Major triad with a minor seventh (C–E–G–B♭).
    case dominantSeventh
    /// Major triad with a major seventh (C–E–G–B).
    case majorSeventh
    /// Minor triad with a minor seventh (C–E♭–G–B♭).
    case minorSeventh
    /// Diminished triad with a minor seventh (C–E♭–G♭–B♭).
    case halfDiminishedSeventh
    /// Diminished triad with a diminished seventh (C–E♭–G♭–B♭♭).
    case diminishedSeventh
    /// Minor triad with a major seventh (C–E♭–G–B).
    case minorMajorSeventh
    /// Augmented triad with a major seventh (C–E–G♯–B).
    case augmentedMajorSeventh
    /// Dominant seventh with a major ninth (C–E–G–B♭–D).
    case dominantNinth
    /// Major seventh with a major ninth (C–E–G–B–D).
    case majorNinth
    /// Minor seventh with a major ninth (C–E♭–G–B♭–D).
    case minorNinth

    /// The chord members above the root: (letter steps, semitones), root first.
    ///
    /// Ninths are written as seconds (one letter step) so that every member lies within an
    /// octave of the root.
    public var members: [(steps: Int, semitones: Int)] {
        switch self {
        case .majorTriad: return [(0, 0), (2, 4), (4, 7)]
        case .minorTriad: return [(0, 0), (2, 3), (4, 7)]
        case .diminishedTriad: return [(0, 0), (2, 3), (4, 6)]
        case .augmentedTriad: return [(0, 0), (2, 4), (4, 8)]
        case .dominantSeventh: return [(0, 0), (2, 4), (4, 7), (6, 10)]
        case .majorSeventh: return [(0, 0), (2, 4), (4, 7), (6, 11)]
        case .minorSeventh: return [(0, 0), (2, 3), (4, 7), (6, 10)]
        case .halfDiminishedSeventh: return [(0, 0), (2, 3), (4, 6), (6, 10)]
        case .diminishedSeventh: return [(0, 0), (2, 3), (4, 6), (6, 9)]
        case .minorMajorSeventh: return [(0, 0), (2, 3), (4, 7), (6, 11)]
        case .augmentedMajorSeventh: return [(0, 0), (2, 4), (4, 8), (6, 11)]
        case .dominantNinth: return [(0, 0), (2, 4), (4, 7), (6, 10), (1, 2)]
        case .majorNinth: return [(0, 0), (2, 4), (4, 7), (6, 11), (1, 2)]
        case .minorNinth: return [(0, 0), (2, 3), (4, 7), (6, 10), (1, 2)]
        }
    }

    /// The conventional English name: `"major triad"`, `"half-diminished seventh chord"`,
    /// `"minor-major seventh chord"`, `"dominant ninth chord"`.
    public var name: String {
        switch self {
        case .majorTriad: return "major triad"
        case .minorTriad: return "minor triad"
        case .diminishedTriad: return "diminished triad"
        case .augmentedTriad: return "augmented triad"
        case .dominantSeventh: return "dominant seventh chord"
        case .majorSeventh: return "major seventh chord"
        case .minorSeventh: return "minor seventh chord"
        case .halfDiminishedSeventh: return "half-diminished seventh chord"
        case .diminishedSeventh: return "diminished seventh chord"
        case .minorMajorSeventh: return "minor-major seventh chord"
        case .augmentedMajorSeventh: return "augmented major seventh chord"
        case .dominantNinth: return "dominant ninth chord"
        case .majorNinth: return "major ninth chord"
        case .minorNinth: return "minor ninth chord"
        }
    }

    /// The quality whose pitch classes, measured from a root, are exactly `intervals`
    /// (a set of semitone offsets 0…11 that contains 0).
    static func matching(_ intervals: Set<Int>) -> ChordQuality? {
        allCases.first { quality in Set(quality.members.map(\.semitones)) == intervals }
    }
}
