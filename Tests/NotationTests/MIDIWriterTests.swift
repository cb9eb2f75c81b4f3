import Foundation
import Testing
@testable import Notation
import TestSupport

@Suite("MIDI writer")
struct MIDIWriterTests {
    @Test("a file's bytes match a hand-assembled file and read back identically")
    func bytes() throws {
        let file = MIDIFile(format: .simultaneous, division: .ticksPerQuarter(480), tracks: [
            MIDITrack(events: [
                .init(tick: 0, message: .meta(.tempo(microsecondsPerQuarter: 500_000))),
                .init(tick: 0, message: .meta(.endOfTrack)),
            ]),
            MIDITrack(events: [
                .init(tick: 0, message: .programChange(channel: 0, program: 0)),
                .init(tick: 0, message: .noteOn(channel: 0, key: 60, velocity: 80)),
                .init(tick: 200, message: .noteOff(channel: 0, key: 60, velocity: 0)),
                .init(tick: 200, message: .meta(.endOfTrack)),
            ]),
        ])
        let bytes = [UInt8](try MIDIWriter().data(for: file))
        let expected = SMFBytes.header(tracks: 2)
            + SMFBytes.track([0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20] + SMFBytes.endOfTrack)
            + SMFBytes.track([0x00, 0xC0, 0x00, 0x00, 0x90, 60, 80, 0x81, 0x48, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00])
        #expect(bytes == expected)
        #expect(try MIDIReader(options: .init(strictness: .strict)).read(bytes) == file)
    }

    @Test("values the format cannot hold are refused")
    func outOfRange() {
        let file = MIDIFile(tracks: [MIDITrack(events: [.init(tick: 0, message: .noteOn(channel: 0, key: 200, velocity: 80))])])
        #expect(throws: MIDIError.self) { try MIDIWriter().data(for: file) }
    }

    @Test("a score is written as a conductor track plus one track per staff, and is written atomically")
    func score() throws {
        let builder = MeasureBuilder(timeSignature: TimeSignature(3, 4), key: Key("D major"), clef: .treble)
        let upper = builder.staff(from: [TimedEvent(offset: 0, length: 4, pitches: [Pitch("F#4")], velocity: 90)])
        let lower = MeasureBuilder(timeSignature: TimeSignature(3, 4), key: Key("D major"), clef: .bass)
            .staff(from: [TimedEvent(offset: 1, length: 1, pitches: [Pitch("D3"), Pitch("A3")])], minimumLength: 6)
        let score = Score(metadata: Metadata(title: "Test"),
                          parts: [Part(name: "Piano", instrument: .piano, staves: [upper, lower])])
        let file = MIDIWriter().file(from: score)
        #expect(file.tracks.count == 3)
        let conductor = file.tracks[0].events.map(\.message)
        #expect(conductor.contains(.meta(.trackName("Test"))))
        #expect(conductor.contains(.meta(.timeSignature(numerator: 3, denominatorPower: 2, clocksPerClick: 24, thirtySecondsPerQuarter: 8))))
        #expect(conductor.contains(.meta(.keySignature(fifths: 2, minor: false))))
        // The tied F#4 (3 + 1 quarters across the barline) sounds as one note.
        #expect(file.notes == [
            MIDINote(track: 1, channel: 0, pitch: 66, velocity: 90, on: 0, off: 1920),
            MIDINote(track: 2, channel: 0, pitch: 50, velocity: 80, on: 480, off: 960),
            MIDINote(track: 2, channel: 0, pitch: 57, velocity: 80, on: 480, off: 960),
        ])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("midi-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("out.mid")
        try MIDIWriter().write(score, to: url)
        #expect(try MIDIReader(options: .init(strictness: .strict)).read(contentsOf: url).notes == file.notes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.mid"])
        #expect(throws: MIDIError.self) { try MIDIWriter().write(score, to: directory.appendingPathComponent("no/such/dir.mid")) }
    }

    @Test("a quantized score written to MIDI and quantized again is the same score")
    func roundTrip() throws {
        try Self.checkRoundTrip("hand-made", performance(
            [(1, 72, 0, 500), (1, 76, 470, 1000), (1, 79, 960, 2000), (2, 48, 0, 1900), (2, 55, 640, 800)],
            meta: [(0, .keySignature(fifths: -1, minor: false)), (0, .tempo(microsecondsPerQuarter: 600_000))]))
    }

    @Test("corpus files quantized, written to MIDI and quantized again give the same score",
          .requires(shared: SharedData.pianoMIDI))
    func corpusRoundTrip() throws {
        // Files whose first quantization needed several passes to reach a fixed point; set
        // RECOMPOSE_FULL_CORPUS=1 to check all 96 corpus files (about 30 s in a debug build).
        let chosen: Set<String> = ["bach_847.mid", "chp_op31.mid", "chpn-p1.mid", "chpn-p20.mid", "chpn_op25_e1.mid",
                                   "chpn_op27_2.mid", "chpn_op35_3.mid", "scn16_1.mid", "scn16_6.mid", "mz_311_2.mid"]
        let everything = ProcessInfo.processInfo.environment["RECOMPOSE_FULL_CORPUS"] == "1"
        let root = SharedData.url(SharedData.pianoMIDI)
        var checked = 0
        for folder in ["bach", "chopin", "mozart", "schumann"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            for name in names.sorted() where name.hasSuffix(".mid") && (everything || chosen.contains(name)) {
                let url = root.appendingPathComponent(folder).appendingPathComponent(name)
                guard let file = try? MIDIReader().read(contentsOf: url) else { continue }
                try Self.checkRoundTrip(name, file)
                checked += 1
            }
        }
        #expect(checked == (everything ? 96 : chosen.count))
    }

    /// Quantizes `file`, writes the score to MIDI, quantizes that again and expects the same score.
    static func checkRoundTrip(_ name: String, _ file: MIDIFile) throws {
        let score = try Quantizer().score(from: file).score
        let written = try MIDIWriter().data(for: score)
        let again = try Quantizer().score(from: try MIDIReader(options: .init(strictness: .strict)).read(data: written)).score
        #expect(again.metadata == score.metadata, "\(name)")
        #expect(again.parts.count == score.parts.count, "\(name)")
        for (a, b) in zip(again.parts, score.parts) {
            #expect(a.name == b.name && a.instrument == b.instrument && a.staves.count == b.staves.count,
                     "\(name): \(a.name ?? "-") \(a.instrument) vs \(b.name ?? "-") \(b.instrument)")
            for (x, y) in zip(a.staves, b.staves) {
                let firstDifference = x.measures.indices.first { $0 < y.measures.count && x.measures[$0] != y.measures[$0] }
                #expect(firstDifference == nil && x.measures.count == y.measures.count,
                        "\(name): bar \(firstDifference.map { x.measures[$0].number } ?? -1) differs: \(firstDifference.map { "\(x.measures[$0].voices) vs \(y.measures[$0].voices)" } ?? "")")
            }
        }
    }
}
