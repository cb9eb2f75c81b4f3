import Foundation
import Testing
import TestSupport
@testable import Notation

/// Credits and staff counts through MIDI: written by ``MIDIWriter``, read back by ``Quantizer``.
@Suite("MIDI metadata and staves")
struct MIDIMetadataTests {
    static func melody() -> Score {
        // A one-staff melody spanning C4–C6: one part, one staff.
        let events: [Event] = [60, 64, 67, 72, 76, 79, 84, 72].map { .note(Note(Pitch(midi: $0), Duration(.quarter))) }
        var staff = Staff(clef: .treble)
        for bar in 0..<2 {
            staff.measures.append(Measure(number: bar + 1, length: 4, voices: [Voice(sequence: Array(events[(bar * 4)..<(bar * 4 + 4)]))],
                                          timeSignature: bar == 0 ? .commonTime : nil))
        }
        var score = Score(parts: [Part(id: "P1", name: "Flute", staves: [staff])])
        score.metadata.title = "Air"
        score.metadata.composer = "Anna Magdalena"
        score.metadata.rights = "© 2026 Recompose"
        return score
    }

    @Test("title, composer and copyright come back; a one-staff part stays one staff")
    func roundTrip() throws {
        let data = try MIDIWriter().data(for: Self.melody())
        let file = try MIDIReader().read(data: data)
        #expect(file.tracks[0].events.contains { $0.message == .meta(.copyright("© 2026 Recompose")) })
        #expect(file.tracks[0].events.contains { $0.message == .meta(.text("Composer: Anna Magdalena")) })
        let back = try Quantizer().score(from: file).score
        #expect(back.metadata.title == "Air")
        #expect(back.metadata.composer == "Anna Magdalena")
        #expect(back.metadata.rights == "© 2026 Recompose")
        #expect(back.parts.count == 1)
        #expect(back.parts[0].staves.count == 1)
        #expect(back.notesAndChords.map { $0.event.pitches.map(\.midi) } == [60, 64, 67, 72, 76, 79, 84, 72].map { [$0] })
    }

    @Test("one track with both hands of a piano (three octaves, notes on both sides of middle C) is still split")
    func pianoInOneTrack() throws {
        let file = performance([(1, 36, 0, 480), (1, 43, 480, 960), (1, 72, 0, 480), (1, 76, 480, 960), (1, 79, 960, 1440)])
        #expect(try Quantizer().score(from: file).score.parts[0].staves.count == 2)
    }
}
