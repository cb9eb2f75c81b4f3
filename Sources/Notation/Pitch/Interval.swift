/// The distance between two spelled pitches: a quality, a generic size and a direction.
///
/// An interval is stored as two numbers — letter steps and semitones — from which its name
/// follows. Keeping the letter steps is what makes transposition spell correctly: E4 up a major
/// third is G#4 (two letters up, four semitones), never Ab4.
///
/// ```swift
/// let third = try Interval("M3")
/// try Pitch("E4").transposed(by: third)        // G#4
/// Interval(from: try Pitch("C4"), to: try Pitch("G4")).name   // "P5"
/// try Interval("-P5").semitones                // -7
/// ```
@frozen
public struct Interval: Sendable, Hashable, Codable {
    /// Signed letter steps: a rising third is 2, a falling fifth −4, a unison 0.
    public var diatonicSteps: Int
    /// Signed semitones: a rising major third is 4, a falling perfect fifth −7.
    public var semitones: Int

    /// Creates an interval from letter steps and semitones, both signed.
    public init(diatonicSteps: Int, semitones: Int) {
        self.diatonicSteps = diatonicSteps
        self.semitones = semitones
    }

    /// The interval from `start` to `end`, in that direction: descending when `end` is the
    /// lower pitch (`Interval(from: G4, to: C4)` is `"-P5"`).
    ///
    /// - Parameters:
    ///   - start: The pitch the interval starts from.
    ///   - end: The pitch it arrives at, above or below `start`.
    public init(from start: Pitch, to end: Pitch) {
        self.init(diatonicSteps: end.diatonicNumber - start.diatonicNumber, semitones: end.midi - start.midi)
    }

    /// Creates an interval from quality, generic size (1 = unison, 8 = octave) and direction.
    /// Returns `nil` when the quality does not fit the size (a major fifth, a perfect third).
    public init?(_ quality: Quality, _ size: Int, descending: Bool = false) {
        guard size >= 1 else { return nil }
        let steps = size - 1
        let perfectType = Interval.isPerfectType(steps: steps)
        let offset: Int
        switch (quality, perfectType) {
        case (.perfect, true): offset = 0
        case (.major, false): offset = 0
        case (.minor, false): offset = -1
        case (.augmented(let n), _): offset = n
        case (.diminished(let n), true): offset = -n
        case (.diminished(let n), false): offset = -n - 1
        default: return nil
        }
        // A unison's quality is its signed size, as in music21: d1 lowers (C4 → C♭4), A1 raises.
        let magnitude = steps == 0 ? offset : Interval.majorOrPerfectSemitones(steps: steps) + offset
        let sign = descending ? -1 : 1
        self.init(diatonicSteps: sign * steps, semitones: sign * magnitude)
    }

    /// Whether the interval goes down.
    public var isDescending: Bool { diatonicSteps < 0 || (diatonicSteps == 0 && semitones < 0) }

    /// The generic size: 1 for a unison, 3 for a third, 10 for a tenth.
    public var size: Int { abs(diatonicSteps) + 1 }

    /// The size reduced to within an octave (a tenth is a compound third: 3).
    public var simpleSize: Int { abs(diatonicSteps) % 7 + 1 }

    /// Whether the interval spans more than an octave.
    public var isCompound: Bool { abs(diatonicSteps) > 7 || (abs(diatonicSteps) == 7 && abs(semitones) > 12) }

    /// The quality: perfect, major, minor, augmented or diminished (possibly doubly).
    public var quality: Quality {
        if diatonicSteps == 0 {
            // Unisons have no direction of their own: C4 → C♭4 is a diminished unison (music21's d1).
            if semitones == 0 { return .perfect }
            return semitones > 0 ? .augmented(semitones) : .diminished(-semitones)
        }
        let steps = abs(diatonicSteps)
        let directed = isDescending ? -semitones : semitones
        let offset = directed - Interval.majorOrPerfectSemitones(steps: steps)
        if Interval.isPerfectType(steps: steps) {
            if offset == 0 { return .perfect }
            return offset > 0 ? .augmented(offset) : .diminished(-offset)
        }
        if offset == 0 { return .major }
        if offset == -1 { return .minor }
        return offset > 0 ? .augmented(offset) : .diminished(-offset - 1)
    }

