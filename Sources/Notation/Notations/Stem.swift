/// A stem direction written in the score (MusicXML `stem-value`).
public enum Stem: String, Sendable, Hashable, Codable, CaseIterable {
    case up, down, double
    /// No stem drawn.
    case none
}
