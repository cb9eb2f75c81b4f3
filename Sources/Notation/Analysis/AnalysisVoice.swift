/// One voice of a score as harmonic analysis follows it: a part, or one voice of one staff of a
/// part when the part has more than one.
public struct AnalysisVoice: Sendable, Hashable {
    /// The part's index, 0 for the top part.
    public var part: Int
    /// The staff within the part, 1-based.
    public var staff: Int
    /// The voice's identifier within the staff (MusicXML's `<voice>`).
    public var voice: String

    /// A voice.
    public init(part: Int, staff: Int, voice: String) {
        self.part = part
        self.staff = staff
        self.voice = voice
    }
}
