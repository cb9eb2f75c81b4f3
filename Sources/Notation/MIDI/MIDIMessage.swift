/// What a track event says: a channel message, a system-exclusive message or a meta event.
///
/// Channel numbers are 0…15 and data values 0…127, as stored in the file (the reader rejects
/// data bytes with the top bit set, so every stored value fits in seven bits).
public enum MIDIMessage: Sendable, Hashable {
    /// A key released.
    case noteOff(channel: UInt8, key: UInt8, velocity: UInt8)
    /// A key pressed; velocity 0 means released, as the standard allows.
    case noteOn(channel: UInt8, key: UInt8, velocity: UInt8)
    /// Pressure on one held key.
    case polyphonicPressure(channel: UInt8, key: UInt8, pressure: UInt8)
    /// A controller moved: 64 is the sustain pedal (value ≥ 64 is down).
    case controlChange(channel: UInt8, controller: UInt8, value: UInt8)
    /// A new instrument sound (General MIDI program 0…127).
    case programChange(channel: UInt8, program: UInt8)
    /// Pressure on all held keys of a channel.
    case channelPressure(channel: UInt8, pressure: UInt8)
    /// Pitch wheel position, 0…16383 with 8192 at rest.
    case pitchBend(channel: UInt8, value: UInt16)
    /// A system-exclusive message (`F0` or the `F7` escape), kept as its bytes after the length.
    case systemExclusive(escape: Bool, data: [UInt8])
    /// A meta event.
    case meta(MIDIMetaEvent)

    /// The controller number of the sustain (damper) pedal.
    public static let sustainController: UInt8 = 64

    /// The channel of a channel message.
    public var channel: UInt8? {
        switch self {
        case .noteOff(let c, _, _), .noteOn(let c, _, _), .polyphonicPressure(let c, _, _),
             .controlChange(let c, _, _), .programChange(let c, _), .channelPressure(let c, _),
             .pitchBend(let c, _):
            return c
        case .systemExclusive, .meta:
            return nil
        }
    }

    /// Whether the sustain pedal goes down (`true`), up (`false`), or this is no pedal event.
    public var sustainPedal: Bool? {
        if case .controlChange(_, MIDIMessage.sustainController, let value) = self { return value >= 64 }
        return nil
    }
}
