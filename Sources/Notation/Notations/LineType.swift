/// How a slur or glissando line is drawn (MusicXML `line-type`).
public enum LineType: String, Sendable, Hashable, Codable, CaseIterable {
    case solid, dashed, dotted, wavy
}
