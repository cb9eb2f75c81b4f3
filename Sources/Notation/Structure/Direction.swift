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
        /// A crescendo or diminuendo hairpin's start, end or continuation.
        case wedge(Wedge)
        /// A piano pedal mark: down, up, or a change.
        case pedal(Pedal)
        /// An 8va/8vb line's start, end or continuation.
        case octaveShift(OctaveShift)
        /// A dashed line's start, end or continuation (after "cresc.", "rit.", …).
        case dashes(Dashes)
        /// A bracket line's start, end or continuation.
        case bracket(Bracket)
        /// A segno sign, the target of a D.S.
        case segno
        /// A coda sign.
        case coda
        /// A rehearsal mark with its printed text, such as `"A"` or `"12"`.
        case rehearsal(String)
        /// Any other mark, by name.
        case other(String)
        /// A chord symbol (MusicXML `<harmony>`), such as `Bb7/D`.
        case chordSymbol(ChordSymbol)
        /// Playback jumps and their targets (MusicXML `<sound dacapo="yes">` and the like).
        case playback(Playback)
        /// Figured bass under the bass note at this point (MusicXML `<figured-bass>`).
        case figuredBass(FiguredBass)
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
