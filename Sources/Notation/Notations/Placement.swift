/// Whether a mark is written above or below the staff (MusicXML `placement`).
public enum Placement: String, Sendable, Hashable, Codable, CaseIterable {
    case above, below
}
