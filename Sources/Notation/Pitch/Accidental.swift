/// A written accidental sign and the alteration it makes.
public enum Accidental: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case tripleFlat = -3, doubleFlat = -2, flat = -1, natural = 0, sharp = 1, doubleSharp = 2, tripleSharp = 3

    /// The alteration in semitones.
    public var alter: Int { rawValue }

    /// The accidental for an alteration of -3 … 3 semitones.
    public init?(alter: Int) { self.init(rawValue: alter) }

    /// The ASCII spelling used in pitch names: `"#"`, `"##"`, `"b"`, `"bb"`, or `""` for natural.
    public var symbol: String {
        alter >= 0 ? String(repeating: "#", count: alter) : String(repeating: "b", count: -alter)
    }

    /// The MusicXML `<accidental>` value: `"sharp"`, `"flat-flat"`, `"double-sharp"`, ….
    public var musicXMLName: String {
        switch self {
        case .tripleFlat: return "triple-flat"
        case .doubleFlat: return "flat-flat"
        case .flat: return "flat"
        case .natural: return "natural"
        case .sharp: return "sharp"
        case .doubleSharp: return "double-sharp"
        case .tripleSharp: return "triple-sharp"
        }
    }

    /// Reads a MusicXML `<accidental>` value; `nil` for microtonal or unknown signs.
    public init?(musicXMLName: String) {
        guard let match = Accidental.allCases.first(where: { $0.musicXMLName == musicXMLName })
                ?? (musicXMLName == "sharp-sharp" ? .doubleSharp : nil)
        else { return nil }
        self = match
    }

    public var description: String { alter == 0 ? "natural" : symbol }
}
