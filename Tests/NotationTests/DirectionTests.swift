import Foundation
import Testing
@testable import Notation
import TestSupport

/// Typed directions and barline fermatas, checked against what the MusicXML files say (read by
/// hand from 31a-Directions.xml) and against the XSD.
@Suite("Directions")
struct DirectionTests {
    let reader = MusicXMLReader()

    /// The typed spanners and signs of a score, in reading order.
    func typed(_ score: Score) -> [Direction.Kind] {
        score.parts.flatMap(\.staves).flatMap(\.measures).flatMap(\.directions).map(\.kind).filter {
            switch $0 {
            case .wedge, .pedal, .octaveShift, .dashes, .bracket, .segno, .coda, .rehearsal: true
            default: false
            }
        }
    }

    @Test("31a: rehearsal, segno, coda, wedge, dashes, bracket, octave shift and pedal read as typed marks",
          .requires(shared: SharedData.testSuite))
    func directions31a() throws {
        let score = try reader.read(contentsOf: MusicXMLTestData.suite("31a"))
        // In the file's order: <rehearsal>A, B, Test, Crc, <segno/>, <coda/>, <wedge crescendo/stop>,
        // <dashes start/stop>, <bracket start/stop line-end="none">, <octave-shift up/stop> (no
        // size: 8), <pedal start/change/stop>, a second <wedge crescendo/stop>.
        #expect(typed(score) == [
            .rehearsal("A"), .rehearsal("B"), .rehearsal("Test"), .rehearsal("Crc"), .segno, .coda,
            .wedge(Wedge(.crescendo)), .wedge(Wedge(.stop)), .dashes(Dashes(.start)), .dashes(Dashes(.stop)),
            .bracket(Bracket(.start, lineEnd: .none)), .bracket(Bracket(.stop, lineEnd: .none)),
            .octaveShift(OctaveShift(.up, size: 8)), .octaveShift(OctaveShift(.stop, size: 8)),
            .pedal(Pedal(.start)), .pedal(Pedal(.change)), .pedal(Pedal(.stop)),
            .wedge(Wedge(.crescendo)), .wedge(Wedge(.stop)),
        ])
    }

    @Test("a pedal change is written as a release and a press (MuseScore 3 rejects type=\"change\") and reads back as a change")
    func pedalChangeWritten() throws {
        var score = try reader.read(data: MusicXMLTestData.document("""
            <direction><direction-type><pedal type="start" line="yes"/></direction-type></direction>
            <note><pitch><step>C</step><octave>4</octave></pitch><duration>1</duration><voice>1</voice><type>quarter</type></note>
            <direction><direction-type><pedal type="change" line="yes"/></direction-type></direction>
            <note><pitch><step>D</step><octave>4</octave></pitch><duration>1</duration><voice>1</voice><type>quarter</type></note>
            <direction><direction-type><pedal type="stop" line="yes"/></direction-type></direction>
            """))
        score.parts[0].staves[0].measures[0].directions.append(
            Direction(offset: 0, kind: .wedge(Wedge(.diminuendo, number: 2, niente: true, spread: 15))))
        let text = String(decoding: try MusicXMLWriter().data(for: score), as: UTF8.self)
        #expect(!text.contains("type=\"change\""))
        #expect(text.contains("<wedge type=\"diminuendo\" number=\"2\" spread=\"15\" niente=\"yes\"/>"))
        let again = typed(try reader.read(data: Data(text.utf8)))
        #expect(text.components(separatedBy: "<pedal type=\"stop\" line=\"yes\"/>").count - 1 == 2)
        #expect(text.components(separatedBy: "<pedal type=\"start\" line=\"yes\"/>").count - 1 == 2)
        // Read back, the release and press at one point are the change again.
        #expect(again.filter { if case .pedal = $0 { true } else { false } } == [
            .pedal(Pedal(.start, line: true)), .pedal(Pedal(.change, line: true)), .pedal(Pedal(.stop, line: true)),
        ])
        #expect(again.contains(.wedge(Wedge(.diminuendo, number: 2, niente: true, spread: 15))))
    }

    @Test("fermatas on a barline are read, written before the repeat sign and read back")
    func barlineFermatas() throws {
        let score = try reader.read(data: MusicXMLTestData.document("""
            <note><pitch><step>C</step><octave>4</octave></pitch><duration>4</duration><voice>1</voice><type>whole</type></note>
            <barline location="right"><bar-style>light-heavy</bar-style><fermata type="upright"/><fermata type="inverted">square</fermata>
            <repeat direction="backward"/></barline>
            """))
        let barline = try #require(score.parts[0].staves[0].measures[0].barlines.first)
        #expect(barline.fermatas == [Fermata(.upright), Fermata(.inverted, shape: .square)])
        let text = String(decoding: try MusicXMLWriter().data(for: score), as: UTF8.self)
        #expect(text.contains("<bar-style>light-heavy</bar-style><fermata type=\"upright\"/><fermata type=\"inverted\">square</fermata><repeat direction=\"backward\"/>"))
        let back = try reader.read(data: Data(text.utf8))
        #expect(back.parts[0].staves[0].measures[0].barlines == score.parts[0].staves[0].measures[0].barlines)
    }
}
