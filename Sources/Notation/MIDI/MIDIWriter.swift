import Foundation

/// Writes Standard MIDI Files: a ``MIDIFile`` as it is, or a ``Score`` as a format-1 file with
/// a conductor track (tempo, time and key signatures) and one track per staff.
///
/// A score made by ``Quantizer``, written here at the default 480 ticks per quarter and read
/// back with ``MIDIReader`` and a quantizer with the same options, is the same score. Files are written atomically (to a
/// temporary file that is then renamed), so a failed write never leaves half a file.
///
/// ```swift
/// try MIDIWriter().write(score, to: URL(fileURLWithPath: "out.mid"))
/// ```
public struct MIDIWriter: ScoreWriter {
    /// Ticks per quarter note for scores (480 holds sixteenths, triplets and quintuplets exactly).
    public var ticksPerQuarter: Int
    /// Velocity for notes that have none.
    public var defaultVelocity: Int

    /// The resolution scores are written at unless told otherwise.
    public static let defaultTicksPerQuarter = 480

    /// Creates a writer.
    public init(ticksPerQuarter: Int = MIDIWriter.defaultTicksPerQuarter, defaultVelocity: Int = 80) {
        self.ticksPerQuarter = ticksPerQuarter
        self.defaultVelocity = defaultVelocity
    }

    // MARK: - Files

    /// The bytes of a file. Events of each track are written in tick order (stable), with an
    /// end-of-track event added when missing.
    ///
    /// - Throws: ``MIDIError`` with ``MIDIError/Reason/valueOutOfRange(_:)`` for a value the
    ///   format cannot hold (a data byte above 127, a negative tick, too many tracks).
    public func data(for file: MIDIFile) throws(MIDIError) -> Data {
        guard file.tracks.count <= 0xFFFF else { throw MIDIError(.fatal, .valueOutOfRange("\(file.tracks.count) tracks"), offset: 10) }
        var out: [UInt8] = [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6]
        append16(file.format.rawValue, to: &out)
        append16(file.tracks.count, to: &out)
        switch file.division {
        case .ticksPerQuarter(let tpq):
            guard (1...0x7FFF).contains(tpq) else { throw MIDIError(.fatal, .valueOutOfRange("\(tpq) ticks per quarter"), offset: 12) }
            append16(tpq, to: &out)
        case .smpte(let fps, let tpf):
            guard [24, 25, 29, 30].contains(fps), (1...255).contains(tpf) else {
                throw MIDIError(.fatal, .valueOutOfRange("SMPTE \(fps) fps, \(tpf) ticks per frame"), offset: 12)
            }
            out.append(UInt8(truncatingIfNeeded: -fps))
            out.append(UInt8(tpf))
        }
        for (index, track) in file.tracks.enumerated() {
            try appendTrack(track, index: index, to: &out)
        }
        return Data(out)
    }

    /// Writes a file atomically.
    ///
    /// - Throws: ``MIDIError`` for values out of range or when the file cannot be written.
    public func write(_ file: MIDIFile, to url: URL) throws(MIDIError) {
        let bytes = try data(for: file)
        do { try AtomicFile.write(bytes, to: url) } catch {
            throw MIDIError(.fatal, .unwritable(""), offset: 0, file: url.path, cause: error)
        }
    }

    // MARK: - Scores

    /// The bytes of a score as a format-1 file (see ``file(from:)``).
    public func data(for score: Score) throws(MIDIError) -> Data {
        try data(for: file(from: score))
    }

    /// Writes a score atomically as a format-1 file.
    public func write(_ score: Score, to url: URL) throws(MIDIError) {
        try write(file(from: score), to: url)
    }

