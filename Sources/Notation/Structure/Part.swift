/// One player's music — a violin, a voice, a piano — on one or more staves.
///
/// A piano part has two staves (treble and bass). All staves of a part have the same measures
/// (same count and lengths).
public struct Part: Sendable, Hashable, Codable {
    /// The identifier used in files (`"P1"`).
    public var id: String
    /// The part's name, e.g. "Piano".
    public var name: String?
    /// The short name printed on later systems, e.g. "Pno.".
    public var abbreviation: String?
    /// The instrument.
    public var instrument: Instrument
    /// The staves, top to bottom.
    public var staves: [Staff]

    /// Creates a part.
    public init(id: String = "P1", name: String? = nil, abbreviation: String? = nil,
                instrument: Instrument = Instrument(), staves: [Staff] = []) {
        self.id = id
        self.name = name
        self.abbreviation = abbreviation
        self.instrument = instrument
        self.staves = staves
    }

    /// The number of measures (of the first staff).
    public var measureCount: Int { staves.first?.measures.count ?? 0 }

    /// The part's length in quarter notes (its longest staff).
    public var length: Rational { staves.map(\.length).max() ?? .zero }
}
