import Testing
@testable import Notation

@Suite("MIDI tempo map")
struct MIDITempoMapTests {
    @Test("seconds follow tempo changes from every track, 120 bpm before the first")
    func tempoChanges() throws {
        // Conductor: 60 bpm (1 s per quarter) at tick 960. Track 1: 240 bpm at tick 1920.
        let conductor: [UInt8] = [0x87, 0x40, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40] + SMFBytes.endOfTrack
        let notes: [UInt8] = [0x00, 0x90, 60, 64, 0x8F, 0x00, 0xFF, 0x51, 0x03, 0x03, 0xD0, 0x90,
                              0x83, 0x60, 0x80, 60, 0] + SMFBytes.endOfTrack
        let file = try MIDIReader(options: .init(strictness: .strict)).read(SMFBytes.file(conductor: conductor, [notes]))
        let map = MIDITempoMap(file)
        #expect(map.seconds(atTick: 0) == 0)
        #expect(map.seconds(atTick: 480) == 0.5)      // 120 bpm
        #expect(map.seconds(atTick: 960) == 1.0)
        #expect(map.seconds(atTick: 1440) == 1.5 + 0.5)  // 60 bpm: 1 s per quarter
        #expect(map.seconds(atTick: 1920) == 3.0)
        #expect(map.seconds(atTick: 2400) == 3.25)    // 240 bpm
        #expect(map.tick(atSeconds: 3.25) == 2400)
        #expect(map.tick(atSeconds: 1.5) == 1200)
        #expect(file.notes.first?.off == 2400)
    }
}
