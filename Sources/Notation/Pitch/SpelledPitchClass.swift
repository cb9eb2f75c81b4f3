/// A pitch spelled by letter and alteration but without an octave: the root of a chord symbol
/// (`B♭` in `B♭7`), the tonic of a key.
///
/// Two spellings of one pitch class stay different: `F♯` and `G♭` are not equal, though their
/// ``pitchClass`` is.
///
/// ```swift
/// let root = try SpelledPitchClass("Bb")
/// root.pitchClass                          // 10
/// try root.transposed(by: "M2").name       // "C"
/// try SpelledPitchClass("E-").name         // "Eb" (music21's flat sign)
/// ```
public struct SpelledPitchClass: Sendable, Hashable, Codable {
    /// The letter.
    public var step: Step
    /// The alteration in semitones, −3 … 3 (−1 for a flat).
    public var alter: Int

    /// Creates a spelling; `alter` must be within −3 … 3.
    ///
    /// - Throws: ``NotationError/invalidAlteration(_:)`` beyond a triple sharp or flat.
    public init(_ step: Step, alter: Int = 0) throws(NotationError) {
        guard Pitch.alterRange.contains(alter) else { throw .invalidAlteration(alter) }
        self.step = step
        self.alter = alter
    }

    /// A spelling whose alteration the caller has checked.
    init(unchecked step: Step, alter: Int) {
        self.step = step
        self.alter = alter
    }

    /// The spelling of a pitch, dropping its octave.
    public init(_ pitch: Pitch) {
        self.init(unchecked: pitch.step, alter: pitch.alter)
    }

    /// The pitch class, 0 (C) … 11 (B): `B♯` is 0, `C♭` is 11.
    public var pitchClass: Int { ((step.semitones + alter) % 12 + 12) % 12 }

    /// The accidental of the spelling (`.natural` for none).
    public var accidental: Accidental { Accidental(alter: alter) ?? .natural }

    /// The name with ASCII signs: `"C"`, `"F#"`, `"Bb"`, `"Ebb"`.
    public var name: String { "\(step)\(accidental.symbol)" }

    /// The pitch with this spelling in `octave`.
    public func pitch(octave: Int) -> Pitch { Pitch(unchecked: step, alter: alter, octave: octave) }

    /// The spelling an interval away, by letter (the octave is irrelevant): `E` + M3 = `G#`,
    /// `Bb` + M2 = `C`, `F#` − m2 = `E#`.
    ///
    /// - Throws: ``NotationError/unspellable(_:)`` beyond a triple sharp or flat.
    public func transposed(by interval: Interval) throws(NotationError) -> SpelledPitchClass {
        do {
            return SpelledPitchClass(try pitch(octave: 4).transposed(by: interval))
        } catch {
            throw .unspellable("\(name) + \(interval)")
        }
    }
}

extension SpelledPitchClass: CustomStringConvertible {
    /// The ``name``.
    public var description: String { name }

    /// Parses a letter (either case) followed by `#` sharps (`x` is a double sharp) or by flats
    /// written `b` or music21's `-`: `"C"`, `"F#"`, `"Fx"`, `"Bb"`, `"B-"`, `"Ebb"`. Signs may
    /// not be mixed (`"C#b"`), and nothing may follow them.
    ///
    /// - Throws: ``NotationError/invalidPitchName(_:)``.
    public init(_ text: String) throws(NotationError) {
        var rest = Substring(text)
        guard let parsed = SpelledPitchClass.parsePrefix(&rest, lowercase: true), rest.isEmpty else {
            throw .invalidPitchName(text)
        }
        self = parsed
    }

    /// Reads a spelling at the start of `text` and removes it; `nil` (and `text` untouched)
    /// when `text` does not start with a letter A–G. Takes every sign that follows the letter,
    /// so `"Bb7"` gives `Bb` and leaves `"7"`. A lower-case letter is taken only when
    /// `lowercase` (in a chord figure `"b"` is a flat, not a root).
    static func parsePrefix(_ text: inout Substring, lowercase: Bool = false) -> SpelledPitchClass? {
        guard let first = text.first, let step = Step(letter: first), lowercase || first.isUppercase else { return nil }
        var rest = text.dropFirst()
        var sharps = 0, flats = 0
        while let c = rest.first {
            if c == "#" || c == "♯" { sharps += 1 }
            else if c == "x" || c == "𝄪" { sharps += 2 }
            else if c == "b" || c == "-" || c == "♭" { flats += 1 }
            else { break }
            rest = rest.dropFirst()
        }
        guard sharps == 0 || flats == 0, Pitch.alterRange.contains(sharps - flats) else { return nil }
        text = rest
        return SpelledPitchClass(unchecked: step, alter: sharps - flats)
    }
}
