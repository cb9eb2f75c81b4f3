extension ChordSymbol {
    /// A degree added to, altered in or removed from a chord symbol's kind (MusicXML
    /// `<degree>`): the ♭9 of `C7♭9` is `Degree(9, alter: -1, .add)`.
    public struct Degree: Sendable, Hashable, Codable {
        /// What the degree does to the chord.
        public enum Operation: String, Sendable, Hashable, Codable {
            /// A note the kind does not have (`add9`, `♭9` on a seventh chord).
            case add
            /// A note of the kind, raised or lowered (`♭5` on a seventh chord).
            case alter
            /// A note of the kind left out (`omit3`).
            case subtract
        }

        /// The degree above the root: 1 … 13 (9 is the second an octave up).
        public var value: Int
        /// Semitones from the degree's major-scale note (−1 for ♭9) — for an altered degree the
        /// change from the kind's note, as MusicXML has it.
        public var alter: Int
        /// Add, alter or subtract.
        public var operation: Operation

        /// Creates a degree.
        public init(_ value: Int, alter: Int = 0, _ operation: Operation) {
            self.value = value
            self.alter = alter
            self.operation = operation
        }
    }
}
