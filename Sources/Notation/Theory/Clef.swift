/// A clef: which line of the staff a reference pitch sits on.
///
/// ```swift
/// Clef.treble.sign    // .g, on line 2
/// Clef.bass.line      // 4
/// Clef.treble8vb      // the tenor-voice treble clef, sounding an octave lower
/// ```
public struct Clef: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The clef symbol.
    public enum Sign: String, Sendable, Hashable, Codable {
        case g = "G", f = "F", c = "C", percussion, tab = "TAB", none
    }

    /// The symbol.
    public var sign: Sign
    /// The staff line (1 = bottom) the symbol marks; 0 when meaningless (percussion).
    public var line: Int
    /// Octaves the clef transposes (−1 for the 8 below a tenor-voice treble clef).
    public var octaveChange: Int

    /// Creates a clef.
    public init(_ sign: Sign, line: Int, octaveChange: Int = 0) {
        self.sign = sign
        self.line = line
        self.octaveChange = octaveChange
    }

    /// The treble clef: G on line 2.
    public static let treble = Clef(.g, line: 2)
    /// The bass clef: F on line 4.
    public static let bass = Clef(.f, line: 4)
    /// The alto clef: C on line 3.
    public static let alto = Clef(.c, line: 3)
    /// The tenor clef: C on line 4.
    public static let tenor = Clef(.c, line: 4)
    /// The soprano clef: C on line 1.
    public static let soprano = Clef(.c, line: 1)
    /// The mezzo-soprano clef: C on line 2.
    public static let mezzoSoprano = Clef(.c, line: 2)
    /// The baritone clef: F on line 3.
    public static let baritone = Clef(.f, line: 3)
    /// The neutral percussion clef.
    public static let percussion = Clef(.percussion, line: 0)
    /// Treble clef sounding an octave lower (tenor voice).
    public static let treble8vb = Clef(.g, line: 2, octaveChange: -1)
    /// Treble clef sounding an octave higher.
    public static let treble8va = Clef(.g, line: 2, octaveChange: 1)
    /// Bass clef sounding an octave lower.
    public static let bass8vb = Clef(.f, line: 4, octaveChange: -1)
    /// Bass clef sounding an octave higher.
    public static let bass8va = Clef(.f, line: 4, octaveChange: 1)

    /// `"treble"`, `"bass"`, `"alto"`, …, or the sign and line (`"C2"`).
    public var description: String {
        let base: String
        switch (sign, line) {
        case (.g, 2): base = "treble"
        case (.f, 4): base = "bass"
        case (.c, 3): base = "alto"
        case (.c, 4): base = "tenor"
        case (.c, 1): base = "soprano"
        case (.percussion, _): base = "percussion"
        default: base = "\(sign.rawValue)\(line)"
        }
        switch octaveChange {
        case 0: return base
        case -1: return base + "8vb"
        case 1: return base + "8va"
        default: return base + "(\(octaveChange > 0 ? "+" : "")\(octaveChange) octaves)"
        }
    }
}
