import Foundation
import Testing
import TestSupport
@testable import Notation

/// Figured bass: read from `<figured-bass>` at the note it stands under, written back before
/// that note in the schema's order, left alone by transposition. Expectations read off the
/// documents by hand.
@Suite("Figured bass")
struct FiguredBassTests {
    let reader = MusicXMLReader()

    /// A 4/4 bar (divisions 2): a half note under "6 over 4" (in parentheses) changing after a
    /// quarter to "5 over ♯3" with an extension line begun; then a quarter under a slashed 6; then
    /// a quarter with none.
    static let bar = """
        <attributes><divisions>2</divisions><time><beats>4</beats><beat-type>4</beat-type></time>
          <clef><sign>F</sign><line>4</line></clef></attributes>
        <figured-bass parentheses="yes"><figure><figure-number>6</figure-number></figure>
          <figure><figure-number>4</figure-number></figure><duration>2</duration></figured-bass>
        <figured-bass><figure><figure-number>5</figure-number><extend type="start"/></figure>
          <figure><prefix>sharp</prefix><figure-number>3</figure-number></figure><duration>2</duration></figured-bass>
        <note><pitch><step>C</step><octave>3</octave></pitch><duration>4</duration><voice>1</voice><type>half</type></note>
        <figured-bass><figure><figure-number>6</figure-number><suffix>slash</suffix></figure></figured-bass>
        <note><pitch><step>D</step><octave>3</octave></pitch><duration>2</duration><voice>1</voice><type>quarter</type></note>
        <note><pitch><step>E</step><octave>3</octave></pitch><duration>2</duration><voice>1</voice><type>quarter</type></note>
        """

    static let expected: [Direction] = [
        Direction(offset: 0, kind: .figuredBass(FiguredBass([.init(number: 6), .init(number: 4)], parentheses: true, duration: 1))),
        Direction(offset: 1, kind: .figuredBass(FiguredBass([.init(number: 5, extend: .start), .init(prefix: .sharp, number: 3)],
                                                            duration: 1))),
        Direction(offset: 2, kind: .figuredBass(FiguredBass([.init(number: 6, suffix: .slash)]))),
    ]

    func figures(_ score: Score) -> [Direction] {
        score.parts[0].staves[0].measures[0].directions.filter { if case .figuredBass = $0.kind { true } else { false } }
    }

    @Test("figures are read under their note, one after another by their durations")
    func reads() throws {
        let reading = try reader.readScore(data: MusicXMLTestData.document(divisions: nil, Self.bar), fileName: "fb.xml")
        #expect(reading.skipped.isEmpty, "\(reading.skipped)")
        #expect(figures(reading.score) == Self.expected)
        #expect(FiguredBass([.init(prefix: .sharp, number: 6), .init(number: 4)]).description == "#6 4")
    }

    @Test("written back before their note, XSD-valid, and read back equal",
          .requires(shared: SharedData.schema), .requires(program: "xmllint", package: "libxml2-utils"))
    func writes() throws {
        let score = try reader.read(data: MusicXMLTestData.document(divisions: nil, Self.bar))
        let directory = try MusicXMLTestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("fb.musicxml")
        try MusicXMLWriter().write(score, to: file)
        let result = try MusicXMLSchema.validate([file])
        #expect(result.status == 0, "\(result.output)")
        #expect(figures(try reader.read(contentsOf: file)) == Self.expected)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("<figured-bass><figure><figure-number>6</figure-number><suffix>slash</suffix></figure></figured-bass>"))
    }

    @Test("the test suite's figured bass: 74a (the empty element reported) and 46g",
          .requires(shared: SharedData.testSuite))
    func testSuite() throws {
        let reading = try reader.readScore(contentsOf: MusicXMLTestData.suite("74a"))
        #expect(reading.skipped.contains("figured-bass[no figure]"))
        let found = figures(reading.score)
        // 3; ♯1 ♭3 ♮5; (6); 5/ ♭127/ — under the notes at 0, 1, 7/4 and 2 (divisions 8:
        // durations 4, 4, 6, 2, 8).
        #expect(found.map(\.offset) == [0, 1, Rational(7, 4), 2])
        guard found.count == 4, case .figuredBass(let second) = found[1].kind, case .figuredBass(let third) = found[2].kind,
              case .figuredBass(let fourth) = found[3].kind else { Issue.record("\(found)"); return }
        #expect(second.figures == [.init(prefix: .sharp, number: 1), .init(prefix: .flat, number: 3), .init(prefix: .natural, number: 5)])
        #expect(third == FiguredBass([.init(number: 6)], parentheses: true))
        #expect(fourth.figures == [.init(number: 5, suffix: .slash), .init(prefix: .flat, number: 127, suffix: .slash)])
        let pickup = try reader.read(contentsOf: MusicXMLTestData.suite("46g"))
        let all = pickup.parts[0].staves[0].measures.flatMap(\.directions)
        #expect(all.filter { if case .figuredBass = $0.kind { true } else { false } }.count == 2)
    }

    @Test("transposition leaves the figures (intervals above the bass) as they are")
    func transposition() throws {
        let score = try reader.read(data: MusicXMLTestData.document(divisions: nil, Self.bar))
        let up = try score.transposed(by: "M2")
        #expect(figures(up) == Self.expected)
        #expect(up.parts[0].staves[0].measures[0].voices[0].elements[0].event.pitches == ["D3"])
    }
}
