/// A set of pitch classes (0 = C … 11 = B), the spelling-blind view of a chord.
///
/// Its ``normalOrder`` follows Forte's definition, which is also what music21's
/// `Chord.normalOrder` returns, so labels built from it match labels made with music21:
/// the rotation of the sorted classes with the smallest span wins; ties go to the rotation
/// whose intervals from its first class to its second, third, … are smallest, compared in
/// that order. The winning shape is then placed on the lowest pitch class of the set from
/// which it reproduces the set (this matters only for symmetrical sets such as the augmented
/// triad, where several rotations tie).
///
/// ```swift
/// PitchClassSet([0, 4, 7]).normalOrder        // [0, 4, 7]
/// PitchClassSet([0, 3, 7, 10]).normalOrder    // [7, 10, 0, 3]
/// PitchClassSet([0, 3, 7, 10]).label          // "0.3.7.10"
/// ```
public struct PitchClassSet: Sendable, Hashable, Codable {
    /// The distinct pitch classes, ascending, each in 0…11.
    public let pitchClasses: [Int]

    /// Creates a set from any integers, reduced modulo 12; duplicates are dropped.
    public init<S: Sequence>(_ classes: S) where S.Element == Int {
        pitchClasses = Array(Set(classes.map { (($0 % 12) + 12) % 12 })).sorted()
    }

    /// Creates the set of the pitches' classes.
    public init(pitches: [Pitch]) { self.init(pitches.map(\.pitchClass)) }

    /// How many distinct pitch classes.
    public var cardinality: Int { pitchClasses.count }

    /// The normal form moved to start on 0: the shape shared by every transposition of the set
    /// (`[0, 4, 7]` for any major triad, `[0, 3, 5, 8]` for any minor seventh chord).
    public var transposedNormalForm: [Int] {
        guard let first = pitchClasses.first else { return [] }
        var best: [Int] = pitchClasses.map { $0 - first }
        var bestKey = PitchClassSet.packingKey(best)
        for start in pitchClasses.indices.dropFirst() {
            let root = pitchClasses[start]
            let rotation = (pitchClasses[start...] + pitchClasses[..<start]).map { (($0 - root) % 12 + 12) % 12 }
            let key = PitchClassSet.packingKey(rotation)
            if key.lexicographicallyPrecedes(bestKey) { best = rotation; bestKey = key }
        }
        return best
    }

    /// The normal order as music21 gives it: `[7, 10, 0, 3]` for C–E♭–G–B♭.
    public var normalOrder: [Int] {
        let shape = transposedNormalForm
        let members = Set(pitchClasses)
        for transposition in pitchClasses {
            let candidate = shape.map { ($0 + transposition) % 12 }
            if Set(candidate) == members { return candidate }
        }
        return shape  // unreachable: the set's own first rotation always reproduces it
    }

    /// The normal order joined by dots, `"7.10.0.3"`: the chord label of the LSTM seed
    /// (music21's `'.'.join(str(n) for n in chord.normalOrder)`), kept for compatibility.
    public var normalOrderLabel: String { normalOrder.map(String.init).joined(separator: ".") }

    /// The ascending pitch classes joined by dots, `"0.3.7.10"`: one label per set whatever
    /// the voicing or spelling, and unlike ``normalOrderLabel`` readable without knowing the
    /// normal-order rules; meant for generation vocabularies.
    public var label: String { pitchClasses.map(String.init).joined(separator: ".") }

    /// Span first, then the distances from the first class to the second, third, ….
    private static func packingKey(_ rotation: [Int]) -> [Int] {
        guard let last = rotation.last else { return [] }
        return [last] + rotation.dropFirst().dropLast()
    }
}
