extension ChordSymbol {
    /// A chord symbol's quality: every value of MusicXML 4.0's `<kind>`. The raw value is the
    /// MusicXML name.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case major, minor, augmented, diminished, dominant
        case majorSeventh = "major-seventh", minorSeventh = "minor-seventh"
        case diminishedSeventh = "diminished-seventh", augmentedSeventh = "augmented-seventh"
        case halfDiminished = "half-diminished", majorMinor = "major-minor"
        case majorSixth = "major-sixth", minorSixth = "minor-sixth"
        case dominantNinth = "dominant-ninth", majorNinth = "major-ninth", minorNinth = "minor-ninth"
        case dominant11th = "dominant-11th", major11th = "major-11th", minor11th = "minor-11th"
        case dominant13th = "dominant-13th", major13th = "major-13th", minor13th = "minor-13th"
        case suspendedSecond = "suspended-second", suspendedFourth = "suspended-fourth"
        case neapolitan = "Neapolitan", italian = "Italian", french = "French", german = "German"
        case pedal, power
        case tristan = "Tristan"
        /// A chord spelled by its ``ChordSymbol/degrees`` alone (or a kind MusicXML does not list).
        case other
        /// No chord (`N.C.`).
        case none

        /// The chord's degrees above the root as (degree, alteration) pairs, as music21's
        /// `harmony.CHORD_TYPES` spells them: a dominant seventh is 1, 3, 5, ♭7.
        public var degrees: [(degree: Int, alter: Int)] {
            Kind.table[self]!.degrees
        }

        /// The usual figure suffix: `""` for major, `"m7"`, `"maj9"`, `"sus4"`, `"N.C."` for none.
        public var abbreviation: String { Kind.table[self]!.abbreviation }

        private static let table: [Kind: (abbreviation: String, degrees: [(degree: Int, alter: Int)])] = [
            .major: ("", [(1, 0), (3, 0), (5, 0)]),
            .minor: ("m", [(1, 0), (3, -1), (5, 0)]),
            .augmented: ("+", [(1, 0), (3, 0), (5, 1)]),
            .diminished: ("dim", [(1, 0), (3, -1), (5, -1)]),
            .dominant: ("7", [(1, 0), (3, 0), (5, 0), (7, -1)]),
            .majorSeventh: ("maj7", [(1, 0), (3, 0), (5, 0), (7, 0)]),
            .minorSeventh: ("m7", [(1, 0), (3, -1), (5, 0), (7, -1)]),
            .diminishedSeventh: ("dim7", [(1, 0), (3, -1), (5, -1), (7, -2)]),
            .augmentedSeventh: ("+7", [(1, 0), (3, 0), (5, 1), (7, -1)]),
            .halfDiminished: ("m7b5", [(1, 0), (3, -1), (5, -1), (7, -1)]),
            .majorMinor: ("mM7", [(1, 0), (3, -1), (5, 0), (7, 0)]),
            .majorSixth: ("6", [(1, 0), (3, 0), (5, 0), (6, 0)]),
            .minorSixth: ("m6", [(1, 0), (3, -1), (5, 0), (6, 0)]),
            .dominantNinth: ("9", [(1, 0), (3, 0), (5, 0), (7, -1), (9, 0)]),
            .majorNinth: ("maj9", [(1, 0), (3, 0), (5, 0), (7, 0), (9, 0)]),
            .minorNinth: ("m9", [(1, 0), (3, -1), (5, 0), (7, -1), (9, 0)]),
            .dominant11th: ("11", [(1, 0), (3, 0), (5, 0), (7, -1), (9, 0), (11, 0)]),
            .major11th: ("maj11", [(1, 0), (3, 0), (5, 0), (7, 0), (9, 0), (11, 0)]),
            .minor11th: ("m11", [(1, 0), (3, -1), (5, 0), (7, -1), (9, 0), (11, 0)]),
            .dominant13th: ("13", [(1, 0), (3, 0), (5, 0), (7, -1), (9, 0), (11, 0), (13, 0)]),
            .major13th: ("maj13", [(1, 0), (3, 0), (5, 0), (7, 0), (9, 0), (11, 0), (13, 0)]),
            .minor13th: ("m13", [(1, 0), (3, -1), (5, 0), (7, -1), (9, 0), (11, 0), (13, 0)]),
            .suspendedSecond: ("sus2", [(1, 0), (2, 0), (5, 0)]),
            .suspendedFourth: ("sus4", [(1, 0), (4, 0), (5, 0)]),
            // The augmented sixths and the Neapolitan as music21 spells them over the root.
            .neapolitan: ("N6", [(1, 0), (2, -1), (3, 0), (5, -1)]),
            .italian: ("It+6", [(1, 0), (4, 1), (6, -1)]),
            .french: ("Fr+6", [(1, 0), (2, 0), (4, 1), (6, -1)]),
            .german: ("Gr+6", [(1, 0), (3, -1), (4, 1), (6, -1)]),
            .pedal: ("pedal", [(1, 0)]),
            .power: ("5", [(1, 0), (5, 0)]),
            .tristan: ("tristan", [(1, 0), (4, 1), (6, 1), (9, 1)]),
            .other: ("", [(1, 0)]),
            .none: ("N.C.", []),
        ]
    }
}
