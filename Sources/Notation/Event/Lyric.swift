/// One syllable of lyrics attached to a note.
public struct Lyric: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where the syllable sits in its word.
    public enum Syllabic: String, Sendable, Hashable, Codable {
        case single, begin, middle, end
    }

    /// The syllable text.
    public var text: String
    /// The verse or line number, 1 for the first.
    public var number: Int
    /// Where the syllable sits in its word.
    public var syllabic: Syllabic
    /// Whether an extender line follows the syllable (a melisma: MusicXML `<extend>`).
    public var extend: Bool

    /// Creates a syllable.
    public init(_ text: String, number: Int = 1, syllabic: Syllabic = .single, extend: Bool = false) {
        self.text = text
        self.number = number
        self.syllabic = syllabic
        self.extend = extend
    }

    public var description: String { text }
}
