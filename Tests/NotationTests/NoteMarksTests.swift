import Foundation
import Testing
import TestSupport
@testable import Notation

/// Note marks (beams, slurs, ornaments, technical, fermatas, arpeggios, noteheads, stems, cue
/// and grace marks): read from MusicXML as written, written back schema-valid, carried by
/// transforms; beams computed from the meter as music21's `makeBeams` computes them.
@Suite("Note marks")
struct NoteMarksTests {
    let reader = MusicXMLReader()
    let writer = MusicXMLWriter()

    /// One bar of 4/4 (divisions 2) holding one of nearly every mark; the expectations below
    /// are read off this text by hand.
    static let marked = """
        <note><grace slash="yes"/><pitch><step>D</step><octave>5</octave></pitch><voice>1</voice><type>eighth</type><stem>up</stem></note>
        <note><pitch><step>C</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>eighth</type>
          <stem>up</stem><notehead parentheses="yes">diamond</notehead><beam number="1">begin</beam>
          <notations><slur type="start" number="1" placement="above"/><glissando type="start" line-type="wavy">gliss.</glissando>
            <ornaments><trill-mark/><accidental-mark>sharp</accidental-mark><wavy-line type="start" number="2"/></ornaments>
            <technical><fingering>3</fingering><up-bow/></technical>
            <articulations><staccato/><breath-mark/></articulations><dynamics><sf/></dynamics>
            <fermata type="inverted">angled</fermata><other-notation type="single">x</other-notation></notations>
          <lyric number="1"><syllabic>single</syllabic><text>Ah</text><extend/></lyric></note>
        <note><pitch><step>D</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>eighth</type>
          <beam number="1">end</beam><notations><slur type="stop" number="1"/><glissando type="stop"/>
            <ornaments><wavy-line type="stop" number="2"/><tremolo type="single">3</tremolo><inverted-mordent long="yes"/></ornaments>
            <technical><harmonic><natural/></harmonic><hammer-on type="start">H</hammer-on></technical></notations></note>
        <note><pitch><step>E</step><octave>4</octave></pitch><duration>2</duration><voice>1</voice><type>quarter</type>
          <notations><arpeggiate direction="up"/></notations></note>
        <note><chord/><pitch><step>G</step><octave>4</octave></pitch><duration>2</duration><voice>1</voice><type>quarter</type>
          <notations><arpeggiate direction="up"/><technical><string>2</string><fret>3</fret></technical></notations></note>
        <note><rest/><duration>2</duration><voice>1</voice><type>quarter</type><notations><fermata type="upright"/></notations></note>
        <note><cue/><pitch><step>F</step><octave>5</octave></pitch><duration>2</duration><voice>1</voice><type size="cue">quarter</type>
          <notehead filled="no">x</notehead><notations><non-arpeggiate type="top"/></notations></note>
        """

    static func document(_ content: String) -> Data {
        MusicXMLTestData.document(divisions: "2", "<attributes><time><beats>4</beats><beat-type>4</beat-type></time></attributes>" + content)
    }

    func events(_ score: Score) -> [Event] {
        score.parts[0].staves[0].measures[0].voices[0].elements.map(\.event)
    }

