import Foundation
import Testing
import TestSupport
@testable import Notation

/// Nested tuplets: read from `<tuplet>` brackets as separate levels of ``Duration/tuplets``,
/// written back as numbered brackets whose `<time-modification>` is their product. Expected
/// values are worked by hand from the documents below.
@Suite("Nested tuplets")
struct NestedTupletTests {
    let reader = MusicXMLReader()

    /// One 2/4 bar (divisions 15): a triplet of eighths whose last two eighths are a quintuplet
    /// of sixteenths (5:4; four sixteenths fill two eighths), then a quarter. The quintuplet's
    /// notes say 15:8 in `<time-modification>` (3·5 : 2·4) and last 1/4 · 4/5 · 2/3 = 2/15
    /// quarter, 2 divisions; the triplet fills 1/3 + 5 · 2/15 = 1 quarter.
    static let triplet = """
        <attributes><divisions>15</divisions><time><beats>2</beats><beat-type>4</beat-type></time></attributes>
        <note><pitch><step>C</step><octave>5</octave></pitch><duration>5</duration><voice>1</voice><type>eighth</type>
          <time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification>
          <notations><tuplet type="start" number="1" bracket="yes"/></notations></note>
        \(quintuplet)
        <note><pitch><step>C</step><octave>4</octave></pitch><duration>15</duration><voice>1</voice><type>quarter</type></note>
        """

    static var quintuplet: String {
        (0..<5).map { i in
            let bracket = i == 0 ? """
                <tuplet type="start" number="2"><tuplet-actual><tuplet-number>5</tuplet-number><tuplet-type>16th</tuplet-type></tuplet-actual>\
                <tuplet-normal><tuplet-number>4</tuplet-number><tuplet-type>16th</tuplet-type></tuplet-normal></tuplet>
                """ : i == 4 ? "<tuplet type=\"stop\" number=\"2\"/><tuplet type=\"stop\" number=\"1\"/>" : ""
            return """
                <note><pitch><step>\(["B", "A", "B", "C", "D"][i])</step><octave>\(i < 3 ? 4 : 5)</octave></pitch><duration>2</duration>\
                <voice>1</voice><type>16th</type><time-modification><actual-notes>15</actual-notes><normal-notes>8</normal-notes></time-modification>\
                <notations>\(bracket)</notations></note>
                """
        }.joined(separator: "\n")
    }

    func durations(_ score: Score) -> [Duration] {
        score.parts[0].staves[0].measures[0].voices[0].elements.map(\.event.duration)
    }

    @Test("a quintuplet inside a triplet is read as two tuplets, outermost first")
    func readsNested() throws {
        let reading = try reader.readScore(data: MusicXMLTestData.document(divisions: nil, Self.triplet), fileName: "nested.xml")
        #expect(reading.warnings.isEmpty, "\(reading.warnings)")
        let d = durations(reading.score)
        #expect(d.count == 7)
        #expect(d[0] == Duration(.eighth, tuplets: [.triplet]))
        #expect(d[1...5].allSatisfy { $0 == Duration(.sixteenth, tuplets: [.triplet, Tuplet(5, 4)]) })
        #expect(d[1].quarterLength == Rational(2, 15))
        #expect(d[6] == Duration(.quarter))
        #expect(reading.score.parts[0].staves[0].measures[0].length == 2)
    }

