import Foundation
import Testing
import Notation

/// Every bound of ``MusicXMLReader/Limits`` and ``MIDIReader/Options``: a file just within it
/// reads, one just beyond it is refused with a typed `limitExceeded` error.
@Suite("Reader limits")
struct ReaderLimitsTests {
    static let note = "<note><pitch><step>C</step><octave>4</octave></pitch><duration>1</duration><type>quarter</type></note>"

    /// A partwise document with `parts` parts of `measures` measures, each holding `content`.
    static func document(parts: Int = 1, measures: Int = 1, divisions: Int = 1, _ content: String) -> Data {
        var list = "", body = ""
        for p in 1...parts {
            list += "<score-part id=\"P\(p)\"><part-name>X</part-name></score-part>"
            body += "<part id=\"P\(p)\">"
            for m in 1...measures {
                let attributes = m == 1 ? "<attributes><divisions>\(divisions)</divisions></attributes>" : ""
                body += "<measure number=\"\(m)\">\(attributes)\(content)</measure>"
            }
            body += "</part>"
        }
        return Data("<?xml version=\"1.0\"?><score-partwise version=\"4.0\"><part-list>\(list)</part-list>\(body)</score-partwise>".utf8)
    }

    func limitProblem(_ data: Data, _ limits: MusicXMLReader.Limits) -> String? {
        do {
            _ = try MusicXMLReader(limits: limits).read(data: data, fileName: "big.xml")
            return nil
        } catch {
            guard case .limitExceeded(let what) = error.problem else { return "wrong error: \(error)" }
            #expect(error.file == "big.xml")
            return what
        }
    }

    @Test("MusicXML file size")
    func musicXMLFileSize() {
        let data = Self.document(Self.note)
        #expect(limitProblem(data, .init(maximumFileSize: data.count)) == nil)
        #expect(limitProblem(data, .init(maximumFileSize: data.count - 1)) == "\(data.count) bytes, more than the limit of \(data.count - 1)")
    }

    @Test(".mxl: the inflated document is bounded too, whatever the archive's size")
    func inflatedSize() throws {
        let xml = Self.document(measures: 200, String(repeating: Self.note, count: 4))
        let score = try MusicXMLReader().read(data: xml)
        let archive = try MusicXMLWriter().compressedData(for: score)
        let inflated = try MusicXMLWriter().data(for: score).count
        #expect(archive.count * 4 < inflated)   // compresses well, so the two limits differ
        #expect(limitProblem(archive, .init(maximumFileSize: inflated)) == nil)
        let problem = limitProblem(archive, .init(maximumFileSize: archive.count + 10))
        #expect(problem?.contains("inflates to") == true)
    }

    @Test("parts")
    func parts() {
        let data = Self.document(parts: 3, Self.note)
        #expect(limitProblem(data, .init(maximumParts: 3)) == nil)
        #expect(limitProblem(data, .init(maximumParts: 2)) == "more than 2 parts")
    }

    @Test("measures per part")
    func measures() {
        let data = Self.document(measures: 5, Self.note)
        #expect(limitProblem(data, .init(maximumMeasures: 5)) == nil)
        #expect(limitProblem(data, .init(maximumMeasures: 4)) == "part P1 has more than 4 measures")
    }

    @Test("notes and rests in the whole score")
    func notes() {
        // 2 parts × 2 measures × 3 notes = 12.
        let data = Self.document(parts: 2, measures: 2, String(repeating: Self.note, count: 3))
        #expect(limitProblem(data, .init(maximumNotes: 12)) == nil)
        #expect(limitProblem(data, .init(maximumNotes: 11)) == "more than 11 notes and rests")
    }

    @Test("divisions")
    func divisions() {
        let data = Self.document(divisions: 960, "<note><rest/><duration>960</duration></note>")
        #expect(limitProblem(data, .init(maximumDivisions: 960)) == nil)
        #expect(limitProblem(data, .init(maximumDivisions: 959)) == "<divisions> 960, more than 959 per quarter")
        // The default admits any real file but refuses an absurd grid.
        let absurd = Self.document(divisions: 2_000_000_000, "<note><rest/><duration>1</duration></note>")
        #expect(limitProblem(absurd, .init()) == "<divisions> 2000000000, more than 1000000000 per quarter")
    }

