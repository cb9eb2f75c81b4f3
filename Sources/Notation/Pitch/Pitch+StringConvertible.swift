import Foundation

extension Pitch: CustomStringConvertible {
    /// The scientific name, `"C#4"`, `"Bbb2"`.
    public var description: String { name }

    /// The scientific name with `#` and `b`: `"C#4"`, `"Eb3"`, `"F##5"`, `"Bbb2"`.
    public var name: String { "\(step)\(Accidental(alter: alter)?.symbol ?? "?")\(octave)" }

    /// The name without octave: `"C#"`, `"Bb"`.
    public var nameWithoutOctave: String { "\(step)\(Accidental(alter: alter)?.symbol ?? "?")" }

    /// Parses a scientific pitch name.
    ///
    /// Accepts a letter (either case), then sharps `#` (`x` is a double sharp) or flats `b`
    /// (music21's `-` too), then an octave (default 4): `"C#4"`, `"Eb3"`, `"F##5"`, `"Fx5"`,
    /// `"Bbb2"`, `"E-4"`. Because `-` means flat, octaves below 0 cannot be named.
    ///
    /// - Throws: ``NotationError/invalidPitchName(_:)`` when the text is not a pitch name.
    public init(_ text: String) throws(NotationError) {
        guard let parsed = Pitch.parse(text) else { throw .invalidPitchName(text) }
        self = parsed
    }

    /// Parses a pitch name, or returns `nil`. See ``init(_:)``.
    public static func parse(_ text: String) -> Pitch? {
        var chars = Substring(text.trimmingCharacters(in: .whitespaces))
        guard let first = chars.first, let step = Step(letter: first) else { return nil }
        chars = chars.dropFirst()
        var sharps = 0, flats = 0
        var sawNatural = false
        while let c = chars.first {
            if c == "#" { sharps += 1 }
            else if c == "x" { sharps += 2 }
            else if c == "b" || c == "-" {
                // A '-' followed only by digits with nothing before is ambiguous; music21 reads
                // "E-4" as E flat 4, and so do we.
                flats += 1
            } else if c == "n" { sawNatural = true }
            else { break }
            chars = chars.dropFirst()
        }
        // Mixed signs ("C#b4") or a natural with signs ("Cn#4") are not pitch names.
        let alter = sharps - flats
        guard Pitch.alterRange.contains(alter), sharps == 0 || flats == 0, !(sawNatural && (sharps > 0 || flats > 0))
        else { return nil }
        var octave = 4
        if !chars.isEmpty {
            guard let o = Int(chars), (-10...20).contains(o) else { return nil }
            octave = o
        }
        return Pitch(unchecked: step, alter: alter, octave: octave)
    }
}
