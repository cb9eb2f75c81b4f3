/// Which hand's stream a model learns: the treble (upper) or bass (lower) staff.
public enum ClefStream: String, Sendable, Hashable, Codable, CaseIterable {
    case treble, bass

    /// The staff number (1-based) of this stream in a two-staff piano part.
    public var staffNumber: Int { self == .treble ? 1 : 2 }
}
