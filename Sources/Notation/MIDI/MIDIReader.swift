import Foundation

/// Reads Standard MIDI Files (formats 0, 1 and 2) into ``MIDIFile`` values.
///
/// The reader works on the raw bytes without allocating per byte; it never traps on bad
/// input. Every problem is a ``MIDIError`` with its byte offset: strict mode throws the first
/// one, lenient mode (the default) throws only fatal ones and otherwise keeps what could be
/// read — the events before a corrupt spot in a track, and the other tracks — and lists the
/// problems in ``MIDIFile/warnings``.
///
/// As a ``ScoreReader`` it reads a file into notation, quantized with ``quantization``:
///
/// ```swift
/// let file = try MIDIReader(options: .init(strictness: .strict)).read(contentsOf: url)   // MIDIFile
/// let reading = try MIDIReader().readScore(contentsOf: url)   // Score + the reader's warnings
/// ```
public struct MIDIReader: ScoreReader {
    /// How the reader treats damaged files.
    public struct Options: Sendable, Hashable {
        /// Whether recoverable problems are errors.
        public enum Strictness: Sendable, Hashable {
            /// Every problem, even a pedantic one, is thrown.
            case strict
            /// Only fatal problems are thrown; the rest become warnings on a partial result.
            case lenient
        }

        /// Whether recoverable problems are errors.
        public var strictness: Strictness
        /// Bytes of the file; a larger one is refused before it is read into memory.
        public var maximumFileSize: Int
        /// Track chunks in the file.
        public var maximumTracks: Int
        /// Events (channel, meta and system-exclusive) in all tracks together.
        public var maximumEvents: Int
        /// Tempo meta events in all tracks together.
        public var maximumTempoEvents: Int

        /// Creates options. The default bounds are far above any real file (a Standard MIDI
        /// File of a whole opera is a few megabytes); going beyond one is a fatal
        /// ``MIDIError/Reason/limitExceeded(_:)`` in either strictness.
        public init(strictness: Strictness = .lenient, maximumFileSize: Int = 64 * 1024 * 1024,
                    maximumTracks: Int = 1_024, maximumEvents: Int = 10_000_000,
                    maximumTempoEvents: Int = 100_000) {
            self.strictness = strictness
            self.maximumFileSize = maximumFileSize
            self.maximumTracks = maximumTracks
            self.maximumEvents = maximumEvents
            self.maximumTempoEvents = maximumTempoEvents
        }
    }

    /// The options.
    public var options: Options
    /// How ``readScore(data:fileName:)`` turns the file's notes into notation.
    public var quantization: Quantizer.Options

    /// Creates a reader.
    public init(options: Options = Options(), quantization: Quantizer.Options = Quantizer.Options()) {
        self.options = options
        self.quantization = quantization
    }

    /// Reads a file from disk; errors and warnings name it.
    ///
    /// - Throws: ``MIDIError`` (`unreadable` when the file cannot be opened).
    public func read(contentsOf url: URL) throws(MIDIError) -> MIDIFile {
        // The size is checked before reading, so a huge file is never loaded.
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
           size > options.maximumFileSize {
            throw MIDIError(.fatal, .limitExceeded("\(size) bytes, more than the limit of \(options.maximumFileSize)"),
                            offset: 0, file: url.path)
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw MIDIError(.fatal, .unreadable(""), offset: 0, file: url.path, cause: error)
        }
        return try read(data: data, fileName: url.path)
    }

    /// Reads a file from its bytes; `fileName` names them in errors and warnings.
    ///
    /// - Throws: ``MIDIError``: always for fatal problems, for any problem in strict mode.
    public func read(data: Data, fileName: String = "<data>") throws(MIDIError) -> MIDIFile {
        do {
            var file = try read([UInt8](data))
            file.warnings = file.warnings.map { $0.named(fileName) }
            return file
        } catch {
            throw error.named(fileName)
        }
    }

    /// Reads a file and quantizes it into a score with ``quantization``; the warnings are the
    /// problems read past in lenient mode (``MIDIFile/warnings``).
    public func readScore(data: Data, fileName: String = "<data>") throws(MIDIError) -> ScoreReading<MIDIError> {
        try quantized(read(data: data, fileName: fileName), fileName: fileName)
    }

    /// Reads a file from disk and quantizes it into a score (see ``readScore(data:fileName:)``).
    public func readScore(contentsOf url: URL) throws(MIDIError) -> ScoreReading<MIDIError> {
        try quantized(read(contentsOf: url), fileName: url.path)
    }

    private func quantized(_ file: MIDIFile, fileName: String) throws(MIDIError) -> ScoreReading<MIDIError> {
        do {
            return ScoreReading(score: try Quantizer(options: quantization).score(from: file).score, warnings: file.warnings)
        } catch {
            throw error.named(fileName)
        }
    }

