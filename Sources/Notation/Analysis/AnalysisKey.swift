/// Which key harmonic analysis names each slice's chord in.
public enum AnalysisKey: Sendable, Hashable {
    /// The local key at each slice (``HarmonicAnalysis/keyRegions``).
    case local
    /// One key for the whole piece, estimated as music21's `analyze('key')` does
    /// (``Score/estimatedKey(weighting:)``).
    case global
    /// The key given.
    case given(Key)

    /// Reads `local`, `global` or a key's name (`"G major"`, `"f# minor"`).
    ///
    /// - Throws: ``NotationError`` (`invalidKeyName`) naming the text when it is none of these.
    public init(_ text: String) throws(NotationError) {
        switch text.lowercased() {
        case "local": self = .local
        case "global": self = .global
        default: self = .given(try Key(text))
        }
    }
}
