/// One bar of one staff: its voices, and the key, meter and clef that start in it.
///
/// A measure's ``length`` is how much time it takes in the piece. It is usually the time
/// signature's bar length, but pickups and other incomplete bars are shorter.
public struct Measure: Sendable, Hashable, Codable {
    /// The bar number as printed (a pickup is usually 0).
    public var number: Int
    /// The bar number text when it is not a plain integer (`"12a"`), else `nil`.
    public var label: String?
    /// Time the bar takes, in quarter notes.
    public var length: Rational
    /// A key signature change at the start of this bar (or the first bar's key).
    public var key: Key?
    /// A key signature given without a mode.
    public var keySignature: KeySignature?
    /// A time signature change at the start of this bar.
    public var timeSignature: TimeSignature?
    /// A clef change at the start of this bar.
    public var clef: Clef?
    /// The voices, in document order.
    public var voices: [Voice]
    /// Tempo marks, dynamics and text at points in the bar.
    public var directions: [Direction]
    /// Repeat signs, volta brackets and styled barlines at the bar's edges (empty for plain
    /// barlines), and barlines inside the bar (``Barline/Location/middle``, at their offset).
    public var barlines: [Barline] = []
    /// In a score played out by ``Score/unfolded()``, the ``number`` this bar had in the
    /// written score (``number`` then counts the bars as played); `nil` elsewhere.
    public var originalNumber: Int?

    /// Creates a measure.
    public init(number: Int, length: Rational, voices: [Voice] = [], key: Key? = nil,
                keySignature: KeySignature? = nil, timeSignature: TimeSignature? = nil, clef: Clef? = nil,
                directions: [Direction] = [], label: String? = nil) {
        self.number = number
        self.length = length
        self.voices = voices
        self.key = key
        self.keySignature = keySignature ?? key?.signature
        self.timeSignature = timeSignature
        self.clef = clef
        self.directions = directions
        self.label = label
    }

    /// Whether the voices fill the bar exactly: every voice ends at ``length`` with no gap.
    public var isComplete: Bool {
        !voices.isEmpty && voices.allSatisfy { voice in
            var cursor = Rational.zero
            for element in voice.elements {
                if element.offset != cursor { return false }
                cursor = element.end
            }
            return cursor == length
        }
    }
}