    /// Reads a file from its bytes, already in memory as an array (errors name no file).
    ///
    /// - Throws: ``MIDIError``: always for fatal problems, for any problem in strict mode.
    public func read(_ bytes: [UInt8]) throws(MIDIError) -> MIDIFile {
        guard bytes.count <= options.maximumFileSize else {
            throw MIDIError(.fatal, .limitExceeded("\(bytes.count) bytes, more than the limit of \(options.maximumFileSize)"), offset: 0)
        }
        let options = self.options
        let result: Result<MIDIFile, MIDIError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = SMFParser(bytes: buffer, options: options)
            do throws(MIDIError) {
                return .success(try parser.parseFile())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// The byte-level parser behind ``MIDIReader``.
struct SMFParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let strict: Bool
    let options: MIDIReader.Options
    var warnings: [MIDIError] = []
    /// Events and tempo events read so far, against the options' bounds.
    var eventCount = 0
    var tempoCount = 0

    init(bytes: UnsafeBufferPointer<UInt8>, options: MIDIReader.Options) {
        self.bytes = bytes
        self.strict = options.strictness == .strict
        self.options = options
    }

    /// Counts one more event (and tempo event), throwing once a bound is passed.
    mutating func count(at offset: Int, track: Int, tempo: Bool = false) throws(MIDIError) {
        eventCount += 1
        guard eventCount <= options.maximumEvents else {
            throw MIDIError(.fatal, .limitExceeded("more than \(options.maximumEvents) events"), offset: offset, track: track)
        }
        if tempo {
            tempoCount += 1
            guard tempoCount <= options.maximumTempoEvents else {
                throw MIDIError(.fatal, .limitExceeded("more than \(options.maximumTempoEvents) tempo events"),
                                offset: offset, track: track)
            }
        }
    }

    /// Throws a problem in strict mode (or when fatal), otherwise keeps it as a warning.
    mutating func report(_ severity: MIDIError.Severity, _ reason: MIDIError.Reason, at offset: Int,
                         track: Int? = nil) throws(MIDIError) {
        let error = MIDIError(severity, reason, offset: offset, track: track)
        if strict || severity == .fatal { throw error }
        warnings.append(error)
    }

    @inline(__always) func u32(_ at: Int) -> Int {
        Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }

    @inline(__always) func u16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }

    mutating func parseFile() throws(MIDIError) -> MIDIFile {
        let count = bytes.count
        guard count >= 8, bytes[0] == 0x4D, bytes[1] == 0x54, bytes[2] == 0x68, bytes[3] == 0x64 else {
            throw MIDIError(.fatal, count < 4 ? .truncated : .notAMIDIFile, offset: 0)
        }
        let headerLength = u32(4)
        guard headerLength >= 6 else { throw MIDIError(.fatal, .headerTooShort(headerLength), offset: 4) }
        guard count >= 14 else { throw MIDIError(.fatal, .truncated, offset: count) }
        let formatNumber = u16(8), declaredTracks = u16(10), divisionWord = u16(12)
        guard let format = MIDIFile.Format(rawValue: formatNumber) else {
            throw MIDIError(.fatal, .unsupportedFormat(formatNumber), offset: 8)
        }
        let division: MIDIDivision
        if divisionWord & 0x8000 != 0 {
            let fps = -Int(Int8(truncatingIfNeeded: divisionWord >> 8))
            guard [24, 25, 29, 30].contains(fps), divisionWord & 0xFF > 0 else {
                throw MIDIError(.fatal, .valueOutOfRange("SMPTE division 0x\(String(divisionWord, radix: 16))"), offset: 12)
            }
            division = .smpte(framesPerSecond: fps, ticksPerFrame: divisionWord & 0xFF)
        } else {
            guard divisionWord > 0 else {
                throw MIDIError(.fatal, .valueOutOfRange("zero ticks per quarter note"), offset: 12)
            }
            division = .ticksPerQuarter(divisionWord)
        }
        var position = 8 + headerLength
        if headerLength > 6 {
            try report(.pedantic, .headerTooLong(headerLength), at: 4)
            if position > count { throw MIDIError(.fatal, .chunkPastEnd(declared: headerLength, available: count - 8), offset: 4) }
        }
        // Each track needs at least an 8-byte chunk header; more cannot fit.
        if declaredTracks > (count - position) / 8 + 1 {
            try report(.corrupt, .absurdTrackCount(declared: declaredTracks), at: 10)
        }
        if format == .single && declaredTracks != 1 {
            try report(.pedantic, .trackCountMismatch(declared: declaredTracks, found: 1), at: 10)
        }
        var tracks: [MIDITrack] = []
        tracks.reserveCapacity(min(declaredTracks, (count - position) / 8 + 1))
        while position < count {
            guard count - position >= 8 else {
                try report(.pedantic, .trailingBytes(count - position), at: position)
                break
            }
            let isTrack = bytes[position] == 0x4D && bytes[position + 1] == 0x54
                && bytes[position + 2] == 0x72 && bytes[position + 3] == 0x6B
            let length = u32(position + 4)
            let start = position + 8
            var end = start + length
            if end > count {
                try report(.corrupt, .chunkPastEnd(declared: length, available: count - start), at: position + 4,
                           track: isTrack ? tracks.count : nil)
                end = count
            }
            if isTrack {
                guard tracks.count < options.maximumTracks else {
                    throw MIDIError(.fatal, .limitExceeded("more than \(options.maximumTracks) tracks"), offset: position)
                }
                tracks.append(try parseTrack(start: start, end: end, index: tracks.count))
            }
            // Unknown chunk types are skipped, as the standard asks.
            position = end
        }
        if tracks.count != declaredTracks && !(format == .single && tracks.count == 1) {
            try report(.pedantic, .trackCountMismatch(declared: declaredTracks, found: tracks.count), at: 10)
        }
        return MIDIFile(format: format, division: division, tracks: tracks, warnings: warnings)
    }

    /// Reads one track chunk's events; on a corrupt spot keeps the events before it.
    mutating func parseTrack(start: Int, end: Int, index: Int) throws(MIDIError) -> MIDITrack {
        var events: [MIDITrackEvent] = []
        events.reserveCapacity((end - start) / 3)
        var at = start
        var tick = 0
        var running: UInt8 = 0
        var ended = false
        while at < end {
            // Delta time: a variable-length quantity of at most four bytes.
            var delta = 0
            var vlqBytes = 0
            while true {
                guard at < end else {
                    try report(.corrupt, .truncated, at: at, track: index)
                    return MIDITrack(events: events)
                }
                let byte = bytes[at]
                at += 1
                vlqBytes += 1
                delta = delta << 7 | Int(byte & 0x7F)
                if byte & 0x80 == 0 { break }
                if vlqBytes == 4 {
                    try report(.corrupt, .badVariableLength, at: at - 4, track: index)
                    return MIDITrack(events: events)
                }
            }
            tick += delta
            guard at < end else {
                try report(.corrupt, .truncated, at: at, track: index)
                return MIDITrack(events: events)
            }
            let eventStart = at
            var status = bytes[at]
            if status < 0x80 {
                guard running != 0 else {
                    try report(.corrupt, .runningStatusWithoutStatus, at: at, track: index)
                    return MIDITrack(events: events)
                }
                status = running
            } else {
                at += 1
            }
            if status < 0xF0 {
                running = status
                let channel = status & 0x0F
                let needed = (status & 0xE0) == 0xC0 ? 1 : 2
                guard end - at >= needed else {
                    try report(.corrupt, .truncated, at: eventStart, track: index)
                    return MIDITrack(events: events)
                }
                let a = bytes[at]
                let b = needed == 2 ? bytes[at + 1] : 0
                if a >= 0x80 || b >= 0x80 {
                    try report(.corrupt, .invalidDataByte(a >= 0x80 ? a : b), at: a >= 0x80 ? at : at + 1, track: index)
                    return MIDITrack(events: events)
                }
                at += needed
                let message: MIDIMessage
                switch status >> 4 {
                case 0x8: message = .noteOff(channel: channel, key: a, velocity: b)
                case 0x9: message = .noteOn(channel: channel, key: a, velocity: b)
                case 0xA: message = .polyphonicPressure(channel: channel, key: a, pressure: b)
                case 0xB: message = .controlChange(channel: channel, controller: a, value: b)
                case 0xC: message = .programChange(channel: channel, program: a)
                case 0xD: message = .channelPressure(channel: channel, pressure: a)
                default: message = .pitchBend(channel: channel, value: UInt16(b) << 7 | UInt16(a))
                }
                try count(at: eventStart, track: index)
                events.append(MIDITrackEvent(tick: tick, message: message))
                continue
            }
            if status == 0xFF {
                guard at < end else {
                    try report(.corrupt, .truncated, at: eventStart, track: index)
                    return MIDITrack(events: events)
                }
                let type = bytes[at]
                at += 1
                guard let (length, next) = try readLength(at: at, end: end, track: index) else {
                    return MIDITrack(events: events)
                }
                at = next
                guard end - at >= length else {
                    try report(.corrupt, .truncated, at: eventStart, track: index)
                    return MIDITrack(events: events)
                }
                let data = UnsafeBufferPointer(rebasing: bytes[at..<(at + length)])
                at += length
                guard let meta = try meta(type: type, data: data, at: eventStart, track: index) else { continue }
                if case .tempo = meta {
                    try count(at: eventStart, track: index, tempo: true)
                } else {
                    try count(at: eventStart, track: index)
                }
                events.append(MIDITrackEvent(tick: tick, message: .meta(meta)))
                if case .endOfTrack = meta {
                    ended = true
                    if at < end { try report(.pedantic, .dataAfterEndOfTrack(end - at), at: at, track: index) }
                    break
                }
                continue
            }
            if status == 0xF0 || status == 0xF7 {
                // System exclusive cancels running status.
                running = 0
                guard let (length, next) = try readLength(at: at, end: end, track: index) else {
                    return MIDITrack(events: events)
                }
                at = next
                guard end - at >= length else {
                    try report(.corrupt, .truncated, at: eventStart, track: index)
                    return MIDITrack(events: events)
                }
                try count(at: eventStart, track: index)
                events.append(MIDITrackEvent(tick: tick, message: .systemExclusive(
                    escape: status == 0xF7, data: Array(bytes[at..<(at + length)]))))
                at += length
                continue
            }
            // System common and real-time messages have no place in a file.
            try report(.corrupt, .unexpectedStatus(status), at: eventStart, track: index)
            return MIDITrack(events: events)
        }
        if !ended {
            try report(.pedantic, .missingEndOfTrack, at: end, track: index)
        }
        return MIDITrack(events: events)
    }

    /// A variable-length length field: the value and the position after it, or `nil` (reported).
    mutating func readLength(at start: Int, end: Int, track: Int) throws(MIDIError) -> (Int, Int)? {
        var value = 0
        var at = start
        for _ in 0..<4 {
            guard at < end else {
                try report(.corrupt, .truncated, at: at, track: track)
                return nil
            }
            let byte = bytes[at]
            at += 1
            value = value << 7 | Int(byte & 0x7F)
            if byte & 0x80 == 0 { return (value, at) }
        }
        try report(.corrupt, .badVariableLength, at: start, track: track)
        return nil
    }

    /// Decodes a meta event; `nil` (after reporting) when its data has the wrong size.
    mutating func meta(type: UInt8, data: UnsafeBufferPointer<UInt8>, at offset: Int,
                       track: Int) throws(MIDIError) -> MIDIMetaEvent? {
        func wrongLength() -> MIDIError.Reason { .malformedMeta(type: type, length: data.count) }
        switch type {
        case 0x00:
            guard data.count == 2 else { try report(.pedantic, wrongLength(), at: offset, track: track); return nil }
            return .sequenceNumber(Int(data[0]) << 8 | Int(data[1]))
        case 0x01: return .text(SMFParser.text(data))
        case 0x02: return .copyright(SMFParser.text(data))
        case 0x03: return .trackName(SMFParser.text(data))
        case 0x04: return .instrumentName(SMFParser.text(data))
        case 0x05: return .lyric(SMFParser.text(data))
        case 0x06: return .marker(SMFParser.text(data))
        case 0x07: return .cuePoint(SMFParser.text(data))
        case 0x20:
            guard data.count == 1 else { try report(.pedantic, wrongLength(), at: offset, track: track); return nil }
            return .channelPrefix(data[0])
        case 0x21:
            guard data.count == 1 else { try report(.pedantic, wrongLength(), at: offset, track: track); return nil }
            return .port(data[0])
        case 0x2F:
            if !data.isEmpty { try report(.pedantic, wrongLength(), at: offset, track: track) }
            return .endOfTrack
        case 0x51:
            guard data.count == 3 else { try report(.corrupt, wrongLength(), at: offset, track: track); return nil }
            let us = Int(data[0]) << 16 | Int(data[1]) << 8 | Int(data[2])
            guard us > 0 else { try report(.corrupt, wrongLength(), at: offset, track: track); return nil }
            return .tempo(microsecondsPerQuarter: us)
        case 0x54:
            guard data.count == 5 else { try report(.pedantic, wrongLength(), at: offset, track: track); return nil }
            return .smpteOffset(Array(data))
        case 0x58:
            guard data.count == 4 else { try report(.pedantic, wrongLength(), at: offset, track: track); return nil }
            return .timeSignature(numerator: data[0], denominatorPower: data[1], clocksPerClick: data[2],
                                  thirtySecondsPerQuarter: data[3])
        case 0x59:
            guard data.count == 2 else { try report(.pedantic, wrongLength(), at: offset, track: track); return nil }
            return .keySignature(fifths: Int8(bitPattern: data[0]), minor: data[1] == 1)
        case 0x7F: return .sequencerSpecific(Array(data))
        default: return .unknown(type: type, data: Array(data))
        }
    }

    /// Text in UTF-8 when valid, otherwise Latin-1 (what most older files use).
    static func text(_ data: UnsafeBufferPointer<UInt8>) -> String {
        if let utf8 = String(validating: data, as: UTF8.self) { return utf8 }
        return String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
    }
}
