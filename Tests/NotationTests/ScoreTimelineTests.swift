import Foundation
import Testing
@testable import Notation

/// `Score.timeline`, `Score.changes` and `measure(number:)` on a score built by hand, with every
/// expected beat worked out by hand (and checked against music21's `n.beat` for the same
/// music): a piano part on two staves (two voices in the right hand, a grace note in the left)
/// and a flute, in 3/4 with a one-quarter pickup, changing to 6/8 at bar 3.
@Suite struct ScoreTimelineTests {
    func p(_ name: String) -> Pitch { Pitch.parse(name)! }
    func note(_ name: String, _ type: NoteType, dots: Int = 0, tuplets: [Tuplet] = []) -> Event {
        .note(Note(p(name), Duration(type, dots: dots, tuplets: tuplets)))
    }
    func rest(_ type: NoteType, dots: Int = 0) -> Event { .rest(Rest(Duration(type, dots: dots))) }
    func voice(_ id: String, _ elements: [(Rational, Event)]) -> Voice {
        Voice(id: id, elements: elements.map { Voice.Element(offset: $0.0, event: $0.1) })
    }

    /// Bars 0 (pickup, 1 quarter) to 4; 3/4 until bar 3, then 6/8. Offsets: 0, 1, 4, 7, 10.
    func score() -> Score {
        let g = Key(.G, .major)
        let threeFour = TimeSignature(3, 4), sixEight = TimeSignature(6, 8)
        let right = Staff(clef: .treble, measures: [
            Measure(number: 0, length: 1, voices: [voice("1", [(0, note("D5", .quarter))])],
                    key: g, timeSignature: threeFour, clef: .treble,
                    directions: [Direction(offset: 0, kind: .tempo(Tempo(72)))]),
            Measure(number: 1, length: 3, voices: [
                voice("1", [(0, note("G5", .eighth)), (Rational(1, 2), note("A5", .eighth)), (1, note("B5", .half))]),
                voice("2", [(0, note("D5", .half)), (2, note("C5", .quarter))]),
            ], directions: [Direction(offset: 0, kind: .chordSymbol(ChordSymbol(root: try! SpelledPitchClass("G"), kind: .major)))]),
            Measure(number: 2, length: 3, voices: [voice("1", [(0, .chord(Chord([p("B4"), p("D5"), p("G5")], Duration(.half, dots: 1))))])],
                    directions: [Direction(offset: 0, kind: .chordSymbol(ChordSymbol(root: try! SpelledPitchClass("D"), kind: .dominant, bass: try! SpelledPitchClass("F#"))))]),
            Measure(number: 3, length: 3, voices: [voice("1", ["E5", "D5", "C5", "B4", "A4", "G4"].enumerated().map {
                (Rational($0.offset, 2), note($0.element, .eighth))
            })], key: g, timeSignature: sixEight, directions: [Direction(offset: Rational(3, 2), kind: .tempo(Tempo(96)))]),
            Measure(number: 4, length: 3, voices: [voice("1", [(0, note("G4", .half, dots: 1))])]),
        ])
        var grace = Note(p("A3"), Duration(.eighth))
        grace.isGrace = true
        let left = Staff(clef: .bass, measures: [
            Measure(number: 0, length: 1, voices: [voice("5", [(0, rest(.quarter))])], key: g, timeSignature: threeFour, clef: .bass),
            Measure(number: 1, length: 3, voices: [voice("5", [(0, note("G2", .half, dots: 1))])]),
            Measure(number: 2, length: 3, voices: [voice("5", [(0, rest(.quarter)), (1, .note(grace)), (1, note("B3", .quarter)),
                                                              (2, note("C4", .quarter))])]),
            Measure(number: 3, length: 3, voices: [voice("5", [(0, note("C3", .quarter, dots: 1)), (Rational(3, 2), note("D3", .quarter, dots: 1))])],
                    key: g, timeSignature: sixEight),
            Measure(number: 4, length: 3, voices: [voice("5", [(0, note("G3", .half, dots: 1))])], clef: .tenor),
        ])
        let flute = Staff(clef: .treble, measures: [
            Measure(number: 0, length: 1, voices: [voice("1", [(0, note("B5", .quarter))])], key: g, timeSignature: threeFour, clef: .treble),
            Measure(number: 1, length: 3, voices: [voice("1", [(0, rest(.half, dots: 1))])]),
            Measure(number: 2, length: 3, voices: [voice("1", [(0, note("E6", .quarter)), (1, note("D6", .quarter)),
                                                              (2, note("C6", .eighth, tuplets: [.triplet])),
                                                              (Rational(7, 3), note("B5", .eighth, tuplets: [.triplet])),
                                                              (Rational(8, 3), note("A5", .eighth, tuplets: [.triplet]))])]),
            Measure(number: 3, length: 3, voices: [voice("1", [(0, note("G5", .quarter)), (1, note("A5", .eighth)),
                                                              (Rational(3, 2), note("B5", .quarter, dots: 1))])],
                    timeSignature: sixEight),
            Measure(number: 4, length: 3, voices: [voice("1", [(0, note("G5", .half, dots: 1))])]),
        ])
        return Score(parts: [Part(id: "P1", staves: [right, left]), Part(id: "P2", staves: [flute])])
    }

