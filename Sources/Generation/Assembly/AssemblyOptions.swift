import Notation

/// Key, meter, tempo and titles of a generated piece.
public struct AssemblyOptions: Sendable, Hashable, Codable {
    /// The key to write the piece in (default C major).
    public var key: Key
    /// Quarter notes per minute (default 90).
    public var tempo: Double
    /// The meter (default 4/4).
    public var timeSignature: TimeSignature
    /// The title.
    public var title: String
    /// The composer credit.
    public var composer: String

    /// Creates options.
    public init(key: Key = .cMajor, tempo: Double = 90, timeSignature: TimeSignature = .commonTime,
                title: String = "Recomposed", composer: String = "Recompose") {
        self.key = key
        self.tempo = tempo
        self.timeSignature = timeSignature
        self.title = title
        self.composer = composer
    }
}
