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
    /// Chromatic alteration in semitones, −3 (triple flat) … +3 (triple sharp): the range a
    /// pitch name can spell. The initializers and decoding reject anything else; assigning
    /// the property directly is not checked.
    public var alter: Int
    /// The octave number; C4 is middle C.
    public var octave: Int

    /// The alterations a pitch can have: triple flat … triple sharp.
    static let alterRange = -3...3

    /// Creates a natural pitch: `Pitch(.C, octave: 4)` is middle C.
    public init(_ step: Step, octave: Int) {
        self.init(unchecked: step, alter: 0, octave: octave)
    }

    /// Creates a pitch from its parts: `try Pitch(.E, alter: -1, octave: 4)` is E♭4.
    ///
    /// - Parameters:
    ///   - step: The letter name.
    ///   - alter: Semitones up (sharps) or down (flats) from the natural, −3 … 3.
    ///   - octave: The octave number; C4 is middle C.
    /// - Throws: ``NotationError/invalidAlteration(_:)`` when `alter` is outside −3 … 3, an
    ///   alteration no pitch name spells.
    public init(_ step: Step, alter: Int, octave: Int) throws(NotationError) {
        guard Pitch.alterRange.contains(alter) else {
            throw .invalidAlteration(alter)
        }
        self.init(unchecked: step, alter: alter, octave: octave)
    }

    /// Creates a pitch without checking `alter`, for callers that have already kept it within
    /// `alterRange` (or, as `Key`, pass an unchecked alteration on).
    init(unchecked step: Step, alter: Int, octave: Int) {
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
        self.init(unchecked: step, alter: alter, octave: octave)
    }

    /// Spells a MIDI number with the given letter, choosing the octave so that the alteration is
    /// smallest (B#3 for MIDI 60 with letter B). Returns `nil` if that needs more than ±3.
    public init?(midi: Int, step: Step) {
        let naturalInOctave = step.semitones
        // The octave whose natural `step` lies nearest to `midi`.
        let octave = Int((Double(midi - naturalInOctave) / 12).rounded()) - 1
        let alter = midi - ((octave + 1) * 12 + naturalInOctave)
        guard Pitch.alterRange.contains(alter) else { return nil }
        self.init(unchecked: step, alter: alter, octave: octave)
    }
}

extension Pitch: Comparable {
    /// Orders by sounding pitch, then by letter (so B#3 < C4 although both are MIDI 60).
    public static func < (lhs: Pitch, rhs: Pitch) -> Bool {
        (lhs.midi, lhs.diatonicNumber) < (rhs.midi, rhs.diatonicNumber)
    }
}

extension Pitch {
    private enum CodingKeys: String, CodingKey { case step, alter, octave }

    /// Decodes a pitch, rejecting an alteration outside −3 … 3 as ``init(_:alter:octave:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let step = try container.decode(Step.self, forKey: .step)
        let alter = try container.decode(Int.self, forKey: .alter)
        let octave = try container.decode(Int.self, forKey: .octave)
        guard let pitch = try? Pitch(step, alter: alter, octave: octave) else {
            throw DecodingError.dataCorruptedError(
                forKey: .alter, in: container, debugDescription: "alteration \(alter) is outside -3...3")
        }
        self = pitch
    }
}