    /// `measure beat part staff voice pitches` (or `rest`) at `offset`.
    func line(_ e: TimedElement) -> String {
        let what = e.event.isRest ? "rest" : e.event.pitches.map(\.name).joined(separator: "+")
        return "\(e.offset): \(e.position.measureName) \(e.beat) \(e.part) \(e.staff) \(e.voice) \(what)\(e.event.isGrace ? " grace" : "")"
    }

    @Test func listsEveryElementInTimeOrderWithMeasureAndBeat() {
        let expected = [
            // The pickup counts as the end of a 3/4 bar: beat 3.
            "0: 0 3 0 1 1 D5", "0: 0 3 0 2 5 rest", "0: 0 3 1 1 1 B5",
            // Same offset: part, staff, then the voices as the measure lists them.
            "1: 1 1 0 1 1 G5", "1: 1 1 0 1 2 D5", "1: 1 1 0 2 5 G2", "1: 1 1 1 1 1 rest",
            "3/2: 1 3/2 0 1 1 A5",
            "2: 1 2 0 1 1 B5",
            "3: 1 3 0 1 2 C5",
            "4: 2 1 0 1 1 B4+D5+G5", "4: 2 1 0 2 5 rest", "4: 2 1 1 1 1 E6",
            // The grace note comes before the note it leads to.
            "5: 2 2 0 2 5 A3 grace", "5: 2 2 0 2 5 B3", "5: 2 2 1 1 1 D6",
            "6: 2 3 0 2 5 C4", "6: 2 3 1 1 1 C6",
            "19/3: 2 10/3 1 1 1 B5",
            "20/3: 2 11/3 1 1 1 A5",
            // 6/8: beats of a dotted quarter, so eighths fall on 1, 4/3, 5/3, 2, 7/3, 8/3.
            "7: 3 1 0 1 1 E5", "7: 3 1 0 2 5 C3", "7: 3 1 1 1 1 G5",
            "15/2: 3 4/3 0 1 1 D5",
            "8: 3 5/3 0 1 1 C5", "8: 3 5/3 1 1 1 A5",
            "17/2: 3 2 0 1 1 B4", "17/2: 3 2 0 2 5 D3", "17/2: 3 2 1 1 1 B5",
            "9: 3 7/3 0 1 1 A4",
            "19/2: 3 8/3 0 1 1 G4",
            "10: 4 1 0 1 1 G4", "10: 4 1 0 2 5 G3", "10: 4 1 1 1 1 G5",
        ]
        let timeline = score().timeline
        #expect(timeline.map(line) == expected)
        #expect(zip(timeline, timeline.dropFirst()).allSatisfy { $0.offset <= $1.offset })
        #expect(timeline.count == score().events.count)
    }

    @Test func positionsCarryTheMeasureAndTheMeter() throws {
        let timeline = score().timeline
        let b4 = try #require(timeline.first { $0.offset == Rational(17, 2) })
        #expect(b4.position.measureIndex == 3)
        #expect(b4.position.measureOffset == 7)
        #expect(b4.position.offsetInMeasure == Rational(3, 2))
        #expect(b4.position.offset == b4.offset)
        #expect(b4.position.timeSignature == TimeSignature(6, 8))
        #expect(b4.placed.measureIndex == 3)
        #expect(b4.measureNumber == 3)
        let pickup = timeline[0].position
        #expect(pickup.measureNumber == 0 && pickup.offsetInMeasure == 0 && pickup.beat == 3)
    }

    @Test func aPartListsItsOwnElementsAsPartZero() {
        let flute = score().parts[1].timeline
        #expect(flute.allSatisfy { $0.part == 0 && $0.staff == 1 })
        #expect(flute.map(\.beat) == [3, 1, 1, 2, 3, Rational(10, 3), Rational(11, 3), 1, Rational(5, 3), 2, 1])
    }

