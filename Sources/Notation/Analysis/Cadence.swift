/// A cadence at a phrase end, found by ``HarmonicAnalysis``.
public struct Cadence: Sendable, Hashable {
    /// The kind of cadence.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// Perfect authentic: V → I, both in root position, the tonic in the soprano.
        case perfectAuthentic = "PAC"
        /// Imperfect authentic: V or vii° → I otherwise.
        case imperfectAuthentic = "IAC"
        /// Half: a phrase ending on V.
        case half = "HC"
        /// Plagal: IV → I.
        case plagal
        /// Deceptive: V → vi (VI in minor).
        case deceptive
    }

    /// The kind.
    public var kind: Kind
    /// The index in ``HarmonicAnalysis/slices`` of the final chord.
    public var slice: Int
    /// The key the cadence is in (the final chord's key).
    public var key: Key

    /// A cadence.
    public init(kind: Kind, slice: Int, key: Key) {
        self.kind = kind
        self.slice = slice
        self.key = key
    }
}
