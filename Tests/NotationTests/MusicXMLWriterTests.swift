import Foundation
import Testing
import TestSupport
@testable import Notation

/// Writing MusicXML: schema-valid output, and the lessons from music21's issue tracker.
@Suite("MusicXMLWriter")
struct MusicXMLWriterTests {
    let writer = MusicXMLWriter()
    let reader = MusicXMLReader()

    @Test("a written score reads back equal")
    func roundTrip() throws {
        let score = try Fixtures.pianoScore()
        let back = try reader.read(data: try writer.data(for: score))
        #expect(back.metadata == score.metadata)
        #expect(back.parts.count == 1)
        // The writer beams unbeamed measures from the meter; the rest must come back as it was.
        #expect(back.parts[0].staves == score.withMissingBeams().parts[0].staves)
        #expect(back == score.withMissingBeams())
    }

    @Test("music21 #613: a two-staff piano part is one <part> with <staff> 1 and 2")
    func pianoIsOnePart() throws {
        let text = String(decoding: try writer.data(for: try Fixtures.pianoScore()), as: UTF8.self)
        #expect(text.components(separatedBy: "<part id=").count - 1 == 1)
        #expect(text.contains("<staves>2</staves>"))
        #expect(text.contains("<staff>1</staff>") && text.contains("<staff>2</staff>"))
        #expect(text.contains("<backup>"))
    }

    @Test("accidentals as a reader of the key and bar expects")
    func accidentals() throws {
        let text = String(decoding: try writer.data(for: try Fixtures.pianoScore()), as: UTF8.self)
        // F# is in the key of D major: no sign. F natural needs one. Nothing else needs a sign.
        #expect(text.components(separatedBy: "<accidental>").count - 1 == 1)
        #expect(text.contains("<accidental>natural</accidental>"))
        #expect(text.contains("<fifths>2</fifths><mode>major</mode>"))
        #expect(text.contains("<metronome><beat-unit>quarter</beat-unit><per-minute>96</per-minute></metronome>"))
        #expect(text.contains("<sound tempo=\"96\"/>"))
    }

    @Test("divisions make every duration whole: triplet eighths need 3 per quarter")
    func divisions() throws {
        let text = String(decoding: try writer.data(for: try Fixtures.pianoScore()), as: UTF8.self)
        #expect(text.contains("<divisions>3</divisions>"))
        #expect(text.contains("<time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification>"))
    }

    @Test("music21 #1022/#1780: a length no single note can show is split and tied")
    func oddLengthsSplit() throws {
        let staff = MeasureBuilder(timeSignature: .commonTime).staff(from: [
            TimedEvent(offset: 0, length: Rational(5, 4), pitches: [Pitch("C4")]),
            TimedEvent(offset: Rational(5, 4), length: Rational(11, 4), pitches: [Pitch("D4")]),
        ])
        let score = Score(parts: [Part(staves: [staff])])
        let back = try reader.read(data: try writer.data(for: score))
        let notes = back.notesAndChords
        #expect(notes.filter { $0.event.pitches[0].name == "C4" }.map(\.event.tie) == [.start, .stop])
        #expect(notes.filter { $0.event.pitches[0].name == "C4" }.map(\.event.quarterLength) == [1, Rational(1, 4)])
        #expect(notes.reduce(Rational.zero) { $0 + $1.event.quarterLength } == 4)
        #expect(back == score)
    }

    @Test("music21 #681: exporting never changes the score passed in")
    func exportLeavesScoreAlone() throws {
        let score = try Fixtures.pianoScore()
        let copy = score
        let directory = try MusicXMLTestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writer.write(score, to: directory.appendingPathComponent("a.musicxml"))
        try writer.write(score, to: directory.appendingPathComponent("a.mxl"))
        #expect(score == copy)
    }

    @Test(".mxl and plain files chosen by extension; both read back; atomic replace")
    func files() throws {
        let score = try Fixtures.pianoScore()
        let directory = try MusicXMLTestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("s.musicxml")
        let compressed = directory.appendingPathComponent("s.mxl")
        try writer.write(score, to: plain)
        try writer.write(score, to: compressed)
        try writer.write(score, to: compressed)   // replacing an existing file
        let zipped = try Data(contentsOf: compressed)
        #expect(zipped.prefix(2) == Data("PK".utf8))
        #expect(try Data(contentsOf: plain).prefix(5) == Data("<?xml".utf8))
        #expect(try reader.read(contentsOf: plain) == score.withMissingBeams())
        #expect(try reader.read(contentsOf: compressed) == score.withMissingBeams())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("a note tied over the barline does not repeat its accidental; the next one in the bar does")
    func tiedAccidentals() throws {
        let bar1 = Measure(number: 1, length: 4, voices: [Voice(sequence: [
            .rest(Rest(Duration(.half, dots: 1))), .note(Note(Pitch("F#4"), Duration(.quarter), tie: .start)),
        ])], key: .cMajor, timeSignature: .commonTime, clef: .treble)
        let bar2 = Measure(number: 2, length: 4, voices: [Voice(sequence: [
            .note(Note(Pitch("F#4"), Duration(.quarter), tie: .stop)), .note(Note(Pitch("F#4"), Duration(.half, dots: 1))),
        ])])
        let score = Score(parts: [Part(staves: [Staff(measures: [bar1, bar2])])])
        let text = String(decoding: try writer.data(for: score), as: UTF8.self)
        #expect(text.components(separatedBy: "<accidental>sharp</accidental>").count - 1 == 2)
        #expect(try reader.read(data: Data(text.utf8)) == score)
    }

    @Test("MIDI velocities survive as <note dynamics> (percent of forte = 90)")
    func velocities() throws {
        let staff = MeasureBuilder().staff(from: (1...127).map { v in
            TimedEvent(offset: Rational(v - 1, 4), length: Rational(1, 4), pitches: [Pitch(midi: 60)], velocity: v)
        })
        let score = Score(parts: [Part(staves: [staff])])
        let text = String(decoding: try writer.data(for: score), as: UTF8.self)
        #expect(text.contains("<note dynamics=\"100.00\">"))   // velocity 90
        #expect(try reader.read(data: Data(text.utf8)) == score.withMissingBeams())
    }

    @Test("a score with no parts cannot be written; an empty part gets one bar")
    func emptyScores() throws {
        #expect(throws: MusicXMLError.self) { try writer.data(for: Score()) }
        let text = String(decoding: try writer.data(for: Score(parts: [Part(name: "Empty")])), as: UTF8.self)
        #expect(text.contains("<measure number=\"1\">"))
        #expect(text.contains("<rest measure=\"yes\"/>"))
    }

    @Test("writing into a missing folder is an I/O error")
    func unwritable() throws {
        #expect {
            try writer.write(try Fixtures.pianoScore(), to: URL(fileURLWithPath: "/nonexistent/dir/x.musicxml"))
        } throws: { error in
            guard let e = error as? MusicXMLError, case .io = e.problem else { return false }
            return true
        }
    }

    @Test("written files validate against the MusicXML 4.0 XSD",
          .requires(shared: SharedData.schema), .requires(program: "xmllint", package: "libxml2-utils"))
    func validates() throws {
        let directory = try MusicXMLTestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("piano.musicxml")
        try writer.write(try Fixtures.pianoScore(), to: file)
        let result = try MusicXMLSchema.validate([file])
        #expect(result.status == 0, "\(result.output)")
    }
}