    @Test("two brackets begun on one note: the one that ends first is the inner one")
    func bracketsBegunTogether() throws {
        // The quintuplet is bracket 1 and the triplet bracket 2, both begun on the first
        // sixteenth; the quintuplet ends on the fifth, the triplet on the eighth after it.
        let quintuplet = (0..<5).map { i in
            let brackets = i == 0 ? """
                <tuplet type="start" number="1"><tuplet-actual><tuplet-number>5</tuplet-number></tuplet-actual>\
                <tuplet-normal><tuplet-number>4</tuplet-number></tuplet-normal></tuplet>\
                <tuplet type="start" number="2"><tuplet-actual><tuplet-number>3</tuplet-number></tuplet-actual>\
                <tuplet-normal><tuplet-number>2</tuplet-number></tuplet-normal></tuplet>
                """ : i == 4 ? "<tuplet type=\"stop\" number=\"1\"/>" : ""
            return """
                <note><pitch><step>C</step><octave>5</octave></pitch><duration>2</duration><voice>1</voice><type>16th</type>\
                <time-modification><actual-notes>15</actual-notes><normal-notes>8</normal-notes></time-modification>\
                <notations>\(brackets)</notations></note>
                """
        }.joined()
        let text = """
            <attributes><divisions>15</divisions><time><beats>1</beats><beat-type>4</beat-type></time></attributes>
            \(quintuplet)
            <note><pitch><step>G</step><octave>4</octave></pitch><duration>5</duration><voice>1</voice><type>eighth</type>
              <time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification>
              <notations><tuplet type="stop" number="2"/></notations></note>
            """
        let d = durations(try reader.read(data: MusicXMLTestData.document(divisions: nil, text)))
        #expect(d[0...4].allSatisfy { $0.tuplets == [.triplet, Tuplet(5, 4)] }, "\(d)")
        #expect(d[5].tuplets == [.triplet])
    }

    @Test("a level without a bracket of its own is what the brackets leave of the time modification")
    func remainder() throws {
        // Bracket 1 says 3:2; the notes say 9:4: the inner 3:2 has no bracket.
        let text = """
            <note><pitch><step>C</step><octave>5</octave></pitch><duration>2</duration><voice>1</voice><type>eighth</type>
              <time-modification><actual-notes>9</actual-notes><normal-notes>4</normal-notes></time-modification>
              <notations><tuplet type="start"><tuplet-actual><tuplet-number>3</tuplet-number></tuplet-actual>
              <tuplet-normal><tuplet-number>2</tuplet-number></tuplet-normal></tuplet></notations></note>
            """
        let d = durations(try reader.read(data: MusicXMLTestData.document(divisions: "9", text)))
        #expect(d[0] == Duration(.eighth, tuplets: [.triplet, .triplet]))
        #expect(d[0].quarterLength == Rational(2, 9))
    }

    @Test("brackets that do not multiply to the time modification leave the note its single tuplet")
    func inconsistentBrackets() throws {
        // A 3:2 bracket left open over 5:4 notes: 5:4 is not 3:2 times anything whole.
        let text = """
            <note><pitch><step>C</step><octave>5</octave></pitch><duration>20</duration><voice>1</voice><type>eighth</type>
              <time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification>
              <notations><tuplet type="start"/></notations></note>
            <note><pitch><step>D</step><octave>5</octave></pitch><duration>12</duration><voice>1</voice><type>16th</type>
              <time-modification><actual-notes>5</actual-notes><normal-notes>4</normal-notes></time-modification></note>
            """
        let d = durations(try reader.read(data: MusicXMLTestData.document(divisions: "60", text)))
        #expect(d[0].tuplets == [.triplet])
        #expect(d[1].tuplets == [Tuplet(5, 4)])
    }

    @Test("normal-type names the unit of the ratio and does not change it (a quarter in an eighth triplet is 3:2)")
    func normalType() throws {
        let text = """
            <note><pitch><step>C</step><octave>5</octave></pitch><duration>2</duration><voice>1</voice><type>quarter</type>
              <time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes><normal-type>eighth</normal-type></time-modification></note>
            <note><pitch><step>D</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>eighth</type>
              <time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification></note>
            """
        let reading = try reader.readScore(data: MusicXMLTestData.document(divisions: "3", text), fileName: "q.xml")
        #expect(durations(reading.score) == [Duration(.quarter, tuplets: [.triplet]), Duration(.eighth, tuplets: [.triplet])])
        #expect(reading.warnings.isEmpty, "\(reading.warnings)")
    }

