/// A key signature: how many sharps (positive) or flats (negative) stand at the clef.
public struct KeySignature: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Sharps (positive) or flats (negative), −7 … 7 in common use.
    public var fifths: Int

    /// Creates a signature of `fifths` sharps (positive) or flats (negative).
    public init(fifths: Int) { self.fifths = fifths }

    private static let sharpOrder: [Step] = [.F, .C, .G, .D, .A, .E, .B]

    /// The alteration the signature gives a letter: +1 for F in G major, −1 for B in F major.
    /// Signatures beyond 7 give double sharps or flats.
    public func alter(for step: Step) -> Int {
        let position = KeySignature.sharpOrder.firstIndex(of: step)!
        if fifths >= 0 {
            return fifths / 7 + (position < fifths % 7 ? 1 : 0)
        }
        let flats = -fifths, flatPosition = 6 - position
        return -(flats / 7 + (flatPosition < flats % 7 ? 1 : 0))
    }

    /// The signature transposed by an interval: its major tonic moved, in fifths.
    public func transposed(by interval: Interval) -> KeySignature {
        KeySignature(fifths: fifths + interval.fifths)
    }

    /// `"2 sharps"`, `"3 flats"`, `"no sharps or flats"`.
    public var description: String {
        switch fifths {
        case 0: return "no sharps or flats"
        case 1: return "1 sharp"
        case -1: return "1 flat"
        case let f where f > 0: return "\(f) sharps"
        default: return "\(-fifths) flats"
        }
    }
}

extension Interval {
    /// The interval's position on the line of fifths: P5 is 1, M2 is 2, m3 is −3, A4 is 6.
    /// Transposing a key signature by an interval adds this to its fifths.
    public var fifths: Int {
        // Each letter step up is +2 fifths modulo the octave (C→D is two fifths); each semitone
        // beyond the natural interval is +7 fifths.
        let steps = ((diatonicSteps % 7) + 7) % 7
        let naturalFifths = [0, 2, 4, -1, 1, 3, 5][steps]
        let naturalSemitones = [0, 2, 4, 5, 7, 9, 11][steps]
        let chromatic = (((semitones - naturalSemitones) % 12) + 12 + 6) % 12 - 6
        return naturalFifths + 7 * chromatic
    }
}
