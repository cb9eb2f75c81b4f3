/// Two voices moving together: the upper voice from one pitch to the next while the lower voice
/// does the same, judged as music21's `voiceLeading.VoiceLeadingQuartet` judges it.
///
/// ```swift
/// let motion = VoiceLeadingQuartet(upper: (try Pitch("G4"), try Pitch("A4")),
///                                  lower: (try Pitch("C4"), try Pitch("D4")))
/// motion.isParallelFifth   // true
/// motion.findings          // [.parallelFifth]
/// ```
///
/// The rules are music21's, including its less obvious choices:
///
/// - Motion is read from the direction of each voice in semitones; a voice that keeps its
///   pitch (same letter, alteration and octave) makes the motion oblique, both keeping theirs is
///   no motion (and nothing is parallel or hidden).
/// - **Parallel fifths and octaves** are similar motion between two perfect fifths (or
///   twelfths, …) or two perfect octaves (or fifteenths; a unison is not an octave), or
///   contrary motion between two intervals of the same simple name (P5 → P12 moving apart; an
///   octave and a unison count alike here, as music21's antiparallel test reduces both to P1).
///   A diminished fifth to a perfect fifth is not a parallel fifth.
/// - **Hidden fifths and octaves** are similar motion, not parallel in generic size, into a
///   perfect fifth or into a perfect octave *or unison* (any compound too).
/// - **Voice crossing**: the upper voice is below the lower one at either moment (by sounding
///   pitch). **Voice overlap**: the upper voice moves below where the lower voice was, or the
///   lower voice above where the upper one was.
public struct VoiceLeadingQuartet: Sendable, Hashable {
    /// The upper voice's first and second pitch.
    public var upperFrom, upperTo: Pitch
    /// The lower voice's first and second pitch.
    public var lowerFrom, lowerTo: Pitch

    /// A motion of two voices, upper one first.
    public init(upper: (Pitch, Pitch), lower: (Pitch, Pitch)) {
        (upperFrom, upperTo) = upper
        (lowerFrom, lowerTo) = lower
    }

    private var firstHarmonic: Interval { Interval(from: upperFrom, to: lowerFrom) }
    private var secondHarmonic: Interval { Interval(from: upperTo, to: lowerTo) }
    private var upperMotion: Interval { Interval(from: upperFrom, to: upperTo) }
    private var lowerMotion: Interval { Interval(from: lowerFrom, to: lowerTo) }

    /// Neither voice changes its pitch.
    public var isNoMotion: Bool { upperFrom == upperTo && lowerFrom == lowerTo }

    /// One voice keeps its pitch while the other moves.
    public var isOblique: Bool { !isNoMotion && (upperFrom == upperTo || lowerFrom == lowerTo) }

    /// Both voices move the same way (parallel motion included).
    public var isSimilar: Bool {
        !isNoMotion && upperMotion.semitones.signum() == lowerMotion.semitones.signum()
    }

    /// Both voices move, in opposite directions.
    public var isContrary: Bool {
        !isNoMotion && !isOblique && upperMotion.semitones.signum() != lowerMotion.semitones.signum()
    }

    /// Similar motion between two intervals of the same generic size, octaves allowed apart
    /// (a third to a tenth).
    public var isParallel: Bool {
        isSimilar && Self.semiSimpleSize(firstHarmonic) == Self.semiSimpleSize(secondHarmonic)
    }

    /// Parallel (or antiparallel) perfect fifths.
    public var isParallelFifth: Bool { isParallel(semiSimple: "P5", simple: "P5") }

    /// Parallel (or antiparallel) perfect octaves.
    public var isParallelOctave: Bool { isParallel(semiSimple: "P8", simple: "P1") }

    /// Similar, not parallel, motion into a perfect fifth.
    public var isHiddenFifth: Bool { isHidden(into: "P5") }

    /// Similar, not parallel, motion into a perfect octave or unison.
    public var isHiddenOctave: Bool { isHidden(into: "P1") }

    /// The upper voice is below the lower one at either moment.
    public var isVoiceCrossing: Bool { upperFrom.midi < lowerFrom.midi || upperTo.midi < lowerTo.midi }

    /// A voice moves past where the other voice was.
    public var isVoiceOverlap: Bool { upperTo.midi < lowerFrom.midi || lowerTo.midi > upperFrom.midi }

    /// Every finding of this motion, in the order of ``VoiceLeadingFinding/Kind`` (leaps are
    /// judged per voice, not here).
    public var findings: [VoiceLeadingFinding.Kind] {
        var found: [VoiceLeadingFinding.Kind] = []
        if isParallelFifth { found.append(.parallelFifth) }
        if isParallelOctave { found.append(.parallelOctave) }
        if isHiddenFifth { found.append(.hiddenFifth) }
        if isHiddenOctave { found.append(.hiddenOctave) }
        if isVoiceCrossing { found.append(.voiceCrossing) }
        if isVoiceOverlap { found.append(.voiceOverlap) }
        return found
    }

    private func isParallel(semiSimple: String, simple: String) -> Bool {
        let (first, second) = (firstHarmonic, secondHarmonic)
        if isParallel && Self.semiSimpleName(first) == semiSimple && Self.semiSimpleName(second) == semiSimple {
            return true
        }
        return isContrary && Self.simpleName(first) == simple && Self.simpleName(second) == simple
    }

    private func isHidden(into simple: String) -> Bool {
        !isParallel && isSimilar && Self.simpleName(secondHarmonic) == simple
    }

    /// music21's `simpleName`: quality and size within an octave, an octave being a unison.
    private static func simpleName(_ interval: Interval) -> String {
        interval.quality.abbreviation + String(interval.simpleSize)
    }

    /// music21's `semiSimpleName`: as ``simpleName(_:)`` but an octave (or fifteenth) stays 8.
    private static func semiSimpleName(_ interval: Interval) -> String {
        interval.quality.abbreviation + String(semiSimpleSize(interval))
    }

    private static func semiSimpleSize(_ interval: Interval) -> Int {
        interval.simpleSize == 1 && interval.size > 1 ? 8 : interval.simpleSize
    }
}
