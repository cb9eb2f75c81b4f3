/// A voice-leading event between two voices (or a leap in one): what it is, which voices, and
/// where the second sonority of the motion sounds.
public struct VoiceLeadingFinding: Sendable, Hashable {
    /// What was found.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// Parallel or antiparallel perfect fifths (``VoiceLeadingQuartet/isParallelFifth``).
        case parallelFifth
        /// Parallel or antiparallel perfect octaves (``VoiceLeadingQuartet/isParallelOctave``).
        case parallelOctave
        /// Similar motion into a perfect fifth (``VoiceLeadingQuartet/isHiddenFifth``).
        case hiddenFifth
        /// Similar motion into an octave or unison (``VoiceLeadingQuartet/isHiddenOctave``).
        case hiddenOctave
        /// The upper voice below the lower (``VoiceLeadingQuartet/isVoiceCrossing``).
        case voiceCrossing
        /// A voice moving past the other's previous pitch (``VoiceLeadingQuartet/isVoiceOverlap``).
        case voiceOverlap
        /// One voice moving by more than an octave between two consecutive slices.
        case largeLeap
    }

    /// What was found.
    public var kind: Kind
    /// The voices, upper first (indices into ``HarmonicAnalysis/voices``); one voice for
    /// ``Kind/largeLeap``.
    public var voices: [Int]
    /// The index in ``HarmonicAnalysis/slices`` of the slice where the motion arrives.
    public var slice: Int

    /// A finding.
    public init(kind: Kind, voices: [Int], slice: Int) {
        self.kind = kind
        self.voices = voices
        self.slice = slice
    }
}
