import Foundation
import Testing
import TestSupport
@testable import Notation

/// A MIDI file cut short: lenient reading keeps every complete event before the cut and says
/// what it lost; strict reading refuses it; an empty result is never a success. The file is
/// built byte by byte here, so the notes before the cut are known by hand.
@Suite("Damaged files")
struct DamagedFileTests {
    /// Format 0, 480 per quarter: C4, D4, E4 as quarters, one after the other.
    static let file: [UInt8] = {
        var track: [UInt8] = []
        for key: UInt8 in [60, 62, 64] {
            track += [0x00, 0x90, key, 80]          // on at once
            track += [0x83, 0x60, 0x80, key, 0]     // off after 480 ticks
        }
        track += [0x00, 0xFF, 0x2F, 0x00]
        let length = UInt32(track.count)
        return [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0x01, 0xE0]
            + [0x4D, 0x54, 0x72, 0x6B] + withUnsafeBytes(of: length.bigEndian, Array.init) + track
    }()

    static func write(_ bytes: [UInt8]) throws -> URL {
        let url = try TemporaryDirectory.make("damaged").appendingPathComponent("cut.mid")
        try Data(bytes).write(to: url)
        return url
    }

    static func pitches(_ score: Score) -> [Int] { score.notesAndChords.flatMap { $0.event.pitches.map(\.midi) } }

    @Test("cut inside the third note-off: lenient keeps C4, D4 and the struck E4 with the damage as a warning; strict throws")
    func cutInsideTheLastNote() throws {
        // Header 14 + chunk header 8 + two notes of 9 bytes + the third note-on (4) + 2 bytes of
        // its note-off's delta time. E4 was struck (a complete event) but its release is lost:
        // it ends where the track does, at the cut (tick 960), as any note held at a track's
        // end does, and so gets the shortest written length at beat 3.
        let url = try Self.write(Array(Self.file.prefix(14 + 8 + 18 + 4 + 2)))
        defer { TemporaryDirectory.remove(url.deletingLastPathComponent()) }
        let reading = try Score.read(contentsOf: url, options: .lenient)
        #expect(Self.pitches(reading.score) == [60, 62, 64])
        #expect(reading.score.notesAndChords.map(\.offset) == [0, 1, 2])
        #expect(reading.warnings.contains { DamagedFileError.isDamage($0) })
        #expect(reading.warnings.contains { ($0 as? MIDIError)?.code == "chunkPastEnd" })
        do {
            _ = try Score.read(contentsOf: url, options: .strict)
            Issue.record("a damaged file was read strictly")
        } catch let error as DamagedFileError {
            #expect(error.notesRecovered == 3)
            #expect(error.file == url.path)
            #expect(error.description.contains("damaged file"))
        }
        // The plain reader stays lenient, as before.
        #expect(Self.pitches(try Score.read(contentsOf: url)) == [60, 62, 64])
    }

    @Test("cut inside the first note-on: nothing survives, so even lenient reading throws")
    func nothingLeft() throws {
        let url = try Self.write(Array(Self.file.prefix(14 + 8 + 3)))
        defer { TemporaryDirectory.remove(url.deletingLastPathComponent()) }
        #expect(throws: DamagedFileError.self) { try Score.read(contentsOf: url, options: .lenient) }
    }

    @Test("an intact file reads the same with either strictness and no warning")
    func intact() throws {
        let url = try Self.write(Self.file)
        defer { TemporaryDirectory.remove(url.deletingLastPathComponent()) }
        for options in [ScoreReadOptions.strict, .lenient] {
            let reading = try Score.read(contentsOf: url, options: options)
            #expect(Self.pitches(reading.score) == [60, 62, 64])
            #expect(!reading.warnings.contains { DamagedFileError.isDamage($0) })
        }
    }
}