    /// The short name: `"M3"`, `"m6"`, `"P8"`, `"A4"`, `"d5"`, `"AA1"`, `"M10"`; descending
    /// intervals are prefixed with `-` (`"-P5"`, which ``init(_:)`` reads back). Unisons carry
    /// no sign: a lowered unison is `"d1"`, as music21 names it.
    public var name: String {
        (isDescending && diatonicSteps != 0 ? "-" : "") + quality.abbreviation + String(size)
    }

    /// The long name, capitalised and undirected, exactly as music21's `Interval.niceName`
    /// spells it: `"Major Third"`, `"Perfect Octave"`, `"Doubly-Augmented Fourth"`,
    /// `"Major Tenth"`, `"Perfect Double-octave"` (a fifteenth), `"Perfect Triple-octave"`
    /// (a twenty-second), and numerals beyond that (`"Augmented 24th"`, `"Perfect 29th"`).
    /// A descending interval has the name of the ascending one; see ``isDescending``.
    public var niceName: String {
        let sizes = ["Unison", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Octave", "Ninth",
                     "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Double-octave", "Sixteenth",
                     "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth", "Twenty-first", "Triple-octave"]
        let sizeName: String
        if size <= sizes.count {
            sizeName = sizes[size - 1]
        } else {
            let suffix: String
            switch (size % 10, size % 100) {
            case (_, 11...13): suffix = "th"
            case (1, _): suffix = "st"
            case (2, _): suffix = "nd"
            case (3, _): suffix = "rd"
            default: suffix = "th"
            }
            sizeName = "\(size)\(suffix)"
        }
        let qualityName: String
        switch quality {
        case .perfect: qualityName = "Perfect"
        case .major: qualityName = "Major"
        case .minor: qualityName = "Minor"
        case .augmented(let n): qualityName = Interval.multiplePrefix(n) + "Augmented"
        case .diminished(let n): qualityName = Interval.multiplePrefix(n) + "Diminished"
        }
        return "\(qualityName) \(sizeName)"
    }

    /// `"Doubly-"`, `"Triply-"`, … before an augmented or diminished quality in ``niceName``.
    private static func multiplePrefix(_ n: Int) -> String {
        switch n {
        case 1: return ""
        case 2: return "Doubly-"
        case 3: return "Triply-"
        case 4: return "Quadruply-"
        default: return "\(n)x-"
        }
    }

    /// The interval in the other direction.
    public var reversed: Interval { Interval(diatonicSteps: -diatonicSteps, semitones: -semitones) }

    /// The inversion within an octave: M3 ↔ m6, P4 ↔ P5, A4 ↔ d5. Compound intervals are reduced
    /// first; the direction is kept.
    public var inverted: Interval {
        let simple = simplified
        let sign = isDescending ? -1 : 1
        let steps = abs(simple.diatonicSteps), directed = sign * simple.semitones
        return Interval(diatonicSteps: sign * (7 - steps), semitones: sign * (12 - directed))
    }

    /// The interval reduced to at most an octave, keeping direction (M10 → M3, P15 → P8).
    public var simplified: Interval {
        let steps = abs(diatonicSteps)
        guard steps > 7 else { return self }
        let octaves = (steps - 1) / 7
        let sign = isDescending ? -1 : 1
        return Interval(diatonicSteps: sign * (steps - 7 * octaves), semitones: semitones - sign * 12 * octaves)
    }

    static func isPerfectType(steps: Int) -> Bool {
        let simple = abs(steps) % 7
        return simple == 0 || simple == 3 || simple == 4
    }

    /// Semitones of the major or perfect interval with this many letter steps (up).
    static func majorOrPerfectSemitones(steps: Int) -> Int {
        let s = abs(steps)
        return [0, 2, 4, 5, 7, 9, 11][s % 7] + 12 * (s / 7)
    }