    @Test("written back as numbered nested brackets with their own ratios; the product in time-modification",
          .requires(shared: SharedData.schema), .requires(program: "xmllint", package: "libxml2-utils"))
    func writesNested() throws {
        let score = try reader.read(data: MusicXMLTestData.document(divisions: nil, Self.triplet))
        let text = String(decoding: try MusicXMLWriter().data(for: score), as: UTF8.self)
        let starts = """
            <tuplet type="start" number="2" bracket="yes"><tuplet-actual><tuplet-number>5</tuplet-number></tuplet-actual>\
            <tuplet-normal><tuplet-number>4</tuplet-number></tuplet-normal></tuplet>
            """
        #expect(text.components(separatedBy: "<tuplet type=\"start\" bracket=\"yes\"/>").count == 2)   // the triplet, on C5
        #expect(text.components(separatedBy: starts).count == 2)                                        // the quintuplet, on B4
        #expect(text.components(separatedBy: "<tuplet type=\"stop\" number=\"2\"/>").count == 2)
        #expect(text.components(separatedBy: "<tuplet type=\"stop\" number=\"2\"/><tuplet type=\"stop\"/>").count == 2)
        #expect(text.components(separatedBy: "<actual-notes>15</actual-notes><normal-notes>8</normal-notes>").count == 6)
        let directory = try MusicXMLTestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("nested.musicxml")
        try MusicXMLWriter().write(score, to: file)
        let result = try MusicXMLSchema.validate([file])
        #expect(result.status == 0, "\(result.output)")
        // The writer adds beams from the meter to this unbeamed bar: compare the rhythm.
        let back = try reader.read(contentsOf: file)
        #expect(durations(back) == durations(score))
        #expect(back.parts[0].staves[0].measures[0].voices[0].elements.map(\.offset)
                == score.parts[0].staves[0].measures[0].voices[0].elements.map(\.offset))
    }

    @Test("brackets at each level: the outer group spans the inner one")
    func bracketLevels() {
        let t3 = [Tuplet.triplet], nested = [Tuplet.triplet, Tuplet(5, 4)]
        // Level 0: C5 is 1/2 in written eighths, each sixteenth 1/5 (2/15 unscaled by 2/3);
        // three eighths (3/2) are full after the fifth. Level 1: five sixteenths of 1/4 fill 5/4.
        let events: [Event] = [.note(Note("C5", Duration(.eighth, tuplets: t3)))]
            + Array(repeating: .note(Note("B4", Duration(.sixteenth, tuplets: nested))), count: 5)
            + [.note(Note("C4", Duration(.quarter)))]
        let brackets = MusicXMLTextBuilder.tupletBrackets(events)
        #expect(brackets == [.start, TupletBracket(starts: [1]), .none, .none, .none, TupletBracket(stops: [0, 1]), .none])
        // Begun on the same note: both start there, outermost first.
        let together: [Event] = Array(repeating: .note(Note("B4", Duration(.sixteenth, tuplets: nested))), count: 5)
            + [.note(Note("G4", Duration(.eighth, tuplets: t3)))]
        #expect(MusicXMLTextBuilder.tupletBrackets(together)
                == [TupletBracket(starts: [0, 1]), .none, .none, .none, TupletBracket(stops: [1]), .stop])
    }

    @Test("MIDI export places nested tuplet notes at their exact times")
    func midi() throws {
        let score = try reader.read(data: MusicXMLTestData.document(divisions: nil, Self.triplet))
        // 15 ticks per quarter make every onset whole: 0, 1/3, then 2/15 apart, then 1.
        let notes = MIDIWriter(ticksPerQuarter: 15).file(from: score).notes
        #expect(notes.map(\.on) == [0, 5, 7, 9, 11, 13, 15])
        #expect(notes.map { $0.off - $0.on } == [5, 2, 2, 2, 2, 2, 15])
    }
}
