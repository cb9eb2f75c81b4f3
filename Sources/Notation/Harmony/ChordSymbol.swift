/// A chord symbol as printed above a staff (`B♭7/D`, `F♯m7♭5`, `N.C.`): a root, a kind, added,
/// altered or removed degrees, and an optional bass — MusicXML's `<harmony>`.
///
/// ```swift
/// let symbol = try ChordSymbol("Bb7/D")
/// symbol.root?.name          // "Bb"
/// symbol.kind                // .dominant
/// symbol.bass?.name          // "D"
/// symbol.pitches.map(\.name) // ["D3", "Bb3", "F4", "Ab4"]
/// try symbol.transposed(by: "M2").description   // "C7/E"
/// ```
///
/// ``description`` prints the figure and ``init(_:)`` reads it back (see
/// <doc:ChordSymbols> for the figures understood).
public struct ChordSymbol: Sendable, Hashable, Codable {
    /// The root; `nil` for "no chord" (`N.C.`) and for a symbol given only as a ``function``.
    public var root: SpelledPitchClass?
    /// The chord's quality, as MusicXML's `<kind>` names it.
    public var kind: Kind
    /// The bass when it is not the root (`D` in `B♭7/D`).
    public var bass: SpelledPitchClass?
    /// Degrees added to, altered in or removed from the kind's chord, in printed order.
    public var degrees: [Degree]
    /// The text the file prints for the kind (`<kind text="…">`), e.g. `"m7b5"` or `"Δ"`, or the
    /// raw `<kind>` value of a kind that MusicXML does not list (then ``kind`` is `.other`).
    public var text: String?
    /// The inversion (`<inversion>`: 1 for first), for classical symbols.
    public var inversion: Int?
    /// A Roman-numeral function (`<function>`, e.g. `"V"`), for symbols written that way.
    public var function: String?

    /// Creates a chord symbol.
    public init(root: SpelledPitchClass?, kind: Kind, bass: SpelledPitchClass? = nil, degrees: [Degree] = [],
                text: String? = nil, inversion: Int? = nil, function: String? = nil) {
        self.root = root
        self.kind = kind
        self.bass = bass
        self.degrees = degrees
        self.text = text
        self.inversion = inversion
        self.function = function
    }

    /// "No chord" (`N.C.`).
    public static let noChord = ChordSymbol(root: nil, kind: .none)

    /// The symbol moved by `interval`: root and bass respelled by letter (`B♭7/D` up a major
    /// second is `C7/E`, E up a major third is G♯); kind, degrees and text unchanged.
    ///
    /// - Throws: ``NotationError/unspellable(_:)`` when the root or bass would need more than a
    ///   triple sharp or flat.
    public func transposed(by interval: Interval) throws(NotationError) -> ChordSymbol {
        var result = self
        result.root = try root?.transposed(by: interval)
        result.bass = try bass?.transposed(by: interval)
        return result
    }
}
