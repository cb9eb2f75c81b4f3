/// A metronome mark: so many beats of a note value per minute.
public struct Tempo: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Beats per minute.
    public var beatsPerMinute: Double
    /// The note value that gets the beat (a quarter by default).
    public var beatUnit: Duration
    /// Optional text such as "Allegro".
    public var text: String?

    /// Creates a metronome mark.
    public init(_ beatsPerMinute: Double, beatUnit: Duration = Duration(.quarter), text: String? = nil) {
        self.beatsPerMinute = beatsPerMinute
        self.beatUnit = beatUnit
        self.text = text
    }

    /// The same speed counted in quarter notes per minute.
    public var quarterNotesPerMinute: Double { beatsPerMinute * beatUnit.quarterLength.doubleValue }

    /// Seconds one quarter note lasts.
    public var secondsPerQuarter: Double { 60 / quarterNotesPerMinute }

    /// `"♩ = 90"`-style text, in ASCII: `"quarter=90"`.
    public var description: String {
        let bpm = beatsPerMinute.rounded() == beatsPerMinute ? String(Int(beatsPerMinute)) : String(beatsPerMinute)
        return (text.map { $0 + " " } ?? "") + "\(beatUnit.label)=\(bpm)"
    }
}
