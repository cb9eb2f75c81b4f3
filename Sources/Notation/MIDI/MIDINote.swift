/// A sounding note of a MIDI file: a note-on paired with its release, in ticks.
///
/// Pairing rules, the same as `recompose dump --raw` and the mido parity check use:
/// a note-on with velocity 0 is a note-off; repeated note-ons of a key that is already held
/// start new notes, and releases end the held notes of that track, channel and key first-in
/// first-out; a release with nothing held is ignored; a note still held when its track ends
/// ends at the track's last tick.
public struct MIDINote: Sendable, Hashable {
    /// The track chunk (0-based).
    public var track: Int
    /// The channel, 0…15.
    public var channel: UInt8
    /// The key, 0…127 (60 is middle C).
    public var pitch: UInt8
    /// The note-on velocity, 1…127.
    public var velocity: UInt8
    /// Onset tick.
    public var on: Int
    /// Release tick (never before ``on``).
    public var off: Int

    /// Creates a note.
    public init(track: Int, channel: UInt8, pitch: UInt8, velocity: UInt8, on: Int, off: Int) {
        self.track = track
        self.channel = channel
        self.pitch = pitch
        self.velocity = velocity
        self.on = on
        self.off = off
    }

    /// Pairs the notes of tracks and orders them by onset, then track, then key (then channel
    /// and release, so the order is total).
    public static func pair(_ tracks: [MIDITrack]) -> [MIDINote] {
        var notes: [MIDINote] = []
        // Held notes as indices into `notes`, per channel × key; a queue per slot keeps FIFO order.
        var held = [[Int]](repeating: [], count: 16 * 128)
        var dirty: [Int] = []
        for (trackIndex, track) in tracks.enumerated() {
            for event in track.events {
                switch event.message {
                case .noteOn(let channel, let key, let velocity) where velocity > 0:
                    let slot = Int(channel & 15) << 7 | Int(key & 127)
                    if held[slot].isEmpty { dirty.append(slot) }
                    held[slot].append(notes.count)
                    notes.append(MIDINote(track: trackIndex, channel: channel, pitch: key, velocity: velocity,
                                          on: event.tick, off: event.tick))
                case .noteOn(let channel, let key, _), .noteOff(let channel, let key, _):
                    let slot = Int(channel & 15) << 7 | Int(key & 127)
                    if !held[slot].isEmpty {
                        notes[held[slot].removeFirst()].off = event.tick
                    }
                default:
                    break
                }
            }
            let end = track.endTick
            for slot in dirty {
                for index in held[slot] { notes[index].off = end }
                held[slot].removeAll(keepingCapacity: true)
            }
            dirty.removeAll(keepingCapacity: true)
        }
        notes.sort { a, b in
            if a.on != b.on { return a.on < b.on }
            if a.track != b.track { return a.track < b.track }
            if a.pitch != b.pitch { return a.pitch < b.pitch }
            if a.channel != b.channel { return a.channel < b.channel }
            return a.off < b.off
        }
        return notes
    }
}
