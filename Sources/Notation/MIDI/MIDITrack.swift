/// An event of a track at its absolute time in ticks.
public struct MIDITrackEvent: Sendable, Hashable {
    /// Ticks from the start of the track.
    public var tick: Int
    /// What happens.
    public var message: MIDIMessage

    /// Creates an event.
    public init(tick: Int, message: MIDIMessage) {
        self.tick = tick
        self.message = message
    }
}

/// One `MTrk` chunk: its events in file order with absolute ticks.
///
/// Absolute ticks rather than deltas are stored so that tracks can be merged and notes paired
/// without re-summing; ``MIDIWriter`` turns them back into deltas.
public struct MIDITrack: Sendable, Hashable {
    /// The events in file order (ticks never decrease). The end-of-track event is kept.
    public var events: [MIDITrackEvent]

    /// Creates a track.
    public init(events: [MIDITrackEvent] = []) {
        self.events = events
    }

    /// The first track-name meta event's text.
    public var name: String? {
        for event in events {
            if case .meta(.trackName(let name)) = event.message { return name }
        }
        return nil
    }

    /// The tick at which the track ends: its end-of-track event, or its last event.
    public var endTick: Int { events.last?.tick ?? 0 }

    /// Whether the track has any note-on with a positive velocity.
    public var hasNotes: Bool {
        events.contains { if case .noteOn(_, _, let v) = $0.message { return v > 0 } else { return false } }
    }
}
