/// How a MIDI file counts time: ticks per quarter note, or SMPTE frames and ticks per frame.
public enum MIDIDivision: Sendable, Hashable {
    /// Metrical time: this many ticks make one quarter note.
    case ticksPerQuarter(Int)
    /// Timecode: frames per second (24, 25, 29 for 29.97 drop-frame, 30) and ticks per frame.
    case smpte(framesPerSecond: Int, ticksPerFrame: Int)

    /// Ticks per quarter note, or `nil` for SMPTE time.
    public var ticksPerQuarter: Int? {
        if case .ticksPerQuarter(let t) = self { return t }
        return nil
    }

    /// Ticks per second for SMPTE time (29 frames means NTSC's 29.97).
    var smpteTicksPerSecond: Double? {
        guard case .smpte(let fps, let tpf) = self else { return nil }
        return (fps == 29 ? 29.97 : Double(fps)) * Double(tpf)
    }
}
