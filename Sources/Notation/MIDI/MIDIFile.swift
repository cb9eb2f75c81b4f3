import Foundation

/// A Standard MIDI File as stored: format, time division and tracks of timed messages.
///
/// ```swift
/// let file = try MIDIReader().read(contentsOf: url)
/// let notes = file.notes                // paired note-on/off, sorted by onset
/// let map = MIDITempoMap(file)
/// map.seconds(atTick: notes[0].on)
/// ```
public struct MIDIFile: Sendable, Hashable {
    /// How the tracks relate.
    public enum Format: Int, Sendable, Hashable {
        /// One track holding all channels.
        case single = 0
        /// Simultaneous tracks, the first usually a conductor track of tempo and meter.
        case simultaneous = 1
        /// Independent sequences, one per track.
        case sequential = 2
    }

    /// The file format.
    public var format: Format
    /// How ticks relate to time.
    public var division: MIDIDivision
    /// The tracks in file order.
    public var tracks: [MIDITrack]
    /// Recoverable problems met while reading leniently (empty for a clean file).
    public var warnings: [MIDIError]

    /// Creates a file.
    public init(format: Format = .simultaneous, division: MIDIDivision = .ticksPerQuarter(480),
                tracks: [MIDITrack] = [], warnings: [MIDIError] = []) {
        self.format = format
        self.division = division
        self.tracks = tracks
        self.warnings = warnings
    }

    /// Every sounding note, paired first-in first-out per track, channel and key, ordered by
    /// onset tick, then track, then key. See ``MIDINote``.
    public var notes: [MIDINote] { MIDINote.pair(tracks) }
}
