/// Converts ticks to seconds across tempo changes.
///
/// One map serves the whole file: it is built from the tempo events of every track (a tempo
/// change in any track affects all of them, as players treat format-1 files), with 120 beats
/// per minute until the first. SMPTE-timed files have a fixed number of ticks per second.
public struct MIDITempoMap: Sendable, Hashable {
    /// A stretch of constant tempo.
    struct Segment: Sendable, Hashable {
        var tick: Int
        var seconds: Double
        var secondsPerTick: Double
    }

    var segments: [Segment]

    /// Microseconds per quarter note before any tempo event: 120 beats per minute.
    public static let defaultMicrosecondsPerQuarter = 500_000

    /// Builds the map of a file.
    public init(_ file: MIDIFile) {
        if let perSecond = file.division.smpteTicksPerSecond {
            segments = [Segment(tick: 0, seconds: 0, secondsPerTick: perSecond > 0 ? 1 / perSecond : 0)]
            return
        }
        let tpq = Double(max(file.division.ticksPerQuarter ?? 480, 1))
        var changes: [(tick: Int, order: Int, tempo: Int)] = []
        var order = 0
        for track in file.tracks {
            for event in track.events {
                if case .meta(.tempo(let us)) = event.message {
                    changes.append((event.tick, order, us))
                    order += 1
                }
            }
        }
        // Stable by tick, then by track order; the last change at a tick wins.
        changes.sort { ($0.tick, $0.order) < ($1.tick, $1.order) }
        var segments = [Segment(tick: 0, seconds: 0,
                                secondsPerTick: Double(MIDITempoMap.defaultMicrosecondsPerQuarter) / 1e6 / tpq)]
        for change in changes {
            let last = segments[segments.count - 1]
            let seconds = last.seconds + Double(change.tick - last.tick) * last.secondsPerTick
            let segment = Segment(tick: change.tick, seconds: seconds, secondsPerTick: Double(change.tempo) / 1e6 / tpq)
            if last.tick == change.tick { segments[segments.count - 1] = segment } else { segments.append(segment) }
        }
        self.segments = segments
    }

    /// The time in seconds of a tick.
    public func seconds(atTick tick: Int) -> Double {
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].tick <= tick { low = mid } else { high = mid - 1 }
        }
        let s = segments[low]
        return s.seconds + Double(tick - s.tick) * s.secondsPerTick
    }

    /// The tick at a time in seconds (rounded down to a whole tick).
    public func tick(atSeconds seconds: Double) -> Int {
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].seconds <= seconds { low = mid } else { high = mid - 1 }
        }
        let s = segments[low]
        guard s.secondsPerTick > 0 else { return s.tick }
        return s.tick + Int(((seconds - s.seconds) / s.secondsPerTick + 1e-9).rounded(.down))
    }

    /// Quarter notes per minute at a tick.
    public func beatsPerMinute(atTick tick: Int, ticksPerQuarter: Int) -> Double {
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].tick <= tick { low = mid } else { high = mid - 1 }
        }
        return 60 / (segments[low].secondsPerTick * Double(ticksPerQuarter))
    }
}
