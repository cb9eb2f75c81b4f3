import Foundation
import Testing
import TestSupport
@testable import Notation

/// A `<duration>` that disagrees with its `<type>`, dots and `<time-modification>` beyond
/// rounding (issue 17): the duration is kept and the disagreement reported with file and line.
@Suite("Duration disagreements")
struct DurationDisagreementTests {
    let reader = MusicXMLReader()

    @Test("a quarter written with a half note's duration keeps the duration and is reported at its line")
    func reported() throws {
        // Line 3 of the document: MusicXMLTestData.document puts the measure content on line 3.
        let text = """
            <note><pitch><step>C</step><octave>5</octave></pitch><duration>4</duration><voice>1</voice><type>quarter</type></note><note><pitch><step>D</step><octave>5</octave></pitch><duration>2</duration><voice>1</voice><type>quarter</type></note>
            """
        let reading = try reader.readScore(data: MusicXMLTestData.document(divisions: "2", text), fileName: "odd.xml")
        let voice = reading.score.parts[0].staves[0].measures[0].voices[0].elements
        #expect(voice.map(\.offset) == [0, 2])
        #expect(voice[0].event.quarterLength == 2)
        let disagreements = reading.warnings.filter { $0.code == "durationDisagreement" }
        #expect(disagreements.count == 1)
        #expect(disagreements.first?.problem == .durationDisagreement(notation: "quarter", notated: 1, duration: 2))
        #expect(disagreements.first?.file == "odd.xml")
        #expect(disagreements.first?.line == 3)
    }

    @Test("rounding to the divisions is not a disagreement; a whole-bar rest is not either")
    func notReported() throws {
        // A triplet eighth at 4 per quarter is 4/3 divisions, stored as 1; a whole rest fills a 3/4 bar.
        let text = """
            <attributes><time><beats>3</beats><beat-type>4</beat-type></time></attributes>
            <note><rest/><duration>12</duration><voice>1</voice><type>whole</type></note>
            <backup><duration>12</duration></backup>
            <note><pitch><step>C</step><octave>5</octave></pitch><duration>1</duration><voice>2</voice><type>eighth</type>
              <time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification></note>
            """
        let reading = try reader.readScore(data: MusicXMLTestData.document(divisions: "4", text), fileName: "ok.xml")
        #expect(!reading.warnings.contains { $0.code == "durationDisagreement" }, "\(reading.warnings)")
    }
}
