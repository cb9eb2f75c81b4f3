/// A mark placed at a point in a measure that is not a note: tempo, dynamics, words, ….
public struct Direction: Sendable, Hashable, Codable {
    /// What the direction says.
    public enum Kind: Sendable, Hashable, Codable {
        /// A metronome mark.
        case tempo(Tempo)
        /// A dynamic such as `"p"`, `"ff"`, `"sfz"`.
        case dynamic(String)
        /// Free text such as "dolce".
        case words(String)
        /// The start or end of a crescendo or diminuendo hairpin.
        case wedge(String)
        /// A sustain-pedal mark: `"start"`, `"stop"`, `"change"`.
        case pedal(String)
        /// An 8va/8vb line: size in octaves and whether it starts or stops.
        case octaveShift(size: Int, type: String)
        /// A rehearsal mark or segno/coda, by name.
        case other(String)
        /// A chord symbol (MusicXML `<harmony>`), such as `Bb7/D`.
        case chordSymbol(ChordSymbol)
        /// Playback jumps and their targets (MusicXML `<sound dacapo="yes">` and the like).
        case playback(Playback)
    }

    /// Quarter notes from the measure's start.
    public var offset: Rational
    /// The staff it belongs to (1-based), if stated.
    public var staff: Int?
    /// The mark.
    public var kind: Kind

    /// Creates a direction.
    public init(offset: Rational, staff: Int? = nil, kind: Kind) {
        self.offset = offset
        self.staff = staff
        self.kind = kind
    }
}
