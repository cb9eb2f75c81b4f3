import Foundation
import Testing
import Notation

/// Hostile XML beyond MusicXMLBadInputTests' entity bomb, external entity and DTD cases: each
/// gives a clear typed error or a harmless read, reads nothing from disk, and finishes quickly.
@Suite("Hostile XML")
struct HostileXMLTests {
    static let note = "<note><pitch><step>C</step><octave>4</octave></pitch><duration>1</duration><type>quarter</type></note>"

    func problem(_ data: Data) -> MusicXMLError.Problem? {
        do {
            _ = try MusicXMLReader().read(data: data, fileName: "hostile.xml")
            return nil
        } catch {
            return error.problem
        }
    }

    @Test("elements nested 100,000 deep: refused by libxml2's depth limit, no stack overflow")
    func deepNesting() {
        let depth = 100_000
        let inner = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let data = MusicXMLTestData.document("<direction><direction-type>\(inner)</direction-type></direction>" + Self.note)
        guard case .malformedXML(let message)? = problem(data) else {
            Issue.record("expected malformedXML, got \(String(describing: problem(data)))"); return
        }
        #expect(message.lowercased().contains("depth") || message.lowercased().contains("nest"))
    }

    @Test("nesting well within the limit still reads")
    func moderateNesting() throws {
        let inner = String(repeating: "<a>", count: 200) + String(repeating: "</a>", count: 200)
        let data = MusicXMLTestData.document("<direction><direction-type>\(inner)</direction-type></direction>" + Self.note)
        #expect(try MusicXMLReader().read(data: data).notesAndChords.count == 1)
    }

    @Test("a 20 MB attribute value is read without blowing up, or refused")
    func hugeAttribute() {
        let value = String(repeating: "x", count: 20_000_000)
        let data = MusicXMLTestData.document("<note color=\"\(value)\"><pitch><step>C</step><octave>4</octave></pitch><duration>1</duration></note>")
        switch Result(catching: { try MusicXMLReader().read(data: data) }) {
        case .success(let score): #expect(score.notesAndChords.count == 1)
        case .failure(let error): #expect(error is MusicXMLError)
        }
        // A part id that long is kept as text, never interpreted.
        let huge = Data("<score-partwise><part-list/><part id=\"\(value)\"><measure number=\"1\"/></part></score-partwise>".utf8)
        if let score = try? MusicXMLReader().read(data: huge) { #expect(score.parts.count == 1) }
    }

    @Test("invalid UTF-8 is malformed XML naming the position")
    func invalidUTF8() throws {
        let good = MusicXMLTestData.document("<lyric><text>ok</text></lyric>")
        for bad: [UInt8] in [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]] {
            var bytes = [UInt8](good)
            let at = try #require(bytes.firstRange(of: Array("ok".utf8))).lowerBound
            bytes.replaceSubrange(at..<(at + 2), with: bad)
            do {
                _ = try MusicXMLReader().read(data: Data(bytes), fileName: "utf8.xml")
                Issue.record("invalid UTF-8 \(bad) was accepted")
            } catch {
                guard case .malformedXML = error.problem else { Issue.record("\(error)"); continue }
                #expect(error.line > 0)
            }
        }
    }

    @Test("an external DTD and a parameter entity naming local files are not read")
    func externalDTDAndParameterEntity() throws {
        let directory = try MusicXMLTestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dtd = directory.appendingPathComponent("evil.dtd")
        try Data("<!ENTITY title \"FROM-DISK\">".utf8).write(to: dtd)
        let documents = [
            "<!DOCTYPE score-partwise SYSTEM \"\(dtd.absoluteString)\">",
            "<!DOCTYPE score-partwise [<!ENTITY % ext SYSTEM \"\(dtd.absoluteString)\"> %ext;]>",
        ]
        for doctype in documents {
            let data = Data("""
                <?xml version="1.0"?>
                \(doctype)
                <score-partwise><work><work-title>&title;</work-title></work><part-list/></score-partwise>
                """.utf8)
            if let score = try? MusicXMLReader().read(data: data) {
                #expect(score.metadata.title?.contains("FROM-DISK") != true)
            }
        }
    }

    @Test("a DOCTYPE naming a network DTD is neither fetched nor an error")
    func networkDTD() throws {
        // An address nothing listens on: a fetch would fail or hang; NONET forbids trying.
        let prolog = "\n<!DOCTYPE score-partwise SYSTEM \"http://127.0.0.1:9/partwise.dtd\">"
        let score = try MusicXMLReader().read(data: MusicXMLTestData.document(Self.note, prolog: prolog))
        #expect(score.notesAndChords.count == 1)
    }

    @Test("quadratic blow-up: one large entity referenced many times is refused or bounded")
    func quadraticBlowup() {
        let entity = String(repeating: "a", count: 100_000)
        let refs = String(repeating: "&big;", count: 100_000)
        let data = Data("""
            <?xml version="1.0"?>
            <!DOCTYPE score-partwise [<!ENTITY big "\(entity)">]>
            <score-partwise><work><work-title>\(refs)</work-title></work><part-list/></score-partwise>
            """.utf8)
        // 10 GB if expanded. libxml2 refuses it as amplification; if it ever read it, the
        // title must not hold the expansion.
        switch Result(catching: { try MusicXMLReader().read(data: data) }) {
        case .success(let score): #expect((score.metadata.title?.utf8.count ?? 0) < 100_000_000)
        case .failure(let error): #expect(error is MusicXMLError)
        }
    }
}