    @Test("every mark of a bar is read as written")
    func reads() throws {
        let reading = try reader.readScore(data: Self.document(Self.marked), fileName: "marks.xml")
        #expect(reading.skipped.isEmpty, "\(reading.skipped)")
        let events = events(reading.score)
        guard events.count == 6, case .note(let grace) = events[0], case .note(let c5) = events[1],
              case .note(let d5) = events[2], case .chord(let chord) = events[3], case .rest(let rest) = events[4],
              case .note(let cue) = events[5] else {
            Issue.record("expected grace, note, note, chord, rest, note: \(events)"); return
        }
        #expect(grace.isGrace && grace.marks.graceSlash && grace.marks.stem == .up)
        let m = c5.marks
        #expect(m.stem == .up)
        #expect(m.notehead == Notehead(.diamond, parentheses: true))
        #expect(m.beams == [Beam(.begin, number: 1)])
        #expect(m.slurs == [Slur(.start, number: 1, placement: .above)])
        #expect(m.glissandos == [Glissando(.glissando, .start, lineType: .wavy, text: "gliss.")])
        #expect(m.ornaments == [Ornament(.trillMark, accidentalMarks: [AccidentalMark("sharp")]), Ornament(.wavyLine, type: .start, number: 2)])
        #expect(m.technical == [Technical(.fingering, text: "3"), Technical(.upBow)])
        #expect(c5.articulations == [.staccato, .breathMark, .fermata])
        #expect(m.dynamics == ["sf"])
        #expect(m.fermatas == [Fermata(.inverted, shape: .angled)])
        #expect(m.otherNotations == [OtherNotation(.single, text: "x")])
        #expect(c5.lyrics == [Lyric("Ah", extend: true)])
        #expect(d5.marks.beams == [Beam(.end)])
        #expect(d5.marks.slurs == [Slur(.stop)])
        #expect(d5.marks.glissandos == [Glissando(.glissando, .stop)])
        #expect(d5.marks.ornaments == [Ornament(.wavyLine, type: .stop, number: 2), Ornament(.tremolo, tremolo: .single, marks: 3),
                                       Ornament(.invertedMordent, long: true)])
        #expect(d5.marks.technical == [Technical(.harmonic, parts: [Technical.Part("natural")]),
                                       Technical(.hammerOn, text: "H", type: .start)])
        #expect(chord.notes.map(\.marks.arpeggiate) == [Arpeggiate(.arpeggiate(direction: .up)), Arpeggiate(.arpeggiate(direction: .up))])
        #expect(chord.notes[1].marks.technical == [Technical(.string, text: "2"), Technical(.fret, text: "3")])
        #expect(chord.notes[0].marks.technical.isEmpty)
        #expect(rest.marks.fermatas == [Fermata(.upright)])
        #expect(cue.marks.isCue && cue.marks.size == .cue)
        #expect(cue.marks.notehead == Notehead(.x, filled: false))
        #expect(cue.marks.arpeggiate == Arpeggiate(.nonArpeggiate(end: .top)))
    }

    @Test("every mark is written back: the file validates and reads back equal",
          .requires(shared: SharedData.schema), .requires(program: "xmllint", package: "libxml2-utils"))
    func writes() throws {
        let score = try reader.read(data: Self.document(Self.marked))
        let directory = try MusicXMLTestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("marks.musicxml")
        try writer.write(score, to: file)
        let result = try MusicXMLSchema.validate([file])
        #expect(result.status == 0, "\(result.output)")
        #expect(try reader.read(contentsOf: file) == score)
        // A part with no instrument still gets a score-instrument (MuseScore 3 reports "no
        // instrument found for part" without one); its empty name reads back as no name.
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("<score-instrument id=\"P1-I1\">"), "\(text.prefix(600))")
        #expect(score.parts[0].instrument.name == nil)
    }

    @Test("a slur stop with no start and a beam continue with no begin are reported with their line; the rest is read")
    func unmatched() throws {
        let text = """
            <note><pitch><step>C</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>eighth</type>
              <beam number="1">continue</beam></note>
            <note><pitch><step>D</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>eighth</type>
              <beam number="1">end</beam><notations><slur type="stop" number="2"/></notations></note>
            <note><pitch><step>E</step><octave>5</octave></pitch><duration>6</duration><voice>1</voice><type>half</type><dot/></note>
            """
        let reading = try reader.readScore(data: Self.document(text), fileName: "bad.xml")
        let unmatched = reading.warnings.filter { $0.problem.code == "unmatchedMark" }
        #expect(unmatched.count == 2, "\(reading.warnings)")
        #expect(unmatched.allSatisfy { $0.file == "bad.xml" && $0.line > 1 })
        #expect(unmatched.contains { "\($0)".contains("slur 2") } && unmatched.contains { "\($0)".contains("beam 1 continue") })
        #expect(events(reading.score).count == 3)
        #expect(events(reading.score).map(\.pitches.first?.name) == ["C5", "D5", "E5"])
    }

    @Test("a mark with a value MusicXML does not allow is left out and reported; the note is read")
    func invalidValues() throws {
        let text = """
            <note><pitch><step>C</step><octave>5</octave></pitch><duration>1</duration><voice>1</voice><type>eighth</type>
              <stem>sideways</stem><beam number="1">bgin</beam><notations><slur type="middle"/></notations></note>
            <note><pitch><step>D</step><octave>5</octave></pitch><duration>7</duration><voice>1</voice><type>half</type><dot/><dot/></note>
            """
        let reading = try reader.readScore(data: Self.document(text), fileName: "odd.xml")
        let invalid = reading.warnings.filter { $0.problem.code == "invalidValue" }
        #expect(invalid.count == 3, "\(reading.warnings)")
        #expect(invalid.allSatisfy { $0.line > 1 })
        guard case .note(let c5)? = events(reading.score).first else { Issue.record("expected a note"); return }
        #expect(c5.marks.isEmpty)
        #expect(events(reading.score).count == 2)
    }

    @Test("transposition and staff splitting keep the marks")
    func transforms() throws {
        let score = try reader.read(data: Self.document(Self.marked))
        let up = try score.transposed(by: Interval("M2"))
        for (a, b) in zip(events(score), events(up)) {
            switch (a, b) {
            case (.note(let x), .note(let y)): #expect(x.marks == y.marks && x.articulations == y.articulations)
            case (.chord(let x), .chord(let y)): #expect(x.notes.map(\.marks) == y.notes.map(\.marks))
            case (.rest(let x), .rest(let y)): #expect(x.marks == y.marks)
            default: Issue.record("event kinds changed: \(a) vs \(b)")
            }
        }
        // A chord split across staves keeps its beams on the tone that stays in each staff.
        var chord = Chord([try Pitch("E3"), try Pitch("G4")], Duration(.eighth))
        chord.notes[0].marks.beams = [Beam(.begin)]
        let part = Part(staves: [Staff(measures: [Measure(number: 1, length: Rational(1, 2), voices: [Voice(sequence: [.chord(chord)])])])])
        let split = part.splitIntoStaves()
        guard case .note(let high) = split.staves[0].measures[0].voices[0].elements[0].event else {
            Issue.record("expected one note on the upper staff"); return
        }
        #expect(high.marks.beams == [Beam(.begin)])
    }

    /// music21 10.5.1 `Measure.makeBeams` on one bar of C5 notes and rests (`r` prefix) with
    /// these durations (e eighth, s 16th, q quarter, h half, `.` dotted), one entry per note:
    /// its beams by level, `-` for none. Printed by this program, pasted here unchanged:
    /// `m = stream.Measure(); m.timeSignature = meter.TimeSignature(ts); …; m.makeBeams(inPlace=True)`.
    static let music21Beams: [(String, String, String)] = [
        ("4/4", "e e e e e e e e", "start stop start stop start stop start stop"),
        ("4/4", "e e q e e q", "start stop - start stop -"),
        ("4/4", "s s s s e e q q", "start,start continue,stop continue,start stop,stop start stop - -"),
        ("4/4", "e. s e. s q q", "start stop,partial-left start stop,partial-left - -"),
        ("4/4", "e s s re e e e q", "start continue,start stop,stop - - start stop -"),
        ("2/4", "s s s s s s s s", "start,start continue,stop continue,start stop,stop start,start continue,stop continue,start stop,stop"),
        ("3/4", "e e e e e e", "start stop start stop start stop"),
        ("3/4", "q e re q", "- - - -"),
        ("6/8", "e e e e e e", "start continue stop start continue stop"),
        ("6/8", "q e e e e", "- - start continue stop"),
        ("6/8", "s s s s s s q.", "start,start continue,continue continue,continue continue,continue continue,continue stop,stop -"),
        ("9/8", "e e e q e e e e", "start continue stop - - start continue stop"),
        ("12/8", "e e e e e e q. e e e", "start continue stop start continue stop - start continue stop"),
        ("3/8", "e e e", "start continue stop"),
        ("3/8", "s s s s s s", "start,start continue,continue continue,continue continue,continue continue,continue stop,stop"),
        ("2/2", "e e e e e e e e", "start continue continue stop start continue continue stop"),
        ("5/8", "e e e e e", "start stop start continue stop"),
        ("4/4", "e s s e s s s s s s e e", "start continue,start stop,stop start continue,start stop,stop start,start continue,stop continue,start stop,stop start stop"),
        ("4/4", "s e s q h", "start,partial-right continue stop,partial-left - -"),
        ("2/4", "e s s", "start continue,start stop,stop"),
    ]

    @Test("beams from the meter match music21's makeBeams", arguments: Self.music21Beams.indices)
    func beamsFromMeter(_ index: Int) throws {
        let (meter, rhythm, expected) = Self.music21Beams[index]
        let types: [String: NoteType] = ["e": .eighth, "s": .sixteenth, "q": .quarter, "h": .half]
        let events: [Event] = rhythm.split(separator: " ").map { token in
            let isRest = token.hasPrefix("r")
            let code = token.drop { $0 == "r" }
            let duration = Duration(types[String(code.prefix(1))]!, dots: code.hasSuffix(".") ? 1 : 0)
            return isRest ? .rest(Rest(duration)) : .note(Note(Pitch(.C, octave: 5), duration))
        }
        let time = try TimeSignature(meter)
        let length = events.reduce(Rational.zero) { $0 + $1.quarterLength }
        let measure = Measure(number: 1, length: length, voices: [Voice(sequence: events)]).beamed(in: time)
        let names: [Beam.Value: String] = [.begin: "start", .continue: "continue", .end: "stop",
                                           .forwardHook: "partial-right", .backwardHook: "partial-left"]
        let got = measure.voices[0].elements.map { element -> String in
            guard case .note(let n) = element.event, !n.marks.beams.isEmpty else { return "-" }
            return n.marks.beams.sorted { $0.number < $1.number }.map { names[$0.value]! }.joined(separator: ",")
        }.joined(separator: " ")
        #expect(got == expected, "\(meter) \(rhythm)")
    }

    @Test("the writer beams a generated piece's unbeamed bars and leaves written beams alone")
    func writerBeams() throws {
        let eighths = (0..<8).map { i in Event.note(Note(Pitch(midi: 60 + i), Duration(.eighth))) }
        var written = Note(Pitch(midi: 72), Duration(.eighth))
        written.marks.beams = [Beam(.forwardHook)]   // odd, but the encoder's choice: kept
        let staff = Staff(measures: [
            Measure(number: 1, length: 4, voices: [Voice(sequence: eighths)], timeSignature: .commonTime),
            Measure(number: 2, length: 4, voices: [Voice(sequence: [.note(written)] + Array(eighths.dropFirst()))]),
        ])
        let score = Score(parts: [Part(staves: [staff])])
        let back = try reader.read(data: try writer.data(for: score))
        let bars = back.parts[0].staves[0].measures
        let first = bars[0].voices[0].elements.compactMap { e -> [Beam]? in if case .note(let n) = e.event { n.marks.beams } else { nil } }
        #expect(first == [[Beam(.begin)], [Beam(.end)], [Beam(.begin)], [Beam(.end)], [Beam(.begin)], [Beam(.end)], [Beam(.begin)], [Beam(.end)]])
        guard case .note(let kept) = bars[1].voices[0].elements[0].event else { Issue.record("expected a note"); return }
        #expect(kept.marks.beams == [Beam(.forwardHook)])
        #expect(bars[1].voices[0].elements.dropFirst().allSatisfy { if case .note(let n) = $0.event { n.marks.beams.isEmpty } else { false } })
    }
}