    @Test func listsChangesOncePerScorePartOrStaff() {
        let lines = score().changes.map { c in
            "\(c.offset): \(c.position.measureName) \(c.position.beat) \(c.part.map(String.init) ?? "-") \(c.staff.map(String.init) ?? "-") \(c.kind)"
        }
        #expect(lines == [
            // Stated by every part: once, for the score. Clefs keep their staff.
            "0: 0 3 - - key G major", "0: 0 3 - - meter 3/4",
            // The tempo is only on the right hand.
            "0: 0 3 0 1 clef treble", "0: 0 3 0 1 tempo quarter=72", "0: 0 3 0 2 clef bass",
            "0: 0 3 1 1 clef treble",
            "1: 1 1 0 1 chord G major",
            "4: 2 1 0 1 chord D dominant/F#",
            // The key restated at bar 3 is not a change.
            "7: 3 1 - - meter 6/8",
            "17/2: 3 2 0 1 tempo quarter=96",
            "10: 4 1 0 2 clef tenor",
        ])
    }

    @Test func aChangeOnSomePartsOnlyNamesThem() {
        var score = score()
        // The flute alone goes to 2/4 at bar 4 and the piano's left hand alone to E minor.
        score.parts[1].staves[0].measures[4].timeSignature = TimeSignature(2, 4)
        score.parts[0].staves[1].measures[4].key = Key(.E, .minor)
        score.parts[0].staves[1].measures[4].keySignature = KeySignature(fifths: 1)
        let atBar4 = score.changes.filter { $0.position.measureNumber == 4 }
            .map { "\($0.part.map(String.init) ?? "-") \($0.staff.map(String.init) ?? "-") \($0.kind)" }
        #expect(atBar4 == ["0 2 clef tenor", "0 2 key E minor", "1 - meter 2/4"])
        // A part of its own: every staff's change is the part's (part nil), a clef is not.
        let piano = score.parts[0].changes.prefix(4).map { "\($0.part.map(String.init) ?? "-") \($0.staff.map(String.init) ?? "-") \($0.kind)" }
        #expect(piano == ["- - key G major", "- - meter 3/4", "0 1 clef treble", "0 1 tempo quarter=72"])
    }

    @Test func findsMeasuresByNumber() throws {
        let score = score()
        let piano = score.parts[0]
        #expect(piano.staves[1].measureIndex(number: 3) == 3)
        #expect(piano.measure(number: 3)?.timeSignature == TimeSignature(6, 8))
        #expect(piano.measure(number: 4, staff: 2)?.clef == .tenor)
        #expect(piano.measure(number: 4, staff: 3) == nil)
        #expect(piano.measure(number: 9) == nil)
        let bar2 = score.measures(number: 2)
        #expect(bar2.map { "\($0.part) \($0.staff)" } == ["0 1", "0 2", "1 1"])
        #expect(bar2[2].measure.voices[0].elements.count == 5)
        #expect(score.measures(number: 7).isEmpty)
    }

    // MARK: The beat, as music21 counts it

    @Test func beatsAreCountedInTheBeatsOfTheMeter() {
        func beat(_ offset: Rational, _ meter: String) -> Rational { BeatGrid.beat(at: offset, in: try! TimeSignature(meter)) }
        #expect(beat(1, "2/2") == Rational(3, 2))       // cut time: half-note beats
        #expect(beat(2, "C|") == 2)
        #expect(beat(Rational(5, 2), "4/4") == Rational(7, 2))
        #expect(beat(1, "3/4") == 2)
        #expect(beat(3, "6/4") == 2)                   // compound: dotted halves
        #expect(beat(Rational(1, 2), "3/8") == Rational(4, 3))  // music21 beats 3/8 in one
        #expect(beat(Rational(3, 2), "9/8") == 2)
        #expect(beat(3, "12/8") == 3)
        #expect(beat(1, "5/8") == 3)                   // odd meters: eighth-note beats
        #expect(beat(3, "7/8") == 7)
        #expect(beat(Rational(1, 3), "2/4") == Rational(4, 3))
        // Past the end of an overfull bar music21 counts from the start again.
        #expect(beat(4, "4/4") == 1)
        #expect(beat(Rational(9, 2), "4/4") == Rational(3, 2))
    }

    /// One staff of whole bars of quarter notes but with the given lengths.
    func staff(_ lengths: [Rational], meter: TimeSignature? = TimeSignature(3, 4)) -> Staff {
        Staff(measures: lengths.enumerated().map { i, length in
            var elements: [Voice.Element] = []
            var at = Rational.zero
            while at < length { elements.append(.init(offset: at, event: note("C4", .quarter))); at += 1 }
            return Measure(number: i, length: length, voices: [Voice(elements: elements)], timeSignature: i == 0 ? meter : nil)
        })
    }

    @Test func shortBarsArePickupsAsMusic21ReadsThem() {
        // 3/4: a pickup, a full bar, a short bar before a repeat (counted from 1), a full bar,
        // then the short bar after it (its pickup, counted as the end of a bar), and a last
        // short bar (incomplete again).
        let grid = BeatGrid(staff([1, 3, 2, 3, 1, 2]))
        #expect(grid.bars.map(\.pickupShift) == [2, 0, 0, 0, 2, 0])
        #expect(grid.position(measureIndex: 0, offsetInMeasure: 0).beat == 3)
        #expect(grid.position(measureIndex: 2, offsetInMeasure: 1).beat == 2)
        #expect(grid.position(measureIndex: 4, offsetInMeasure: 0).beat == 3)
        #expect(grid.position(measureIndex: 5, offsetInMeasure: 1).beat == 2)
        #expect(grid.bars.map(\.offset) == [0, 1, 4, 6, 9, 10])
    }

    @Test func aStaffWithoutMeterIsCountedInFourFour() {
        let grid = BeatGrid(staff([4, 4], meter: nil))
        #expect(grid.position(measureIndex: 1, offsetInMeasure: 3).beat == 4)
        #expect(grid.position(measureIndex: 1, offsetInMeasure: 3).timeSignature == .commonTime)
    }

    @Test func readsAPickupFromMusicXML() throws {
        // A 6/8 piece with an eighth-note pickup: the pickup is the last eighth of a bar.
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <score-partwise version="4.0">
          <part-list><score-part id="P1"><part-name>Melody</part-name></score-part></part-list>
          <part id="P1">
            <measure number="0" implicit="yes">
              <attributes><divisions>2</divisions><time><beats>6</beats><beat-type>8</beat-type></time></attributes>
              <note><pitch><step>B</step><alter>-1</alter><octave>3</octave></pitch><duration>1</duration><type>eighth</type></note>
            </measure>
            <measure number="1">
              <note><pitch><step>C</step><alter>1</alter><octave>4</octave></pitch><duration>3</duration><type>quarter</type><dot/></note>
              <note><pitch><step>D</step><octave>4</octave></pitch><duration>2</duration><type>quarter</type></note>
              <note><pitch><step>E</step><octave>4</octave></pitch><duration>1</duration><type>eighth</type></note>
            </measure>
          </part>
        </score-partwise>
        """
        let score = try MusicXMLReader().readScore(data: Data(xml.utf8), fileName: "pickup.musicxml").score
        let lines = score.timeline.map { "\($0.measureNumber) \($0.beat) \($0.event.pitches.map(\.name).joined())" }
        #expect(lines == ["0 8/3 Bb3", "1 1 C#4", "1 2 D4", "1 8/3 E4"])
    }

    @Test func aPickupInTwoVoicesIsAPickupInBoth() throws {
        // music21 leaves a pickup's shift out for notes inside a <voice> stream when a bar has
        // two voices (it counts them from beat 1); the bar is the end of a 3/4 bar either way.
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <score-partwise version="4.0">
          <part-list><score-part id="P1"><part-name>P</part-name></score-part></part-list>
          <part id="P1">
            <measure number="0" implicit="yes">
              <attributes><divisions>2</divisions><time><beats>3</beats><beat-type>4</beat-type></time></attributes>
              <note><pitch><step>C</step><octave>5</octave></pitch><duration>2</duration><voice>1</voice><type>quarter</type></note>
              <backup><duration>2</duration></backup>
              <note><pitch><step>E</step><octave>4</octave></pitch><duration>1</duration><voice>2</voice><type>eighth</type></note>
              <note><pitch><step>F</step><octave>4</octave></pitch><duration>1</duration><voice>2</voice><type>eighth</type></note>
            </measure>
            <measure number="1">
              <note><pitch><step>D</step><octave>5</octave></pitch><duration>6</duration><voice>1</voice><type>half</type><dot/></note>
            </measure>
          </part>
        </score-partwise>
        """
        let score = try MusicXMLReader().readScore(data: Data(xml.utf8), fileName: "voices.musicxml").score
        let lines = score.timeline.map { "\($0.measureNumber) \($0.beat) \($0.voice) \($0.event.pitches.map(\.name).joined())" }
        #expect(lines == ["0 3 1 C5", "0 3 2 E4", "0 7/2 2 F4", "1 1 1 D5"])
    }
}
