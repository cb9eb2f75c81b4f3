import Foundation
import Testing
@testable import Notation

/// Quantization keeps what a musician hears as fixed: a note on a beat stays on it, a rolled
/// chord or an arpeggio keeps its notes' own onsets in order, and a key never sounds twice in
/// one chord. The performances are the opening of Chopin's prelude op. 28/1 (`chpn-p1.mid`,
/// 480 per quarter), written out here; the expected offsets are the grid points by hand.
@Suite("Quantizer strong points")
struct QuantizerStrongPointTests {
    static func staff(_ score: Score, _ number: Int) -> [(offset: Rational, pitches: [String])] {
        summary(score).filter { $0.staff == number }.map { ($0.offset, $0.pitches) }
    }

    @Test("the arpeggio C4 (160), E4 G4 (240), C4 (320) stays an arpeggio: 1/3, 1/2, 2/3, never <C4 C4 E4 G4>")
    func arpeggio() throws {
        let file = performance([(1, 60, 160, 400), (1, 64, 240, 400), (1, 67, 240, 400), (1, 60, 320, 400),
                                (1, 69, 360, 480)])
        let upper = Self.staff(try Quantizer().score(from: file).score, 1)
        #expect(upper.map(\.offset) == [Rational(1, 3), Rational(1, 2), Rational(2, 3), Rational(3, 4)])
        #expect(upper.map(\.pitches) == [["C4"], ["E4", "G4"], ["C4"], ["A4"]])
        // music21's grouping, kept as an option, still never doubles the C.
        let grouped = try Quantizer(options: .init(keepsArpeggios: false)).score(from: file).score
        for chord in Self.staff(grouped, 1) { #expect(Set(chord.pitches).count == chord.pitches.count) }
    }

    @Test("a bass note on the downbeat (tick 480) stays on beat 1 even inside an earlier chord's window")
    func downbeat() throws {
        // G2 struck at 400 and released at 560; B1 at exactly 480, released at 560: within the
        // chord window of G2 by onset (80 ticks) and by end, but a beat lies between.
        // A right-hand line makes the track a piano's two hands.
        let file = performance([(1, 43, 400, 560), (1, 35, 480, 560), (1, 72, 0, 240), (1, 76, 240, 480), (1, 79, 480, 720)])
        let lower = Self.staff(try Quantizer().score(from: file).score, 2)
        #expect(lower.contains { $0.offset == 1 && $0.pitches == ["B1"] })
        #expect(lower.contains { $0.offset == Rational(3, 4) && $0.pitches == ["G2"] })   // 400/480: nearest 3/4
    }

    @Test("a chord played slightly spread (20 ticks) is still one chord")
    func spreadChord() throws {
        let file = performance([(1, 60, 0, 480), (1, 64, 10, 480), (1, 67, 20, 480)])
        #expect(Self.staff(try Quantizer().score(from: file).score, 1).map(\.pitches) == [["C4", "E4", "G4"]])
    }
}

/// Tempo changes after the first become metronome marks where they fall.
@Suite("Quantizer tempo marks")
struct QuantizerTempoTests {
    @Test("120 bpm, then 90 at beat 5 (bar 2) and 60 at beat 6: three marks, repeats dropped")
    func tempoChanges() throws {
        // 500,000 µs per quarter = 120 bpm; 666,667 ≈ 90; 1,000,000 = 60; 90 again at beat 6 is a repeat of nothing.
        let file = performance([(1, 60, 0, 480), (1, 62, 1920, 2400), (1, 64, 2400, 2880)],
                               meta: [(0, .tempo(microsecondsPerQuarter: 500_000)), (1920, .tempo(microsecondsPerQuarter: 666_667)),
                                      (2160, .tempo(microsecondsPerQuarter: 666_667)), (2400, .tempo(microsecondsPerQuarter: 1_000_000))])
        let score = try Quantizer().score(from: file).score
        var marks: [(bar: Int, offset: Rational, bpm: Double)] = []
        for (index, measure) in score.parts[0].staves[0].measures.enumerated() {
            for direction in measure.directions {
                if case .tempo(let tempo) = direction.kind { marks.append((index, direction.offset, tempo.quarterNotesPerMinute)) }
            }
        }
        #expect(marks.map(\.bar) == [0, 1, 1])
        #expect(marks.map(\.offset) == [0, 0, 1])
        #expect(marks.map(\.bpm) == [120, 90, 60])
        // Written and read again: the same marks (MIDIWriter writes each as a tempo event).
        let back = try Quantizer().score(from: try MIDIReader().read(data: try MIDIWriter().data(for: score))).score
        #expect(back.parts[0].staves[0].measures.flatMap(\.directions) == score.parts[0].staves[0].measures.flatMap(\.directions))
    }
}
