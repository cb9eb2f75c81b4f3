/// A key: a tonic and a mode, such as A minor or E♭ major.
///
/// ```swift
/// let key = try Key("Eb major")
/// key.signature.fifths          // -3
/// key.relative                  // C minor
/// key.pitches.map(\.nameWithoutOctave)  // ["Eb", "F", "G", "Ab", "Bb", "C", "D"]
/// try Key("f# minor").signature.fifths    // 3
/// ```
public struct Key: Sendable, Hashable, Codable {
    /// The tonic's letter.
    public var tonicStep: Step
    /// The tonic's alteration (−1 for E♭).
    public var tonicAlter: Int
    /// The mode.
    public var mode: Mode

    /// Creates a key from a tonic spelling and a mode.
    public init(_ tonicStep: Step, alter: Int = 0, _ mode: Mode = .major) {
        self.tonicStep = tonicStep
        self.tonicAlter = alter
        self.mode = mode
    }

    /// Creates a key on the tonic of `pitch` (its octave is ignored).
    public init(tonic pitch: Pitch, _ mode: Mode) {
        self.init(pitch.step, alter: pitch.alter, mode)
    }

    /// Creates a key on a spelled tonic: `Key(tonic: try SpelledPitchClass("Eb"), .minor)`.
    public init(tonic: SpelledPitchClass, _ mode: Mode) {
        self.init(tonic.step, alter: tonic.alter, mode)
    }

    /// The tonic's spelling without octave (``tonicStep`` and ``tonicAlter`` together).
    public var spelledTonic: SpelledPitchClass {
        get { SpelledPitchClass(unchecked: tonicStep, alter: tonicAlter) }
        set { tonicStep = newValue.step; tonicAlter = newValue.alter }
    }

    /// C major.
    public static let cMajor = Key(.C, .major)
    /// A minor.
    public static let aMinor = Key(.A, .minor)

    /// The tonic in octave 4.
    public var tonic: Pitch { Pitch(unchecked: tonicStep, alter: tonicAlter, octave: 4) }

    /// The tonic's pitch class, 0…11.
    public var tonicPitchClass: Int { tonic.pitchClass }

    /// The key signature.
    public var signature: KeySignature {
        let majorFifths = [0, 2, 4, -1, 1, 3, 5][tonicStep.rawValue] + 7 * tonicAlter
        return KeySignature(fifths: majorFifths + mode.fifthsFromMajor)
    }

    /// The key in `mode` that has this signature, for every mode: with no sharps or flats
    /// C major, A minor, D dorian, E phrygian, F lydian, G mixolydian, B locrian; with two
    /// flats B♭ major, G minor, C dorian.
    public init(signature: KeySignature, mode: Mode = .major) {
        // The major tonic is `fifths` fifths above C.
        let steps = [Step.C, .G, .D, .A, .E, .B, .F]
        let f = signature.fifths + mode.fifthsFromMajor * -1
        let index = ((f % 7) + 7) % 7
        let step = steps[index]
        let naturalFifths = [0, 2, 4, -1, 1, 3, 5][step.rawValue]
        self.init(step, alter: (f - naturalFifths) / 7, mode)
    }

    /// The seven scale pitches from the tonic up (octave 4 for the tonic, ascending).
    public var pitches: [Pitch] {
        let tonic = self.tonic
        return mode.semitones.enumerated().map { degree, semis in
            let diatonic = tonic.diatonicNumber + degree
            let step = Step(rawValue: diatonic % 7)!
            let octave = diatonic / 7
            let natural = Pitch(step, octave: octave)
            return Pitch(unchecked: step, alter: tonic.midi + semis - natural.midi, octave: octave)
        }
    }

    /// The scale degree (1…7) of a pitch's letter in this key, and its alteration from the scale
    /// note: F# in D major is (3, 0); F in D major is (3, −1).
    public func degree(of pitch: Pitch) -> (degree: Int, alteration: Int) {
        let degree = ((pitch.step.rawValue - tonicStep.rawValue) % 7 + 7) % 7
        let scale = pitches[degree]
        let diff = ((pitch.pitchClass - scale.pitchClass + 6) % 12 + 12) % 12 - 6
        return (degree + 1, diff)
    }

    /// The pitch of a scale degree (1…7) in octave 4 and above.
    public func pitch(ofDegree degree: Int) -> Pitch { pitches[((degree - 1) % 7 + 7) % 7] }

    /// Whether the pitch class belongs to the scale.
    public func contains(_ pitch: Pitch) -> Bool {
        pitches.contains { $0.pitchClass == pitch.pitchClass }
    }

    /// The relative key: same signature, other mode (C major ↔ A minor). Church modes map to
    /// the major key of their signature.
    public var relative: Key {
        switch mode {
        case .major, .ionian: return Key(signature: signature, mode: .minor)
        default: return Key(signature: signature, mode: .major)
        }
    }

    /// The parallel key: same tonic, major ↔ minor (church modes other than Ionian go to major).
    public var parallel: Key {
        Key(tonicStep, alter: tonicAlter, mode == .major || mode == .ionian ? .minor : .major)
    }

    /// The key transposed by an interval.
    public func transposed(by interval: Interval) throws(NotationError) -> Key {
        Key(tonic: try tonic.transposed(by: interval), mode)
    }
}

extension Key: CustomStringConvertible {
    /// `"A minor"`, `"Eb major"`, `"F# dorian"`.
    public var description: String { "\(tonic.nameWithoutOctave) \(mode.rawValue)" }

    /// Parses `"C major"`, `"A minor"`, `"Eb major"`, `"B- minor"`, `"F# dorian"`, or a bare
    /// tonic (`"G"` major; lower case `"e"` minor, as music21).
    ///
    /// - Throws: ``NotationError/invalidKeyName(_:)``.
    public init(_ text: String) throws(NotationError) {
        let words = text.split(separator: " ").map(String.init)
        guard let tonicText = words.first, words.count <= 2,
              let tonic = Pitch.parse(tonicText), !tonicText.contains(where: \.isNumber)
        else { throw .invalidKeyName(text) }
        let mode: Mode
        if words.count == 2 {
            guard let m = Mode(rawValue: words[1].lowercased()) else { throw .invalidKeyName(text) }
            mode = m
        } else {
            mode = tonicText.first!.isLowercase ? .minor : .major
        }
        self.init(tonic: tonic, mode)
    }
}
