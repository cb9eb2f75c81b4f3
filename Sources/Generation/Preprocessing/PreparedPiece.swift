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

    /// Creates a prepared piece.
    public init(name: String, originalKey: Key?, key: Key?, treble: [Token], bass: [Token]) {
        self.name = name
        self.originalKey = originalKey
        self.key = key
        self.treble = treble
        self.bass = bass
    }

    /// The tokens of one clef.
    public func tokens(_ clef: ClefStream) -> [Token] { clef == .treble ? treble : bass }
}
