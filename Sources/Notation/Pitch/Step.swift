/// One of the seven letter names of the diatonic scale.
///
/// The raw value counts diatonic steps up from C, so `Step.G.rawValue == 4`.
public enum Step: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case C = 0, D, E, F, G, A, B

    /// Semitones above C of the natural note with this letter: C 0, D 2, E 4, F 5, G 7, A 9, B 11.
    public var semitones: Int { Step.naturalSemitones[rawValue] }

    private static let naturalSemitones = [0, 2, 4, 5, 7, 9, 11]

    /// The letter as written, `"C"` … `"B"`.
    public var description: String { String("CDEFGAB"[String.Index(utf16Offset: rawValue, in: "CDEFGAB")]) }

    /// Parses an upper- or lower-case letter.
    public init?(letter: Character) {
        switch letter {
        case "C", "c": self = .C
        case "D", "d": self = .D
        case "E", "e": self = .E
        case "F", "f": self = .F
        case "G", "g": self = .G
        case "A", "a": self = .A
        case "B", "b": self = .B
        default: return nil
        }
    }

    public static func < (lhs: Step, rhs: Step) -> Bool { lhs.rawValue < rhs.rawValue }
}
