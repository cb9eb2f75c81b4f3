extension Quantizer {
    /// Everything the quantizer decides, made explicit.
    ///
    /// The defaults follow music21's MIDI import where it has one (a grid of sixteenths and
    /// eighth-note triplets, a chord window of one sixteenth), except where music21 moves a note
    /// a musician would leave alone (``keepsArpeggios``, and beats kept: see the MIDI article).
    public struct Options: Sendable, Hashable {
        /// Grid subdivisions of a quarter note: each onset snaps to the nearest multiple of `1/d`
        /// for any `d` here, the finer grid winning ties. `[4, 3]` is sixteenths plus eighth-note
        /// triplets; `[4, 6]` adds sixteenth-note triplets. An end snaps to the grids its onset
        /// lies on, so a note's length is a whole number of one grid's steps.
        public var divisors: [Int]
        /// Whether triplet grids (divisors with a factor of three) are used.
        public var allowsTriplets: Bool
        /// A note that starts and ends closer than this many steps of the finest grid to the start
        /// and end of an earlier note joins that note's chord at its onset (music21 uses one step).
        public var chordWindow: Rational
        /// Whether notes of a rolled chord or an arpeggio keep their own onsets: a note more than
        /// 1/16 of a quarter after the first note of a chord window joins that chord only when it
        /// snaps to the same grid point. `false` groups the whole window into one chord, as
        /// music21 does. Either way a note never joins a chord across a beat, and a key never
        /// sounds twice in one chord.
        public var keepsArpeggios: Bool
        /// A note held at most this long (quarter notes) into the next onset of its voice is cut
        /// there (legato overlap) instead of opening another voice.
        public var overlapTolerance: Rational
        /// A silence shorter than this (quarter notes) between two chords of a voice is closed by
        /// holding the first chord longer, when its new length is still whole steps of its grid
        /// (so a quantized end that falls just short of the next onset leaves no tiny rest).
        public var gapTolerance: Rational
        /// The most voices a staff gets; beyond it the earliest-ending voice is cut short.
        public var maximumVoices: Int
        /// When a file's notes sit in one track, whether they need two staves is judged around
        /// this key (see ``Quantizer``); several piano tracks lying at or above it go on top.
        public var splitPitch: Int
        /// How a one-track piano file's notes are shared between the staves: by musical cost
        /// (the default), or at a fixed key with ``HandSeparation/splitPoint(_:)``.
        public var handSeparation: HandSeparation
        /// A key to spell in, overriding the file's key signature and the estimate.
        public var key: Key?
        /// A time signature to bar in, overriding the file's.
        public var timeSignature: TimeSignature?

        /// Creates options; see each property for its meaning.
        public init(divisors: [Int] = [4, 3], allowsTriplets: Bool = true, chordWindow: Rational = 1,
                    overlapTolerance: Rational = Rational(1, 4), gapTolerance: Rational = Rational(1, 4), maximumVoices: Int = 4, splitPitch: Int = 60,
                    key: Key? = nil, timeSignature: TimeSignature? = nil, keepsArpeggios: Bool = true,
                    handSeparation: HandSeparation = .musicalCost) {
            self.keepsArpeggios = keepsArpeggios
            self.handSeparation = handSeparation
            self.divisors = divisors
            self.allowsTriplets = allowsTriplets
            self.chordWindow = chordWindow
            self.overlapTolerance = overlapTolerance
            self.gapTolerance = gapTolerance
            self.maximumVoices = maximumVoices
            self.splitPitch = splitPitch
            self.key = key
            self.timeSignature = timeSignature
        }

        /// The divisors in use: positive, de-duplicated, finest first, triplets removed when not
        /// allowed (falling back to sixteenths if nothing is left).
        public var effectiveDivisors: [Int] {
            var result = Array(Set(divisors.filter { $0 > 0 && $0 <= 64 && (allowsTriplets || $0 % 3 != 0) }))
            result.sort(by: >)
            return result.isEmpty ? [4] : result
        }

        /// The chord window in quarter notes.
        public var chordWindowLength: Rational {
            Rational(1, effectiveDivisors[0]) * (chordWindow > 0 ? chordWindow : .zero)
        }
    }
}
