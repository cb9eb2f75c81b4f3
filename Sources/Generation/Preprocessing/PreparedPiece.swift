import Notation

/// One corpus piece after preprocessing: its estimated key and its treble and bass token
/// streams in C major / A minor.
public struct PreparedPiece: Sendable, Hashable, Codable {
    /// The file name.
    public var name: String
    /// The key estimated before transposition.
    public var originalKey: Key?
    /// The key after transposition.
    public var key: Key?
    /// Treble-staff tokens.
    public var treble: [Token]
    /// Bass-staff tokens.
    public var bass: [Token]
    /// The first time signature of the piece, if it has one (MIDI files without a meter event
    /// have none: 4/4 is assumed).
    public var meter: TimeSignature?
    /// Where the first treble token starts, in quarter notes from the piece's start (the
    /// leading rests the token stream leaves out); `nil` when unknown (taken as 0).
    public var trebleStart: Rational?
    /// Where the first bass token starts, as ``trebleStart``.
    public var bassStart: Rational?
    /// How many semitones above the corpus's home key (C major / A minor) a copy made by
    /// ``KeyAugmentation`` was moved; `nil` for a piece as it was read.
    public var keyShift: Int?

    /// Creates a prepared piece.
    public init(name: String, originalKey: Key?, key: Key?, treble: [Token], bass: [Token],
                meter: TimeSignature? = nil, trebleStart: Rational? = nil, bassStart: Rational? = nil) {
        self.name = name
        self.originalKey = originalKey
        self.key = key
        self.treble = treble
        self.bass = bass
        self.meter = meter
        self.trebleStart = trebleStart
        self.bassStart = bassStart
    }

    /// The onset of a clef's first token (0 when unknown).
    public func start(_ clef: ClefStream) -> Rational { (clef == .treble ? trebleStart : bassStart) ?? .zero }

    /// The conditioning values of every element of `clef`: the next onset's place in the bar
    /// and the other hand's sounding pitches there (see ``HandConditioning``).
    public func conditioning(_ clef: ClefStream) -> [Float] {
        let other: ClefStream = clef == .treble ? .bass : .treble
        return HandConditioning.values(hand: clef, tokens: tokens(clef), start: start(clef),
                                       other: tokens(other), otherStart: start(other), meter: meter ?? .commonTime,
                                       keyShift: keyShift ?? 0)
    }

    /// The tokens of one clef.
    public func tokens(_ clef: ClefStream) -> [Token] { clef == .treble ? treble : bass }
}
