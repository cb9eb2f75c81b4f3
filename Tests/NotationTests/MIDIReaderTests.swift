import Foundation
import Testing
@testable import Notation
import TestSupport

/// Builds Standard MIDI File bytes by hand, so tests do not depend on the writer under test.
enum SMFBytes {
    static func vlq(_ value: Int) -> [UInt8] {
        var groups: [UInt8] = [UInt8(value & 0x7F)]
        var rest = value >> 7
        while rest > 0 { groups.insert(UInt8(rest & 0x7F) | 0x80, at: 0); rest >>= 7 }
        return groups
    }

    static func header(format: Int = 1, tracks: Int, division: Int = 480) -> [UInt8] {
        [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, UInt8(format), UInt8(tracks >> 8), UInt8(tracks & 0xFF),
         UInt8(division >> 8), UInt8(division & 0xFF)]
    }

    static func track(_ body: [UInt8]) -> [UInt8] {
        let n = body.count
        return [0x4D, 0x54, 0x72, 0x6B, UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)] + body
    }

    static let endOfTrack: [UInt8] = [0x00, 0xFF, 0x2F, 0x00]

    /// A format-1 file: a conductor track and one note track from (delta, bytes) pairs.
    static func file(conductor: [UInt8] = endOfTrack, _ tracks: [[UInt8]], division: Int = 480) -> [UInt8] {
        header(tracks: tracks.count + 1, division: division) + track(conductor) + tracks.flatMap { track($0) }
    }
}

