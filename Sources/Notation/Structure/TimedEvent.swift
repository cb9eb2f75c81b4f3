/// A sound (or silence) at an absolute time with any length: the raw material from which
/// ``MeasureBuilder`` makes notated measures.
///
/// MIDI import, quantization and generation produce `TimedEvent`s; their lengths need not be
/// representable by a single note and they may cross barlines.
public struct TimedEvent: Sendable, Hashable, Codable {
    /// Quarter notes from the start of the piece.
    public var offset: Rational
    /// Length in quarter notes (positive).
    public var length: Rational
    /// The pitches: none for a rest, one for a note, several for a chord.
    public var pitches: [Pitch]
    /// MIDI velocity, if known.
    public var velocity: Int?
    /// The voice to put it in.
    public var voice: String

    /// Creates a timed event.
    public init(offset: Rational, length: Rational, pitches: [Pitch], velocity: Int? = nil, voice: String = "1") {
        self.offset = offset
        self.length = length
        self.pitches = pitches
        self.velocity = velocity
        self.voice = voice
    }

    /// Where it ends.
    public var end: Rational { offset + length }
}
