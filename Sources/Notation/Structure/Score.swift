/// A complete piece: metadata and parts.
///
/// `Score` is a value: copying one is cheap (its arrays are copy-on-write) and every transform
/// (`transposed`, `splitIntoStaves`, …) returns a new score, leaving the original untouched.
///
/// ```swift
/// let score = try MusicXMLReader().read(url)
/// for placed in score.events where !placed.event.isRest {
///     print(placed.offset, placed.event.pitches)
/// }
/// ```
public struct Score: Sendable, Hashable, Codable {
    /// Title, composer and other metadata.
    public var metadata: Metadata
    /// The parts, in score order (top to bottom).
    public var parts: [Part]

    /// Creates a score.
    public init(metadata: Metadata = Metadata(), parts: [Part] = []) {
        self.metadata = metadata
        self.parts = parts
    }

    /// The score's length in quarter notes (its longest part).
    public var length: Rational { parts.map(\.length).max() ?? .zero }
}
