import Foundation
import Testing
import TestSupport
@testable import Notation

/// The format registry, the reader/writer protocols and the errors they throw: each error has a
/// stable code, says where, keeps its cause, and prints the same through `localizedDescription`.
@Suite("ScoreFormat and errors")
struct ScoreFormatTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("formats are chosen by extension, case-insensitively; others are a typed error listing the known ones")
    func byExtension() throws {
        #expect(try ScoreFormat.forFile(URL(fileURLWithPath: "a.MusicXML")).name == "MusicXML")
        #expect(try ScoreFormat.forFile(URL(fileURLWithPath: "a.xml")).name == "MusicXML")
        #expect(try ScoreFormat.forFile(URL(fileURLWithPath: "a.mxl")).name == "compressed MusicXML")
        #expect(try ScoreFormat.forFile(URL(fileURLWithPath: "a.MID")).name == "MIDI")
        #expect(throws: NotationError.unsupportedFormat(path: "/x/a.abc", extension: "abc",
                                                        expected: ["musicxml", "xml", "mxl", "mid", "midi"])) {
            try ScoreFormat.forFile(URL(fileURLWithPath: "/x/a.abc"))
        }
        do {
            _ = try Score.read(contentsOf: URL(fileURLWithPath: "/x/a.abc"))
            Issue.record("read an .abc file")
        } catch let error as NotationError {
            #expect(error.code == .unsupportedFormat)
            #expect(error.localizedDescription == "/x/a.abc: unsupported format '.abc' (expected .musicxml, .xml, .mxl, .mid, .midi)")
        }
    }

    @Test("every format writes a score that its reader gives back")
    func roundTripThroughEachFormat() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The fixture has no beams; the MusicXML writer gives its bars beams from the meter.
        let score = try Fixtures.pianoScore().beamed()
        for (format, name) in [(ScoreFormat.musicXML, "a.musicxml"), (.compressedMusicXML, "a.mxl")] {
            let url = folder.appendingPathComponent(name)
            try format.write(score, to: url)
            let reading = try format.read(contentsOf: url)
            #expect(reading.score == score, "\(format)")
            #expect(reading.warnings.isEmpty, "\(format)")
            #expect(try format.read(data: try format.data(for: score)).score == score, "\(format)")
        }
        // .mxl is a ZIP archive, .musicxml plain XML.
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.mxl")).prefix(2) == Data("PK".utf8))
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.musicxml")).prefix(5) == Data("<?xml".utf8))
        // MIDI keeps the pitches and their times (the notation is quantized anew).
        let midi = folder.appendingPathComponent("a.mid")
        try score.write(to: midi)
        let back = try Score.read(contentsOf: midi)
        // Struck notes: offset and key of every note that is not the continuation of a tie.
        let struck = { (s: Score) in s.notesAndChords.filter { $0.event.tie != .stop && $0.event.tie != .continue }
            .flatMap { placed in placed.event.pitches.map { "\(placed.offset) \($0.midi)" } }.sorted() }
        #expect(struck(score).count == 8)
        #expect(struck(back) == struck(score))
    }

    @Test("a MusicXML warning says where: file, line, and its code")
    func musicXMLWarningsAreTyped() throws {
        let text = """
            <?xml version="1.0"?><score-partwise><part-list><score-part id="P1"><part-name/></score-part></part-list>
            <part id="P1"><measure number="1"><note><pitch><step>C</step><octave>4</octave></pitch>
            <duration>1</duration><type>quarter</type></note></measure></part></score-partwise>
            """
        let reading = try MusicXMLReader().readScore(data: Data(text.utf8), fileName: "w.musicxml")
        let warning = try #require(reading.warnings.first)
        #expect(warning.code == "assumption")
        #expect(warning.file == "w.musicxml" && warning.line == 3)  // the first <duration> is on line 3
        #expect("\(warning)".hasPrefix("w.musicxml:3:"))
        #expect("\(warning)".contains("<divisions>"))
    }

    @Test("a malformed file's localizedDescription names the file and the line")
    func localizedDescriptionNamesFileAndLine() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("broken.musicxml")
        try Data("<?xml version=\"1.0\"?>\n<score-partwise>\n<part-list>\n</score-partwise>\n".utf8).write(to: url)
        do {
            _ = try Score.read(contentsOf: url)
            Issue.record("read a malformed file")
        } catch {
            let text = error.localizedDescription
            #expect(text.hasPrefix("\(url.path):4:"), "\(text)")
            #expect(!text.contains("The operation could not be completed"))
            #expect((error as? MusicXMLError)?.code == "malformedXML")
        }
    }

    @Test("a file that cannot be opened keeps the Foundation error as its cause")
    func causeIsKept() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/recompose/x.musicxml")
        do {
            _ = try MusicXMLReader().readScore(contentsOf: missing)
            Issue.record("read a missing file")
        } catch {
            #expect(error.code == "io")
            #expect(error.file == missing.path)
            let cause = try #require(error.cause as? CocoaError)
            #expect(cause.code == .fileReadNoSuchFile)
        }
        do {
            _ = try MIDIReader().read(contentsOf: URL(fileURLWithPath: "/nonexistent/recompose/x.mid"))
            Issue.record("read a missing file")
        } catch {
            #expect(error.code == "unreadable")
            #expect(error.file == "/nonexistent/recompose/x.mid")
            #expect((error.cause as? CocoaError)?.code == .fileReadNoSuchFile)
            #expect(error.localizedDescription.hasPrefix("/nonexistent/recompose/x.mid: fatal at byte 0: cannot read file: "))
        }
    }

    @Test("MIDI errors and warnings read from a named file name it")
    func midiNamesTheFile() throws {
        // A header, then a track chunk that claims more bytes than there are.
        let bytes: [UInt8] = [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
                              0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 40, 0x00, 0x90, 60, 64]
        let file = try MIDIReader().read(data: Data(bytes), fileName: "cut.mid")
        #expect(!file.warnings.isEmpty)
        #expect(file.warnings.allSatisfy { $0.file == "cut.mid" && "\($0)".hasPrefix("cut.mid: ") })
        #expect(throws: MIDIError(.fatal, .notAMIDIFile, offset: 0, file: "junk.mid")) {
            try MIDIReader().read(data: Data("junk".utf8), fileName: "junk.mid")
        }
        let reading = try MIDIReader().readScore(data: Data(bytes), fileName: "cut.mid")
        #expect(reading.warnings == file.warnings)
    }

    @Test("value errors have stable codes and the refused text")
    func notationErrorCodes() {
        let text = "H4"  // a variable, not a literal: a malformed literal traps by design
        #expect(throws: NotationError.invalidPitchName("H4")) { try Pitch(text) }
        do { _ = try Pitch(text) } catch {
            #expect(error.code == .invalidPitchName && error.code.rawValue == "invalidPitchName")
            #expect(error.text == "H4")
            #expect(error.localizedDescription == "not a pitch name: 'H4' (expected e.g. C#4, Eb3, F##5)")
        }
    }
}