@Suite("MIDI reader")
struct MIDIReaderTests {
    @Test("running status, velocity-0 note-offs and meta events")
    func runningStatus() throws {
        // C4 on at 0, E4 on at 0 (running status), C4 off by velocity 0 at 480, E4 off at 960.
        let body: [UInt8] = [0x00, 0xFF, 0x03, 0x05] + Array("Right".utf8)
            + [0x00, 0x90, 60, 80, 0x00, 64, 70, 0x83, 0x60, 60, 0, 0x83, 0x60, 0x80, 64, 0] + SMFBytes.endOfTrack
        let file = try MIDIReader(options: .init(strictness: .strict)).read(SMFBytes.file([body]))
        #expect(file.format == .simultaneous)
        #expect(file.division == .ticksPerQuarter(480))
        #expect(file.tracks.count == 2)
        #expect(file.tracks[1].name == "Right")
        #expect(file.warnings.isEmpty)
        let notes = file.notes
        #expect(notes == [
            MIDINote(track: 1, channel: 0, pitch: 60, velocity: 80, on: 0, off: 480),
            MIDINote(track: 1, channel: 0, pitch: 64, velocity: 70, on: 0, off: 960),
        ])
    }

    @Test("overlapping notes of one key pair first in, first out; held notes end with the track")
    func fifoPairing() throws {
        // on@0, on@100, off@200, off@300 for key 62; key 65 on@0 never released, track ends at 1000.
        let body: [UInt8] = [0x00, 0x90, 62, 90, 0x00, 0x90, 65, 50, 0x64, 0x90, 62, 91, 0x64, 0x80, 62, 0,
                             0x64, 0x80, 62, 0, 0x85, 0x3C, 0xFF, 0x2F, 0x00]
        let file = try MIDIReader().read(SMFBytes.file([body]))
        #expect(file.notes == [
            MIDINote(track: 1, channel: 0, pitch: 62, velocity: 90, on: 0, off: 200),
            MIDINote(track: 1, channel: 0, pitch: 65, velocity: 50, on: 0, off: 1000),
            MIDINote(track: 1, channel: 0, pitch: 62, velocity: 91, on: 100, off: 300),
        ])
    }

    @Test("sysex is skipped safely and cancels running status; sustain pedal is kept")
    func sysexAndPedal() throws {
        let body: [UInt8] = [0x00, 0xF0, 0x03, 0x7E, 0x7F, 0xF7, 0x00, 0xB0, 64, 127, 0x10, 0xB0, 64, 0]
            + [0x00, 0x90, 60, 64, 0x10, 60, 0] + SMFBytes.endOfTrack
        let file = try MIDIReader(options: .init(strictness: .strict)).read(SMFBytes.file([body]))
        let messages = file.tracks[1].events.map(\.message)
        #expect(messages[0] == .systemExclusive(escape: false, data: [0x7E, 0x7F, 0xF7]))
        #expect(messages.compactMap(\.sustainPedal) == [true, false])
        #expect(file.notes.count == 1)
        // A data byte right after a sysex has no running status to use.
        let broken: [UInt8] = [0x00, 0x90, 60, 64, 0x00, 0xF0, 0x01, 0xF7, 0x00, 60, 0] + SMFBytes.endOfTrack
        #expect(throws: MIDIError.self) { try MIDIReader(options: .init(strictness: .strict)).read(SMFBytes.file([broken])) }
        let lenient = try MIDIReader().read(SMFBytes.file([broken]))
        #expect(lenient.warnings.first?.reason == .runningStatusWithoutStatus)
        #expect(lenient.warnings.first?.severity == .corrupt)
        #expect(lenient.warnings.first?.offset == 14 + 12 + 8 + 9)  // headers, then 9 bytes into the track
    }

    @Test("meta events decode to values")
    func metaEvents() throws {
        let conductor: [UInt8] = [0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20,  // 500000 µs = 120 bpm
                                  0x00, 0xFF, 0x58, 0x04, 6, 3, 24, 8,  // 6/8
                                  0x00, 0xFF, 0x59, 0x02, 0xFC, 0x00,  // 4 flats major: Ab major
                                  0x00, 0xFF, 0x06, 0x01, 0x41,  // marker "A"
                                  0x00, 0xFF, 0x05, 0x02, 0x6C, 0x61]  // lyric "la"
            + SMFBytes.endOfTrack
        let file = try MIDIReader(options: .init(strictness: .strict)).read(SMFBytes.file(conductor: conductor, []))
        let metas = file.tracks[0].events.compactMap { if case .meta(let m) = $0.message { return m } else { return nil } }
        #expect(metas[0].beatsPerMinute == 120)
        #expect(metas[1].timeSignatureValue == TimeSignature(6, 8))
        #expect(metas[2].keyValue == (Key("Ab major")))
        #expect(metas[3] == .marker("A"))
        #expect(metas[4] == .lyric("la"))
        #expect(metas[5] == .endOfTrack)
    }

    @Test("SMPTE division is read; quantizing it is refused with a clear error")
    func smpte() throws {
        var bytes = SMFBytes.file([[0x00, 0x90, 60, 64, 0x64, 60, 0] + SMFBytes.endOfTrack])
        bytes[12] = 0xE7  // −25 fps
        bytes[13] = 40    // 40 ticks per frame: 1000 ticks per second
        let file = try MIDIReader().read(bytes)
        #expect(file.division == .smpte(framesPerSecond: 25, ticksPerFrame: 40))
        #expect(MIDITempoMap(file).seconds(atTick: 100) == 0.1)
        #expect(throws: MIDIError(.fatal, .smpteDivisionUnsupported, offset: 12)) { try Quantizer().score(from: file) }
    }

    @Test("format 0 and format 2 files are read; format 2 track by track")
    func formats() throws {
        let track: [UInt8] = [0x00, 0x90, 60, 64, 0x60, 60, 0] + SMFBytes.endOfTrack
        let single = try MIDIReader(options: .init(strictness: .strict)).read(SMFBytes.header(format: 0, tracks: 1) + SMFBytes.track(track))
        #expect(single.format == .single)
        #expect(single.notes == [MIDINote(track: 0, channel: 0, pitch: 60, velocity: 64, on: 0, off: 96)])
        let sequential = try MIDIReader(options: .init(strictness: .strict))
            .read(SMFBytes.header(format: 2, tracks: 2) + SMFBytes.track(track) + SMFBytes.track(track))
        #expect(sequential.format == .sequential)
        #expect(sequential.notes.map(\.track) == [0, 1])
        // Format 0 with two tracks is pedantic.
        #expect(throws: MIDIError.self) {
            try MIDIReader(options: .init(strictness: .strict)).read(SMFBytes.header(format: 0, tracks: 2) + SMFBytes.track(track) + SMFBytes.track(track))
        }
    }

    @Test("fatal problems: not a MIDI file, short header, unknown format")
    func fatal() {
        #expect(throws: MIDIError(.fatal, .notAMIDIFile, offset: 0)) { try MIDIReader().read(Array("RIFF0000WAVE".utf8)) }
        #expect(throws: MIDIError(.fatal, .truncated, offset: 0)) { try MIDIReader().read([0x4D, 0x54]) }
        var header = SMFBytes.header(tracks: 1)
        header[7] = 4
        #expect(throws: MIDIError(.fatal, .headerTooShort(4), offset: 4)) { try MIDIReader().read(header) }
        header = SMFBytes.header(format: 3, tracks: 1)
        #expect(throws: MIDIError(.fatal, .unsupportedFormat(3), offset: 8)) { try MIDIReader().read(header) }
    }

    @Test("chunk past the end, bad VLQ, absurd track count: strict throws, lenient keeps a partial result")
    func recoverable() throws {
        let notes: [UInt8] = [0x00, 0x90, 60, 64, 0x83, 0x60, 60, 0] + SMFBytes.endOfTrack
        var bytes = SMFBytes.file([notes])
        bytes[bytes.count - notes.count - 1] = UInt8(notes.count + 10)  // declared length 10 too long
        #expect(throws: MIDIError.self) { try MIDIReader(options: .init(strictness: .strict)).read(bytes) }
        let partial = try MIDIReader().read(bytes)
        #expect(partial.notes.count == 1)
        #expect(partial.warnings.contains { if case .chunkPastEnd = $0.reason { return true } else { return false } })

        let badVLQ: [UInt8] = [0x00, 0x90, 60, 64, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 60, 0] + SMFBytes.endOfTrack
        let bad = try MIDIReader().read(SMFBytes.file([badVLQ]))
        #expect(bad.warnings.map(\.reason).contains(.badVariableLength))
        #expect(bad.notes.count == 1)  // the held note ends where the readable track ends

        var absurd = SMFBytes.file([notes])
        absurd[10] = 0xFF
        absurd[11] = 0xFF
        #expect(throws: MIDIError(.corrupt, .absurdTrackCount(declared: 65535), offset: 10)) {
            try MIDIReader(options: .init(strictness: .strict)).read(absurd)
        }
        #expect(try MIDIReader().read(absurd).tracks.count == 2)
    }

    @Test("pedantic problems: missing end of track, trailing bytes")
    func pedantic() throws {
        let bytes = SMFBytes.file([[0x00, 0x90, 60, 64, 0x10, 60, 0]]) + [0x00, 0x01]
        #expect(throws: MIDIError(.pedantic, .missingEndOfTrack, offset: bytes.count - 2, track: 1)) {
            try MIDIReader(options: .init(strictness: .strict)).read(bytes)
        }
        let file = try MIDIReader().read(bytes)
        #expect(file.warnings.map(\.severity) == [.pedantic, .pedantic])
        #expect(file.notes.count == 1)
    }

    /// Reads every prefix and many corrupted copies of `bytes`: never a crash, always a file or a `MIDIError`.
    static func hammer(_ bytes: [UInt8], stride: Int) -> (errors: Int, partial: Int) {
        var errors = 0, partial = 0
        for strictness in [MIDIReader.Options.Strictness.strict, .lenient] {
            let reader = MIDIReader(options: .init(strictness: strictness))
            for cut in Swift.stride(from: 0, to: bytes.count, by: stride) {
                do { _ = try reader.read(Array(bytes[..<cut])).notes; partial += 1 } catch { errors += 1 }
                var corrupted = bytes
                corrupted[cut] ^= 0xA5
                do { _ = try reader.read(corrupted).notes; partial += 1 } catch { errors += 1 }
                corrupted[cut] = 0xFF
                do { _ = try reader.read(corrupted).notes } catch { errors += 1 }
            }
        }
        return (errors, partial)
    }

    @Test("truncating or corrupting a hand-made file at every byte never crashes")
    func hammerSmall() throws {
        let body: [UInt8] = [0x00, 0xFF, 0x03, 0x02, 0x41, 0x42, 0x00, 0x90, 60, 80, 0x00, 64, 70, 0x00, 0xF0, 0x02, 0x01, 0xF7,
                             0x83, 0x60, 0x80, 60, 0, 0x00, 0xB0, 64, 127, 0x81, 0x00, 0xE0, 0x00, 0x40] + SMFBytes.endOfTrack
        let bytes = SMFBytes.file(conductor: [0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20] + SMFBytes.endOfTrack, [body])
        let (errors, _) = MIDIReaderTests.hammer(bytes, stride: 1)
        #expect(errors > 0)
        // Every strict read of a proper prefix fails: the file is only whole at full length.
        for cut in 0..<bytes.count {
            #expect(throws: MIDIError.self) { try MIDIReader(options: .init(strictness: .strict)).read(Array(bytes[..<cut])) }
        }
    }

    @Test("truncating or corrupting a corpus file at many offsets never crashes",
          .requires(shared: "corpus/piano-midi/chopin/chpn-p20.mid"))
    func hammerCorpus() throws {
        let bytes = [UInt8](try Data(contentsOf: SharedData.url("corpus/piano-midi/chopin/chpn-p20.mid")))
        let whole = try MIDIReader(options: .init(strictness: .strict)).read(bytes)
        #expect(whole.warnings.isEmpty)
        let (errors, partial) = MIDIReaderTests.hammer(bytes, stride: max(1, bytes.count / 400))
        #expect(errors > 0 && partial > 0)
    }
}
