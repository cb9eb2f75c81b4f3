/// Which hand's stream a model learns: the treble (upper) or bass (lower) staff.
///
/// Not to be confused with Notation's `Clef`, the sign written at the start of a staff (G clef
/// on line 2, F clef on line 4, …): a `ClefStream` names one of the two staves of a piano part
/// whatever clefs are written on it, and the pipeline trains one ``ClefModel`` per stream.
public enum ClefStream: String, Sendable, Hashable, Codable, CaseIterable {
    case treble, bass

    /// The staff number (1-based) of this stream in a two-staff piano part.
    public var staffNumber: Int { self == .treble ? 1 : 2 }
}
