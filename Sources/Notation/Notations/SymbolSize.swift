/// The printed size of a note symbol (MusicXML `symbol-size`).
public enum SymbolSize: String, Sendable, Hashable, Codable, CaseIterable {
    case full, cue, graceCue = "grace-cue", large
}