    @Test("tempo marks: <sound tempo> and <metronome> both count")
    func tempos() {
        let sound = "<sound tempo=\"90\"/>"
        let metronome = "<direction><direction-type><metronome><beat-unit>quarter</beat-unit><per-minute>60</per-minute></metronome></direction-type></direction>"
        let data = Self.document(measures: 2, sound + metronome + Self.note)
        #expect(limitProblem(data, .init(maximumTempoEvents: 4)) == nil)
        #expect(limitProblem(data, .init(maximumTempoEvents: 3)) == "more than 3 tempo marks")
    }

    // MARK: MIDI

    /// A format-1 file: each track is a list of (delta, event bytes), end-of-track appended.
    static func midi(_ tracks: [[[UInt8]]]) -> [UInt8] {
        var bytes: [UInt8] = Array("MThd".utf8) + [0, 0, 0, 6, 0, 1, 0, UInt8(tracks.count), 0x01, 0xE0]
        for track in tracks {
            var body = track.flatMap { $0 }
            body += [0x00, 0xFF, 0x2F, 0x00]
            let n = body.count
            bytes += Array("MTrk".utf8) + [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + body
        }
        return bytes
    }

    static let noteOnOff: [[UInt8]] = [[0x00, 0x90, 60, 64], [0x60, 0x80, 60, 0]]
    static let tempo: [UInt8] = [0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20]

    func midiLimit(_ bytes: [UInt8], _ options: MIDIReader.Options) -> String? {
        do {
            _ = try MIDIReader(options: options).read(bytes)
            return nil
        } catch {
            guard case .limitExceeded(let what) = error.reason else { return "wrong error: \(error)" }
            #expect(error.severity == .fatal)
            return what
        }
    }

    @Test("MIDI file size, in memory and on disk (checked before reading)")
    func midiFileSize() throws {
        let bytes = Self.midi([Self.noteOnOff])
        #expect(midiLimit(bytes, .init(maximumFileSize: bytes.count)) == nil)
        #expect(midiLimit(bytes, .init(maximumFileSize: 20)) == "\(bytes.count) bytes, more than the limit of 20")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-limit-\(UUID().uuidString).mid")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: MIDIError(.fatal, .limitExceeded("\(bytes.count) bytes, more than the limit of 20"), offset: 0, file: url.path)) {
            try MIDIReader(options: .init(maximumFileSize: 20)).read(contentsOf: url)
        }
    }

    @Test("MIDI tracks")
    func midiTracks() {
        let bytes = Self.midi([Self.noteOnOff, Self.noteOnOff, Self.noteOnOff])
        #expect(midiLimit(bytes, .init(maximumTracks: 3)) == nil)
        #expect(midiLimit(bytes, .init(maximumTracks: 2)) == "more than 2 tracks")
    }

    @Test("MIDI events, counted over all tracks, in lenient and strict mode")
    func midiEvents() {
        // Two tracks of two notes and an end-of-track each: 6 events.
        let bytes = Self.midi([Self.noteOnOff, Self.noteOnOff])
        #expect(midiLimit(bytes, .init(maximumEvents: 6)) == nil)
        #expect(midiLimit(bytes, .init(maximumEvents: 5)) == "more than 5 events")
        #expect(midiLimit(bytes, .init(strictness: .strict, maximumEvents: 5)) == "more than 5 events")
    }

    @Test("MIDI tempo events")
    func midiTempos() {
        let bytes = Self.midi([[Self.tempo, Self.tempo], [Self.tempo] + Self.noteOnOff])
        #expect(midiLimit(bytes, .init(maximumTempoEvents: 3)) == nil)
        #expect(midiLimit(bytes, .init(maximumTempoEvents: 2)) == "more than 2 tempo events")
    }
}
