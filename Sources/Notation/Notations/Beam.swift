/// One beam level on one note: a segment of the horizontal bar joining short notes.
///
/// Level 1 is the eighth-note beam, 2 the sixteenth, and so on (MusicXML `<beam number>`).
public struct Beam: Sendable, Hashable, Codable {
    /// The segment's shape at this note. Raw values are MusicXML's `beam-value`.
    public enum Value: String, Sendable, Hashable, Codable, CaseIterable {
        case begin, `continue`, end
        /// A hook pointing right, to a later note (music21 `partial`/`right`).
        case forwardHook = "forward hook"
        /// A hook pointing left, to an earlier note (music21 `partial`/`left`).
        case backwardHook = "backward hook"
    }

    /// The beam level, 1…8.
    public var number: Int
    /// The segment's shape.
    public var value: Value

    /// Creates a beam segment.
    public init(_ value: Value, number: Int = 1) {
        self.value = value
        self.number = number
    }
}
