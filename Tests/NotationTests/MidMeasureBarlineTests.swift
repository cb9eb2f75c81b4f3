import Foundation
import Testing
import TestSupport
@testable import Notation

/// Barlines inside a bar (`<barline location="middle">`): kept at their place with their style,
/// written back there.
@Suite("Mid-measure barlines")
struct MidMeasureBarlineTests {
    let reader = MusicXMLReader()

    /// 46b of the test suite, by hand: four quarters with a dotted barline after the second, and
    /// a plain one in a second voice's bar after a dotted half (a backup first).
    static let bar = """
        <attributes><divisions>1</divisions><time><beats>4</beats><beat-type>4</beat-type></time></attributes>
        <note><pitch><step>C</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>quarter</type></note>
        <note><pitch><step>D</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>quarter</type></note>
        <barline location="middle"><bar-style>dotted</bar-style></barline>
        <note><pitch><step>E</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>quarter</type></note>
        <note><pitch><step>F</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>quarter</type></note>
        <backup><duration>1</duration></backup>
        <barline location="middle"/>
        <barline location="right"><bar-style>light-heavy</bar-style></barline>
        """

    static let expected = [
        Barline(.middle, style: "dotted", offset: 2),
        Barline(.middle, offset: 3),
        Barline(.right, style: "light-heavy"),
    ]

    @Test("read at their offset with their style; the bar's end barline stays at the edge")
    func reads() throws {
        let reading = try reader.readScore(data: MusicXMLTestData.document(divisions: nil, Self.bar), fileName: "mid.xml")
        #expect(reading.skipped.isEmpty, "\(reading.skipped)")
        #expect(reading.score.parts[0].staves[0].measures[0].barlines == Self.expected)
        #expect(reading.score.parts[0].staves[0].measures[0].length == 4)
    }

    @Test("written back at the same place, XSD-valid",
          .requires(shared: SharedData.schema), .requires(program: "xmllint", package: "libxml2-utils"))
    func writes() throws {
        let score = try reader.read(data: MusicXMLTestData.document(divisions: nil, Self.bar))
        let directory = try MusicXMLTestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("mid.musicxml")
        try MusicXMLWriter().write(score, to: file)
        let result = try MusicXMLSchema.validate([file])
        #expect(result.status == 0, "\(result.output)")
        let back = try reader.read(contentsOf: file)
        #expect(back == score)
        let text = try String(contentsOf: file, encoding: .utf8)
        // The dotted barline between D5 and E5, where the cursor stands after two quarters.
        let d5 = try #require(text.range(of: "<step>D</step>")), e5 = try #require(text.range(of: "<step>E</step>"))
        let dotted = try #require(text.range(of: "<barline location=\"middle\"><bar-style>dotted</bar-style></barline>"))
        #expect(d5.upperBound < dotted.lowerBound && dotted.upperBound < e5.lowerBound)
    }

    @Test("46b of the test suite", .requires(shared: SharedData.testSuite))
    func testSuite() throws {
        let reading = try reader.readScore(contentsOf: MusicXMLTestData.suite("46b"))
        #expect(!reading.skipped.contains("barline[location=middle]"))
        #expect(reading.score.parts[0].staves[0].measures[0].barlines == [Barline(.middle, style: "dotted", offset: 2)])
    }
}
