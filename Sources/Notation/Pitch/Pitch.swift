import Foundation

/// A spelled pitch: letter, alteration and octave, as a musician writes it.
///
/// Octaves follow scientific pitch notation: C4 is middle C (MIDI 60) and each octave starts
/// at C, so B3 is directly below C4.
///
/// **Equality is spelling.** `C#4` and `Db4` sound the same but are different pitches: they
/// are not `==`, and they hash differently. Use ``isEnharmonic(to:)`` (or compare ``midi``)
/// to ask whether two pitches sound alike.
///
/// ```swift
/// let p = try Pitch("C#4")
/// p.midi                          // 61
/// p.isEnharmonic(to: try Pitch("Db4"))  // true
/// p == (try Pitch("Db4"))         // false
/// try Pitch("E-4").name           // "Eb4" (music21's flat sign is accepted)
/// ```
@frozen
public struct Pitch: Sendable, Hashable, Codable {
    /// The letter name.
    public var step: Step
    /// Chromatic alteration in semitones: -2 double flat … +2 double sharp (±3 accepted).
    public var alter: Int
    /// The octave number; C4 is middle C.
    public var octave: Int

    /// Creates a pitch from its parts.
    public init(_ step: Step, alter: Int = 0, octave: Int) {
        self.step = step
        self.alter = alter
        self.octave = octave
    }

    /// The MIDI note number (C4 = 60). May fall outside 0…127 for extreme pitches.
    public var midi: Int { (octave + 1) * 12 + step.semitones + alter }

    /// The pitch class, 0 (C) … 11 (B).
    public var pitchClass: Int { ((midi % 12) + 12) % 12 }

    /// Diatonic steps above C0: the pitch's position counting letters only.
    public var diatonicNumber: Int { octave * 7 + step.rawValue }

    /// The frequency in hertz in twelve-tone equal temperament.
    public func frequency(a4: Double = 440) -> Double {
        a4 * pow(2, Double(midi - 69) / 12)
    }

    /// Whether two pitches sound the same (same MIDI number), whatever their spelling.
    public func isEnharmonic(to other: Pitch) -> Bool { midi == other.midi }

    /// The accidental of this pitch's alteration.
    public var accidental: Accidental? { Accidental(alter: alter) }

    /// The pitch with letter and alteration chosen to need the fewest accidentals: a natural when
    /// one exists, otherwise a single sharp (or flat with `preferFlats`). Keeps the sounding pitch.
    public func simplified(preferFlats: Bool = false) -> Pitch {
        Pitch(midi: midi, preferFlats: preferFlats)
    }

    /// Spells a MIDI note number with a natural when possible, otherwise one sharp or flat.
    public init(midi: Int, preferFlats: Bool = false) {
        let pc = ((midi % 12) + 12) % 12
        let octave = Int((Double(midi) / 12).rounded(.down)) - 1
        let sharpSpelling: [(Step, Int)] = [(.C, 0), (.C, 1), (.D, 0), (.D, 1), (.E, 0), (.F, 0),
                                            (.F, 1), (.G, 0), (.G, 1), (.A, 0), (.A, 1), (.B, 0)]
        let flatSpelling: [(Step, Int)] = [(.C, 0), (.D, -1), (.D, 0), (.E, -1), (.E, 0), (.F, 0),
                                           (.G, -1), (.G, 0), (.A, -1), (.A, 0), (.B, -1), (.B, 0)]
        let (step, alter) = (preferFlats ? flatSpelling : sharpSpelling)[pc]
        self.init(step, alter: alter, octave: octave)
    }

    /// Spells a MIDI number with the given letter, choosing the octave so that the alteration is
    /// smallest (B#3 for MIDI 60 with letter B). Returns `nil` if that needs more than ±3.
    public init?(midi: Int, step: Step) {
        let naturalInOctave = step.semitones
        // The octave whose natural `step` lies nearest to `midi`.
        let octave = Int((Double(midi - naturalInOctave) / 12).rounded()) - 1
        let alter = midi - ((octave + 1) * 12 + naturalInOctave)
        guard abs(alter) <= 3 else { return nil }
        self.init(step, alter: alter, octave: octave)
    }
}

extension Pitch: Comparable {
    /// Orders by sounding pitch, then by letter (so B#3 < C4 although both are MIDI 60).
    public static func < (lhs: Pitch, rhs: Pitch) -> Bool {
        (lhs.midi, lhs.diatonicNumber) < (rhs.midi, rhs.diatonicNumber)
    }
}
