/// Where a note stands in a mark that spans several notes (a slur, a wavy line, a glissando,
/// a hammer-on). Raw values are MusicXML's.
public enum StartStop: String, Sendable, Hashable, Codable, CaseIterable {
    case start, stop
    /// A middle point, for marks that allow one (slurs, wavy lines).
    case `continue`
}