    /// A score as a format-1 MIDI file: track 0 holds the title, tempo, time and key signatures;
    /// then one track per staff, part by part, named after the part, with the part's program and
    /// the staff's pedal marks as sustain-pedal presses. Tied notes sound as one note; grace
    /// notes are left out (they take no time).
    public func file(from score: Score) -> MIDIFile {
        let tpq = ticksPerQuarter
        func ticks(_ offset: Rational) -> Int { (offset * Rational(tpq)).floor }
        var conductor: [MIDITrackEvent] = []
        if let title = score.metadata.title { conductor.append(.init(tick: 0, message: .meta(.trackName(title)))) }
        conductor += MIDIWriter.metadataEvents(score.metadata)
        var tracks: [MIDITrack] = []
        let end = ticks(score.length)
        // Meter, key and tempo from the first staff that has them.
        var tempoEvents: [MIDITrackEvent] = []
        if let staff = score.parts.first?.staves.first {
            for (measure, offset) in zip(staff.measures, staff.measureOffsets) {
                let tick = ticks(offset)
                if let meter = measure.timeSignature {
                    let power = UInt8(max(0, min(7, Int(log2(Double(max(meter.denominator, 1)))))))
                    conductor.append(.init(tick: tick, message: .meta(.timeSignature(
                        numerator: UInt8(clamping: meter.numerator), denominatorPower: power,
                        clocksPerClick: 24, thirtySecondsPerQuarter: 8))))
                }
                if let signature = measure.keySignature ?? measure.key?.signature {
                    let minor = measure.key?.mode.isMinor ?? false
                    conductor.append(.init(tick: tick, message: .meta(.keySignature(
                        fifths: Int8(clamping: signature.fifths), minor: minor))))
                }
            }
        }
        for part in score.parts {
            for staff in part.staves {
                for (measure, offset) in zip(staff.measures, staff.measureOffsets) {
                    for direction in measure.directions {
                        guard case .tempo(let tempo) = direction.kind, tempo.quarterNotesPerMinute > 0 else { continue }
                        let us = Int((60_000_000 / tempo.quarterNotesPerMinute).rounded())
                        tempoEvents.append(.init(tick: ticks(offset + direction.offset),
                                                 message: .meta(.tempo(microsecondsPerQuarter: min(max(us, 1), 0xFFFFFF)))))
                    }
                }
            }
        }
        tempoEvents.sort { $0.tick < $1.tick }
        var seenTempoTicks = Set<Int>()
        for event in tempoEvents where seenTempoTicks.insert(event.tick).inserted { conductor.append(event) }
        conductor.sort { $0.tick < $1.tick }
        conductor.append(.init(tick: max(end, conductor.last?.tick ?? 0), message: .meta(.endOfTrack)))
        tracks.append(MIDITrack(events: conductor))

        var nextChannel = 0
        for part in score.parts {
            var channel = part.instrument.midiChannel.map { max(0, min(15, $0 - 1)) } ?? nextChannel
            if part.instrument.midiChannel == nil {
                if channel == 9 { channel = 10 }
                nextChannel = min(channel + 1, 15)
            }
            let program = UInt8(clamping: max(0, min(127, part.instrument.midiProgram ?? 0)))
            for (staffIndex, staff) in part.staves.enumerated() {
                let staffNumber = staffIndex + 1
                var events: [MIDITrackEvent] = []
                if let name = part.name { events.append(.init(tick: 0, message: .meta(.trackName(name)))) }
                if let instrumentName = part.instrument.name {
                    events.append(.init(tick: 0, message: .meta(.instrumentName(instrumentName))))
                }
                events.append(.init(tick: 0, message: .programChange(channel: UInt8(channel), program: program)))
                // Pedal marks of this staff as sustain-pedal presses.
                for (measure, offset) in zip(staff.measures, staff.measureOffsets) {
                    for direction in measure.directions
                    where direction.staff == nil || direction.staff == staffNumber {
                        guard case .pedal(let pedal) = direction.kind else { continue }
                        let mark = pedal.type
                        let tick = ticks(offset + direction.offset)
                        if mark == .stop || mark == .change {
                            events.append(.init(tick: tick, message: .controlChange(channel: UInt8(channel), controller: 64, value: 0)))
                        }
                        if mark == .start || mark == .change {
                            events.append(.init(tick: tick, message: .controlChange(channel: UInt8(channel), controller: 64, value: 127)))
                        }
                    }
                }
                var notes: [(on: Int, off: Int, key: UInt8, velocity: UInt8)] = []
                // Tied notes: start tick per (voice, key), closed by the tie's stop.
                var open: [String: (on: Int, velocity: UInt8)] = [:]
                for (measure, measureOffset) in zip(staff.measures, staff.measureOffsets) {
                    for voice in measure.voices {
                        for element in voice.elements {
                            let sounding: [Note]
                            switch element.event {
                            case .note(let note): sounding = [note]
                            case .chord(let chord): sounding = chord.notes
                            case .rest: continue
                            }
                            let on = ticks(measureOffset + element.offset)
                            let off = ticks(measureOffset + element.end)
                            for note in sounding where !note.isGrace && (0...127).contains(note.pitch.midi) {
                                let key = UInt8(note.pitch.midi)
                                let velocity = UInt8(clamping: max(1, min(127, note.velocity ?? defaultVelocity)))
                                let slot = "\(voice.id)/\(key)"
                                switch note.tie {
                                case .start?:
                                    open[slot] = (on, velocity)
                                case .continue?:
                                    if open[slot] == nil { open[slot] = (on, velocity) }
                                case .stop?:
                                    let start = open.removeValue(forKey: slot) ?? (on, velocity)
                                    notes.append((start.on, off, key, start.velocity))
                                case nil:
                                    notes.append((on, off, key, velocity))
                                }
                            }
                        }
                    }
                }
                // A tie left open at the end sounds to the end of the staff.
                for (slot, start) in open {
                    if let key = UInt8(slot.split(separator: "/").last ?? "") { notes.append((start.on, end, key, start.velocity)) }
                }
                // Releases before attacks at the same tick, so repeated keys re-strike cleanly.
                var timed: [(tick: Int, order: Int, message: MIDIMessage)] = []
                for note in notes {
                    timed.append((note.on, 1, .noteOn(channel: UInt8(channel), key: note.key, velocity: note.velocity)))
                    timed.append((note.off, 0, .noteOff(channel: UInt8(channel), key: note.key, velocity: 0)))
                }
                timed.sort { ($0.tick, $0.order) < ($1.tick, $1.order) }
                events += timed.map { MIDITrackEvent(tick: $0.tick, message: $0.message) }
                // Stable by tick: program change and pedal before the notes of the same tick.
                events = events.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }.map(\.element)
                events.append(.init(tick: max(end, events.last?.tick ?? 0), message: .meta(.endOfTrack)))
                tracks.append(MIDITrack(events: events))
            }
        }
        return MIDIFile(format: .simultaneous, division: .ticksPerQuarter(tpq), tracks: tracks)
    }

    // MARK: - Encoding

    private func append16(_ value: Int, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value))
    }

    private func appendVLQ(_ value: Int, to out: inout [UInt8]) {
        var groups: [UInt8] = [UInt8(value & 0x7F)]
        var rest = value >> 7
        while rest > 0 {
            groups.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        out.append(contentsOf: groups.reversed())
    }

    private func appendTrack(_ track: MIDITrack, index: Int, to out: inout [UInt8]) throws(MIDIError) {
        func bad(_ what: String) -> MIDIError { MIDIError(.fatal, .valueOutOfRange(what), offset: out.count, track: index) }
        var events = track.events.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }.map(\.element)
        if let last = events.last?.message, case .meta(.endOfTrack) = last {} else {
            events.append(MIDITrackEvent(tick: events.last?.tick ?? 0, message: .meta(.endOfTrack)))
        }
        var body: [UInt8] = []
        body.reserveCapacity(events.count * 4)
        var tick = 0
        for (position, event) in events.enumerated() {
            guard event.tick >= 0, event.tick - tick <= 0x0FFF_FFFF else { throw bad("tick \(event.tick)") }
            if case .meta(.endOfTrack) = event.message, position != events.count - 1 { continue }
            appendVLQ(event.tick - tick, to: &body)
            tick = event.tick
            func channelMessage(_ kind: UInt8, _ channel: UInt8, _ bytes: UInt8...) throws(MIDIError) {
                guard channel < 16 else { throw bad("channel \(channel)") }
                for b in bytes where b > 127 { throw bad("data byte \(b)") }
                body.append(kind << 4 | channel)
                body.append(contentsOf: bytes)
            }
            switch event.message {
            case .noteOff(let c, let k, let v): try channelMessage(0x8, c, k, v)
            case .noteOn(let c, let k, let v): try channelMessage(0x9, c, k, v)
            case .polyphonicPressure(let c, let k, let p): try channelMessage(0xA, c, k, p)
            case .controlChange(let c, let n, let v): try channelMessage(0xB, c, n, v)
            case .programChange(let c, let p): try channelMessage(0xC, c, p)
            case .channelPressure(let c, let p): try channelMessage(0xD, c, p)
            case .pitchBend(let c, let value):
                guard value < 16384 else { throw bad("pitch bend \(value)") }
                try channelMessage(0xE, c, UInt8(value & 0x7F), UInt8(value >> 7))
            case .systemExclusive(let escape, let data):
                body.append(escape ? 0xF7 : 0xF0)
                appendVLQ(data.count, to: &body)
                body.append(contentsOf: data)
            case .meta(let meta):
                let (type, data) = try encode(meta, bad: bad)
                body.append(0xFF)
                body.append(type)
                appendVLQ(data.count, to: &body)
                body.append(contentsOf: data)
            }
        }
        out.append(contentsOf: [0x4D, 0x54, 0x72, 0x6B])
        let length = body.count
        out.append(contentsOf: [UInt8(truncatingIfNeeded: length >> 24), UInt8(truncatingIfNeeded: length >> 16),
                                UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)])
        out.append(contentsOf: body)
    }

    private func encode(_ meta: MIDIMetaEvent, bad: (String) -> MIDIError) throws(MIDIError) -> (UInt8, [UInt8]) {
        switch meta {
        case .sequenceNumber(let n): return (0x00, [UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)])
        case .text(let t): return (0x01, Array(t.utf8))
        case .copyright(let t): return (0x02, Array(t.utf8))
        case .trackName(let t): return (0x03, Array(t.utf8))
        case .instrumentName(let t): return (0x04, Array(t.utf8))
        case .lyric(let t): return (0x05, Array(t.utf8))
        case .marker(let t): return (0x06, Array(t.utf8))
        case .cuePoint(let t): return (0x07, Array(t.utf8))
        case .channelPrefix(let c): return (0x20, [c])
        case .port(let p): return (0x21, [p])
        case .endOfTrack: return (0x2F, [])
        case .tempo(let us):
            guard (1...0xFFFFFF).contains(us) else { throw bad("tempo \(us) µs per quarter") }
            return (0x51, [UInt8(us >> 16), UInt8((us >> 8) & 0xFF), UInt8(us & 0xFF)])
        case .smpteOffset(let bytes): return (0x54, bytes)
        case .timeSignature(let n, let p, let c, let t): return (0x58, [n, p, c, t])
        case .keySignature(let fifths, let minor): return (0x59, [UInt8(bitPattern: fifths), minor ? 1 : 0])
        case .sequencerSpecific(let bytes): return (0x7F, bytes)
        case .unknown(let type, let data): return (type, data)
        }
    }
}
