import Foundation
import Testing
@testable import Notation

/// MusicXML files whose `<divisions>` cannot express a triplet store it rounded (a triplet
/// sixteenth at 256 per quarter is 42⅔ divisions, written 43, 43, 42): the notated value wins,
/// and no tuplet is invented to fit the rounded number. Expected values are worked by hand.
@Suite("Rounded MusicXML durations")
struct RoundedDurationTests {
    static func document(divisions: Int, beats: Int, notes: String) -> Data {
        Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <score-partwise version="4.0"><part-list><score-part id="P1"><part-name>P</part-name></score-part></part-list>
            <part id="P1"><measure number="1"><attributes><divisions>\(divisions)</divisions>
            <time><beats>\(beats)</beats><beat-type>4</beat-type></time></attributes>
            \(notes)
            </measure></part></score-partwise>
            """.utf8)
    }

    static func note(_ step: String, _ duration: Int, _ type: String, triplet: Bool = false, voice: Int = 1) -> String {
        "<note><pitch><step>\(step)</step><octave>4</octave></pitch><duration>\(duration)</duration><voice>\(voice)</voice><type>\(type)</type>"
            + (triplet ? "<time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification>" : "")
            + "</note>"
    }

    @Test("a triplet sixteenth stored as 43, 43, 42 of 256 is exactly 1/6; a backup lands on the exact beat")
    func tripletSixteenths() throws {
        let notes = Self.note("C", 43, "16th", triplet: true) + Self.note("D", 43, "16th", triplet: true)
            + Self.note("E", 42, "16th", triplet: true) + Self.note("F", 128, "eighth")
            // Back from the end of the beat (256) to 86 divisions: after the second triplet note.
            + "<backup><duration>170</duration></backup>" + Self.note("G", 170, "eighth", voice: 2)
        let score = try MusicXMLReader().read(data: Self.document(divisions: 256, beats: 1, notes: notes))
        let placed = score.notesAndChords
        let voice1 = placed.filter { $0.voice == "1" }
        #expect(voice1.map(\.offset) == [0, Rational(1, 6), Rational(1, 3), Rational(1, 2)])
        #expect(voice1.prefix(3).allSatisfy { $0.event.duration == Duration(.sixteenth, tuplets: [Tuplet(3, 2)]) })
        #expect(voice1.prefix(3).allSatisfy { $0.event.quarterLength == Rational(1, 6) })
        let voice2 = placed.filter { $0.voice == "2" }
        #expect(voice2.first?.offset == Rational(1, 3))
        #expect(score.parts[0].staves[0].measures[0].length == 1)
        // Written back: 3:2 and nothing else.
        let xml = String(decoding: try MusicXMLWriter().data(for: score), as: UTF8.self)
        #expect(xml.contains("<actual-notes>3</actual-notes><normal-notes>2</normal-notes>"))
        #expect(!xml.contains("<actual-notes>128</actual-notes>") && !xml.contains("<actual-notes>64</actual-notes>"))
    }

    @Test("a duration the divisions could write exactly keeps the file's number, as plain tied notes")
    func realDisagreement() throws {
        // A sixteenth (64 of 256) written as 100 divisions: 25/64 of a quarter, which is
        // 1/4 + 1/8 + 1/64 — plain values, no tuplet.
        let notes = Self.note("C", 100, "16th") + Self.note("D", 156, "16th")
        let reading = try MusicXMLReader().read(data: Self.document(divisions: 256, beats: 1, notes: notes))
        let placed = reading.notesAndChords
        #expect(placed.first?.offset == 0)
        let c = placed.filter { $0.event.pitches.first?.step == .C }
        #expect(c.reduce(Rational.zero) { $0 + $1.event.quarterLength } == Rational(100, 256))
        #expect(c.allSatisfy { $0.event.duration.tuplets.isEmpty })
        #expect(placed.contains { $0.offset == Rational(100, 256) && $0.event.pitches.first?.step == .D })
    }
}
