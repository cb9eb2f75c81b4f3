/// One vertical slice of a score (a span in which no note starts or ends) with its key and
/// chord names.
public struct HarmonicSlice: Sendable, Hashable {
    /// Quarter notes from the start of the piece.
    public var offset: Rational
    /// Quarter notes the slice lasts.
    public var length: Rational
    /// Its measure and beat (in the top staff's bars).
    public var position: MeasurePosition
    /// The distinct sounding pitches, low to high (empty for a rest).
    public var pitches: [Pitch]
    /// Each voice's sounding pitch (its top pitch when it has a chord), indexed as
    /// ``HarmonicAnalysis/voices``; `nil` where a voice is silent.
    public var voicePitches: [Pitch?]
    /// Whether a note with a fermata starts here.
    public var hasFermata: Bool
    /// The key the chord is named in, `nil` for a rest.
    public var key: Key?
    /// All the pitches named in ``key`` exactly as music21's `romanNumeralFromChord` names them,
    /// passing and neighbour tones included; `nil` for a rest.
    public var roman: RomanNumeral?
    /// The pitches left out as non-chord tones (see ``HarmonicAnalysis``), low to high.
    public var nonChordTones: [Pitch]
    /// The chord tones named in ``key`` — ``roman`` when there are no non-chord tones; `nil`
    /// for a rest.
    public var harmony: RomanNumeral?
    /// Whether the chord tones are a triad or seventh chord (complete, or without its fifth);
    /// false for rests, bare fifths and octaves, clusters that no rule reduces.
    public var isRecognisedChord: Bool
}
