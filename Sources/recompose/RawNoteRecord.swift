import Notation

/// The JSON line of `dump --raw`: one sounding note as the MIDI file stores it.
struct RawNoteRecord: Encodable {
    var track: Int
    var channel: Int
    var pitch: Int
    var velocity: Int
    var on: Int
    var off: Int
    var onSeconds: Double
    var offSeconds: Double

    init(_ note: MIDINote, tempoMap: MIDITempoMap) {
        track = note.track
        channel = Int(note.channel)
        pitch = Int(note.pitch)
        velocity = Int(note.velocity)
        on = note.on
        off = note.off
        onSeconds = Self.microseconds(tempoMap.seconds(atTick: note.on))
        offSeconds = Self.microseconds(tempoMap.seconds(atTick: note.off))
    }

    /// Seconds rounded to the microsecond (what a MIDI player can tell apart).
    private static func microseconds(_ seconds: Double) -> Double { (seconds * 1_000_000).rounded() / 1_000_000 }
}