    public static func + (lhs: Interval, rhs: Interval) -> Interval {
        Interval(diatonicSteps: lhs.diatonicSteps + rhs.diatonicSteps, semitones: lhs.semitones + rhs.semitones)
    }
}

extension Interval {
    /// The quality of an interval.
    public enum Quality: Sendable, Hashable, Codable {
        case perfect, major, minor
        /// Augmented once (A), twice (AA), …
        case augmented(Int)
        /// Diminished once (d), twice (dd), …
        case diminished(Int)

        /// `"P"`, `"M"`, `"m"`, `"A"`, `"AA"`, `"d"`, `"dd"`.
        public var abbreviation: String {
            switch self {
            case .perfect: return "P"
            case .major: return "M"
            case .minor: return "m"
            case .augmented(let n): return String(repeating: "A", count: n)
            case .diminished(let n): return String(repeating: "d", count: n)
            }
        }

        /// `"perfect"`, `"major"`, `"doubly-augmented"`, ….
        public var name: String {
            switch self {
            case .perfect: return "perfect"
            case .major: return "major"
            case .minor: return "minor"
            case .augmented(1): return "augmented"
            case .diminished(1): return "diminished"
            case .augmented(2): return "doubly-augmented"
            case .diminished(2): return "doubly-diminished"
            case .augmented(let n): return "\(n)x-augmented"
            case .diminished(let n): return "\(n)x-diminished"
            }
        }
    }
}

extension Interval: CustomStringConvertible, ExpressibleByStringLiteral {
    public var description: String { name }

    /// Parses a short name: optional `-` (descending), a quality (`P`, `M`, `m`, `A`…, `d`…) and
    /// a size: `"M3"`, `"m6"`, `"P8"`, `"A4"`, `"d5"`, `"M10"`, `"-P5"`, `"AA1"`.
    ///
    /// - Throws: ``NotationError/invalidIntervalName(_:)``.
    public init(_ text: String) throws(NotationError) {
        var rest = Substring(text)
        let descending = rest.first == "-"
        if descending { rest = rest.dropFirst() }
        let letters = rest.prefix(while: { !$0.isNumber })
        guard let size = Int(rest.dropFirst(letters.count)), size >= 1, size <= 64, !letters.isEmpty
        else { throw .invalidIntervalName(text) }
        let quality: Quality
        switch letters {
        case "P": quality = .perfect
        case "M": quality = .major
        case "m": quality = .minor
        default:
            if letters.allSatisfy({ $0 == "A" }) { quality = .augmented(letters.count) }
            else if letters.allSatisfy({ $0 == "d" }) { quality = .diminished(letters.count) }
            else { throw .invalidIntervalName(text) }
        }
        guard let interval = Interval(quality, size, descending: descending) else { throw .invalidIntervalName(text) }
        self = interval
    }

    /// An interval literal such as `"M3"`. Traps on a malformed literal (a programming error).
    public init(stringLiteral value: String) {
        do { try self.init(value) } catch { preconditionFailure(error.description) }
    }
}

extension Pitch {
    /// The pitch an interval away, spelled by letter: E4 + M3 = G#4, Bb3 + A4 = E4, C4 − m2 = B3.
    ///
    /// - Throws: ``NotationError/unspellable(_:)`` beyond a triple sharp or flat.
    public func transposed(by interval: Interval) throws(NotationError) -> Pitch {
        let diatonic = diatonicNumber + interval.diatonicSteps
        let octave = Int((Double(diatonic) / 7).rounded(.down))
        let step = Step(rawValue: diatonic - 7 * octave)!
        let natural = Pitch(step, octave: octave)
        let alter = midi + interval.semitones - natural.midi
        guard Pitch.alterRange.contains(alter) else { throw .unspellable("\(self) + \(interval)") }
        return Pitch(unchecked: step, alter: alter, octave: octave)
    }
}
