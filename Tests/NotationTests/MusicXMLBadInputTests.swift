import Foundation
import Testing
import Notation

/// Damaged and hostile input: always a typed ``MusicXMLError`` (or a safe read), never a crash,
/// hang or file access.
@Suite("MusicXML bad input")
struct MusicXMLBadInputTests {
    let reader = MusicXMLReader()
    static let note = "<note><pitch><step>C</step><octave>4</octave></pitch><duration>1</duration><type>quarter</type></note>"

    func problem(_ data: Data) -> MusicXMLError.Problem? {
        do {
            _ = try reader.read(data: data, fileName: "bad.xml")
            return nil
        } catch {
            return error.problem
        }
    }

    @Test("not XML at all")
    func notXML() {
        guard case .malformedXML? = problem(Data("this is not xml, it is a shopping list".utf8)) else {
            Issue.record("expected malformedXML"); return
        }
        guard case .malformedXML? = problem(Data()) else { Issue.record("empty data must fail"); return }
    }

    @Test("truncated at many offsets: an error naming a position, never a crash")
    func truncated() throws {
        let whole = MusicXMLTestData.document(String(repeating: Self.note, count: 4))
        #expect(throws: Never.self) { try reader.read(data: whole) }
        for cut in stride(from: 1, to: whole.count - 1, by: 7) {
            do {
                _ = try reader.read(data: whole.prefix(cut), fileName: "cut.xml")
                Issue.record("truncation at \(cut) read without error")
            } catch {
                #expect(error.file == "cut.xml")
            }
        }
    }

    @Test("wrong root element")
    func wrongRoot() {
        let data = Data("<?xml version=\"1.0\"?><html><body/></html>".utf8)
        #expect(problem(data) == .wrongRoot("html"))
    }

    @Test("missing divisions: durations are taken at one division per quarter, with a warning")
    func missingDivisions() throws {
        let doc = try reader.readScore(data: MusicXMLTestData.document(divisions: nil, Self.note + Self.note))
        #expect(doc.score.notesAndChords.map(\.offset) == [0, 1])
        #expect(doc.warnings.contains { $0.problem.code == "assumption" && "\($0)".contains("divisions") && $0.line > 0 })
        // A divisions value that is not a positive integer is an error.
        #expect(problem(MusicXMLTestData.document(divisions: "0", Self.note)) == .invalidValue(element: "divisions", value: "0"))
    }

