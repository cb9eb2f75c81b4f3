/// A meta event: information for sequencers and readers, not sent to instruments.
public enum MIDIMetaEvent: Sendable, Hashable {
    /// Sequence number (type 0x00).
    case sequenceNumber(Int)
    /// Free text (0x01).
    case text(String)
    /// Copyright notice (0x02).
    case copyright(String)
    /// Track or sequence name (0x03).
    case trackName(String)
    /// Instrument name (0x04).
    case instrumentName(String)
    /// A lyric syllable (0x05).
    case lyric(String)
    /// A rehearsal marker (0x06).
    case marker(String)
    /// A cue point (0x07).
    case cuePoint(String)
    /// The channel later meta events refer to (0x20).
    case channelPrefix(UInt8)
    /// The MIDI port (0x21).
    case port(UInt8)
    /// End of the track (0x2F).
    case endOfTrack
    /// A tempo change: microseconds per quarter note (0x51).
    case tempo(microsecondsPerQuarter: Int)
    /// SMPTE start time (0x54), its five bytes.
    case smpteOffset([UInt8])
    /// A time signature (0x58): numerator, denominator as a power of two, MIDI clocks per
    /// metronome click, and 32nd notes per MIDI quarter note.
    case timeSignature(numerator: UInt8, denominatorPower: UInt8, clocksPerClick: UInt8, thirtySecondsPerQuarter: UInt8)
    /// A key signature (0x59): sharps (positive) or flats (negative), and whether minor.
    case keySignature(fifths: Int8, minor: Bool)
    /// Sequencer-specific data (0x7F).
    case sequencerSpecific([UInt8])
    /// Any other meta type, with its data.
    case unknown(type: UInt8, data: [UInt8])

    /// Beats per minute of a tempo event (quarter notes per minute).
    public var beatsPerMinute: Double? {
        if case .tempo(let us) = self, us > 0 { return 60_000_000 / Double(us) }
        return nil
    }

    /// The time signature a time-signature event describes.
    public var timeSignatureValue: TimeSignature? {
        guard case .timeSignature(let n, let p, _, _) = self, n > 0, p < 8 else { return nil }
        return TimeSignature(Int(n), 1 << Int(p))
    }

    /// The key a key-signature event describes (major or minor of its signature).
    public var keyValue: Key? {
        guard case .keySignature(let fifths, let minor) = self, (-7...7).contains(fifths) else { return nil }
        return Key(signature: KeySignature(fifths: Int(fifths)), mode: minor ? .minor : .major)
    }
}
