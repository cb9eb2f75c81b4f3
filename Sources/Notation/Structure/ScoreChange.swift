/// A clef, key signature, meter, tempo or chord symbol that takes effect at a point in a
/// score, with where: its part and staff (or all of them), and its measure and beat.
///
/// ``Score/changes`` lists them in time order.
///
/// ```swift
/// for change in score.changes {
///     print(change.position.measureName, change.position.beat, change.kind)
/// }
/// // 1 1 clef treble
/// // 1 1 meter 3/4
/// // 9 1 key Bb major
/// // 9 3 tempo quarter=80
/// ```
public struct ScoreChange: Sendable, Hashable {
    /// What changes.
    ///
    /// Cases are in the order they are listed at one point in time, which is the order they are
    /// printed at a barline: clef, key signature, time signature; then tempo and chord symbol.
    public enum Kind: Sendable, Hashable, CustomStringConvertible {
        /// A clef (the staff's first clef, or a change at the start of a measure).
        case clef(Clef)
        /// A key signature, with the key when the file states its mode.
        case key(KeySignature, Key?)
        /// A time signature.
        case meter(TimeSignature)
        /// A metronome mark.
        case tempo(Tempo)
        /// A chord symbol (a ``Direction/Kind/chordSymbol(_:)`` direction).
        case chordSymbol(ChordSymbol)

        /// `"clef bass"`, `"key Eb major"` (`"key 3 flats"` without a mode), `"meter 6/8"`,
        /// `"tempo quarter=90"`, `"chord Bb dominant/D"`.
        public var description: String {
            switch self {
            case .clef(let clef): return "clef \(clef)"
            case .key(let signature, let key): return "key " + (key?.description ?? signature.description)
            case .meter(let meter): return "meter \(meter)"
            case .tempo(let tempo): return "tempo \(tempo)"
            case .chordSymbol(let symbol):
                return "chord \(symbol.root?.name ?? symbol.function ?? "N.C.") \(symbol.kind.rawValue)"
                    + (symbol.bass.map { "/" + $0.name } ?? "")
            }
        }

        /// Whether this is a clef, which belongs to one staff and is never merged.
        var isClef: Bool { if case .clef = self { true } else { false } }

        /// The order of kinds at one point in time.
        var rank: Int {
            switch self {
            case .clef: return 0
            case .key: return 1
            case .meter: return 2
            case .tempo: return 3
            case .chordSymbol: return 4
            }
        }
    }

    /// What changes.
    public var kind: Kind
    /// Index of the part in the score (0-based), or `nil` when every part states the change
    /// (a meter usually is). A clef always names its part.
    public var part: Int?
    /// The staff (1-based), or `nil` when the change is stated on every staff of its part (or
    /// of every part). A clef always names its staff.
    public var staff: Int?
    /// Its measure, offset in the measure and beat.
    public var position: MeasurePosition

    /// Creates a change.
    public init(kind: Kind, part: Int?, staff: Int?, position: MeasurePosition) {
        self.kind = kind
        self.part = part
        self.staff = staff
        self.position = position
    }

    /// Quarter notes from the start of the piece.
    public var offset: Rational { position.offset }
}
