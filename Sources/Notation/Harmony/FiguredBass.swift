/// Figured bass: the stacked figures under a bass note that name the intervals above it
/// (MusicXML `<figured-bass>`), placed in a measure as a ``Direction/Kind/figuredBass(_:)``.
///
/// ```swift
/// // "♯6 over 4", held for a half note
/// let figures = FiguredBass([.init(prefix: .sharp, number: 6), .init(number: 4)], duration: 2)
/// figures.description   // "#6 4"
/// ```
///
/// Figures are intervals above the bass, so transposing a score leaves them as they are.
public struct FiguredBass: Sendable, Hashable, Codable {
    /// A sign before, after or through a figure's number (MusicXML's `prefix` and `suffix` values).
    public enum Modifier: String, Sendable, Hashable, Codable, CaseIterable {
        case plus, sharp, flat, natural
        case doubleSharp = "double-sharp", flatFlat = "flat-flat", sharpSharp = "sharp-sharp"
        /// Strokes through the number, for a raised interval.
        case slash, backSlash = "back-slash", vertical

        /// The sign as plain text: `"#"`, `"b"`, `"n"`, `"+"`, `"/"` ….
        public var symbol: String {
            switch self {
            case .plus: return "+"
            case .sharp: return "#"
            case .flat: return "b"
            case .natural: return "n"
            case .doubleSharp: return "x"
            case .flatFlat: return "bb"
            case .sharpSharp: return "##"
            case .slash: return "/"
            case .backSlash: return "\\"
            case .vertical: return "|"
            }
        }
    }

    /// One figure of the stack: an optional number with signs, and an extension line.
    public struct Figure: Sendable, Hashable, Codable {
        /// A sign before the number (or alone: a bare `#` raises the third).
        public var prefix: Modifier?
        /// The interval above the bass (`6`, `4`, `3`), if printed.
        public var number: Int?
        /// A sign after or through the number (`slash` for a slashed 6).
        public var suffix: Modifier?
        /// An extension line holding the figure over following notes: begun, continued or ended
        /// here (MusicXML `<extend>`; a bare `<extend/>` reads as a continuation).
        public var extend: StartStop?

        /// Creates a figure.
        public init(prefix: Modifier? = nil, number: Int? = nil, suffix: Modifier? = nil, extend: StartStop? = nil) {
            self.prefix = prefix
            self.number = number
            self.suffix = suffix
            self.extend = extend
        }
    }

    /// The figures, top to bottom.
    public var figures: [Figure]
    /// Whether the whole stack is printed in parentheses.
    public var parentheses: Bool
    /// How long the figures hold, in quarter notes, when stated (figures changing under one
    /// bass note); `nil` for as long as the note.
    public var duration: Rational?

    /// Creates a stack of figures.
    public init(_ figures: [Figure], parentheses: Bool = false, duration: Rational? = nil) {
        self.figures = figures
        self.parentheses = parentheses
        self.duration = duration
    }
}

extension FiguredBass: CustomStringConvertible {
    /// The figures top to bottom, separated by spaces: `"#6 4"`, `"(6)"`, `"5/ b7/"`.
    public var description: String {
        let text = figures.map { f in
            (f.prefix?.symbol ?? "") + (f.number.map(String.init) ?? "") + (f.suffix?.symbol ?? "") + (f.extend != nil ? "_" : "")
        }.joined(separator: " ")
        return parentheses ? "(\(text))" : text
    }
}