    @Test("negative or absurd durations are errors with their line")
    func badDurations() throws {
        let negative = MusicXMLTestData.document("<note><pitch><step>C</step><octave>4</octave></pitch><duration>-4</duration></note>")
        do {
            _ = try reader.read(data: negative, fileName: "neg.xml")
            Issue.record("negative duration accepted")
        } catch {
            #expect(error.problem == .invalidValue(element: "duration", value: "-4"))
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("neg.xml:3:"))
        }
        let absurd = MusicXMLTestData.document("<note><pitch><step>C</step><octave>4</octave></pitch><duration>99999999999999</duration></note>")
        guard case .invalidValue(element: "duration", _)? = problem(absurd) else { Issue.record("absurd duration accepted"); return }
        let backup = MusicXMLTestData.document(Self.note + "<backup><duration>-3</duration></backup>")
        guard case .invalidValue(element: "duration", _)? = problem(backup) else { Issue.record("negative backup accepted"); return }
    }

    @Test("durations on ever finer grids are refused before exact arithmetic could overflow")
    func gridBomb() throws {
        // Divisions changing to large primes would make offsets' denominators multiply.
        var content = ""
        for prime in [999_983, 999_979, 999_961, 999_959, 999_953] {
            content += "<attributes><divisions>\(prime)</divisions></attributes>"
                + "<note><pitch><step>C</step><octave>4</octave></pitch><duration>1</duration></note>"
        }
        guard case .invalidValue(element: "duration", _)? = problem(MusicXMLTestData.document(content)) else {
            Issue.record("expected the grid limit to refuse this"); return
        }
        let long = MusicXMLTestData.document("<note><pitch><step>C</step><octave>4</octave></pitch><duration>999999999999.999999</duration></note>")
        guard case .invalidValue? = problem(long) else { Issue.record("expected an absurd duration error"); return }
        let manyForwards = MusicXMLTestData.document(String(repeating: "<forward><duration>99999</duration></forward>", count: 20))
        guard case .invalidValue(element: "forward", _)? = problem(manyForwards) else { Issue.record("expected a position error"); return }
    }

    @Test("unknown pitch step")
    func unknownStep() {
        let data = MusicXMLTestData.document("<note><pitch><step>H</step><octave>4</octave></pitch><duration>1</duration></note>")
        #expect(problem(data) == .invalidValue(element: "step", value: "H"))
        let noOctave = MusicXMLTestData.document("<note><pitch><step>C</step></pitch><duration>1</duration></note>")
        #expect(problem(noOctave) == .missingElement("octave"))
    }

    @Test("billion laughs is refused as malformed XML about the entity, without expanding it")
    func billionLaughs() {
        var entities = "<!ENTITY lol \"lol\">"
        var previous = "lol"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = "lol\(level)"
        }
        let data = Data("""
            <?xml version="1.0"?>
            <!DOCTYPE score-partwise [\(entities)]>
            <score-partwise><work><work-title>&\(previous);</work-title></work><part-list/></score-partwise>
            """.utf8)
        // 10^9 copies of "lol" if expanded: a 3-gigabyte title. libxml2's entity checks refuse
        // it ("Detected an entity reference loop", or "Maximum entity amplification factor
        // exceeded" in newer versions): a typed error about the entity, never a title, which
        // unlike a time limit does not depend on the machine or its load.
        switch Result(catching: { () throws(MusicXMLError) in try reader.read(data: data) }) {
        case .failure(let error):
            guard case .malformedXML(let message) = error.problem else {
                Issue.record("expected malformedXML, got \(error)"); break
            }
            #expect(message.lowercased().contains("entit"), "\(message)")
        case .success(let score):
            Issue.record("an entity bomb was accepted: a title of \(score.metadata.title?.utf8.count ?? 0) bytes")
        }
    }

    @Test("an external entity naming a local file is not read")
    func externalEntity() throws {
        let directory = try MusicXMLTestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET".utf8).write(to: secret)
        let data = Data("""
            <?xml version="1.0"?>
            <!DOCTYPE score-partwise [<!ENTITY xxe SYSTEM "\(secret.absoluteString)">]>
            <score-partwise><work><work-title>&xxe;</work-title></work><part-list/></score-partwise>
            """.utf8)
        if let score = try? reader.read(data: data) {
            #expect(score.metadata.title?.contains("TOP-SECRET") != true)
        }
    }

    @Test("a DOCTYPE naming the MusicXML DTD is not fetched")
    func doctypeNotFetched() throws {
        let prolog = "\n<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" \"http://www.musicxml.org/dtds/partwise.dtd\">"
        let score = try reader.read(data: MusicXMLTestData.document(Self.note, prolog: prolog))
        #expect(score.notesAndChords.count == 1)
    }

    @Test("a damaged .mxl archive is an archive error")
    func damagedArchive() {
        var bytes = Data([0x50, 0x4B, 0x03, 0x04])
        bytes.append(Data(repeating: 0x41, count: 200))
        guard case .invalidArchive? = problem(bytes) else { Issue.record("expected invalidArchive"); return }
    }

    @Test("a missing file is an I/O error naming it")
    func missingFile() {
        #expect {
            try reader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/x.musicxml"))
        } throws: { error in
            guard let e = error as? MusicXMLError, case .io = e.problem else { return false }
            return e.file == "/nonexistent/x.musicxml"
        }
    }
}
