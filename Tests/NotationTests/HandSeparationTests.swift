import Testing
@testable import Notation

/// Hand separation on hand-made piano passages whose hands a pianist would agree on; each case
/// also shows where the middle-C split goes wrong, so the expectations are not the fixed split's.
@Suite struct HandSeparationTests {
    func p(_ name: String) -> Int { Pitch.parse(name)!.midi }

    /// Notes as (onset in quarters, pitch name, right hand?) → what musical cost says per note.
    func separate(_ notes: [(Double, String, Bool)]) -> (got: [Bool], expected: [Bool], middleC: [Bool]) {
        let onsets = notes.map(\.0), pitches = notes.map { p($0.1) }
        return (HandSeparation.musicalCost.rightHand(onsets: onsets, pitches: pitches), notes.map(\.2),
                HandSeparation.splitPoint(Pitch(.C, octave: 4)).rightHand(onsets: onsets, pitches: pitches))
    }

    /// Notes as (onset, length in quarters, pitch name, right hand?): the separation also sees
    /// when each key is released.
    func separate(_ notes: [(Double, Double, String, Bool)]) -> (got: [Bool], expected: [Bool], middleC: [Bool]) {
        let onsets = notes.map(\.0), ends = notes.map { $0.0 + $0.1 }, pitches = notes.map { p($0.2) }
        return (HandSeparation.musicalCost.rightHand(onsets: onsets, ends: ends, pitches: pitches), notes.map(\.3),
                HandSeparation.splitPoint(Pitch(.C, octave: 4)).rightHand(onsets: onsets, ends: ends, pitches: pitches))
    }

    @Test func albertiBassAboveMiddleCUnderAHeldMelody() {
        // The right hand holds C5 (a half note), then E5, G5; the left hand plays an Alberti bass
        // C4 G4 E4 G4 in eighths, all at or above middle C. Each bass note starts as the one
        // before it ends (a line going on legato), while the right hand's key is still down.
        var notes: [(Double, Double, String, Bool)] = [(0, 2, "C5", true), (2, 1, "E5", true), (3, 1, "G5", true)]
        for (index, name) in ["C4", "G4", "E4", "G4", "C4", "G4", "E4", "G4"].enumerated() {
            notes.append((Double(index) / 2, 0.5, name, false))
        }
        let result = separate(notes)
        #expect(result.got == result.expected)
        #expect(result.middleC != result.expected)
    }

    @Test func unisonGoesToBothHands() {
        // A4 twice at once (written on both staves) with C#5 above: one hand cannot strike a
        // key twice, so each hand takes one A4.
        let got = HandSeparation.musicalCost.rightHand(onsets: [0, 0, 0], pitches: [p("A4"), p("A4"), p("C#5")])
        #expect(got.filter { $0 }.count == 2)
        #expect(got[2])
    }

    @Test func octaveStaysInOneHand() {
        // A right-hand melody in octaves over a left-hand bass: each octave is one hand's
        // (a hand spans an octave), whichever side of middle C its lower note lies.
        var notes: [(Double, Double, String, Bool)] = []
        for (beat, (low, high)) in [("G3", "G4"), ("A3", "A4"), ("B3", "B4"), ("C4", "C5")].enumerated() {
            notes += [(Double(beat), 1, low, true), (Double(beat), 1, high, true), (Double(beat), 1, "C2", false)]
        }
        let result = separate(notes)
        #expect(result.got == result.expected)
        #expect(result.middleC != result.expected)
    }

    @Test func leftHandMelodyAboveMiddleC() {
        // Right hand: C6–E6 thirds on every beat; left hand: a line rising G3 … E4 under them.
        let line = ["G3", "A3", "B3", "C4", "D4", "E4"]
        var notes: [(Double, String, Bool)] = []
        for (beat, name) in line.enumerated() {
            notes += [(Double(beat), name, false), (Double(beat), "C6", true), (Double(beat), "E6", true)]
        }
        let result = separate(notes)
        #expect(result.got == result.expected)
        #expect(result.middleC != result.expected)
    }

    @Test func rightHandBassNoteBelowMiddleC() {
        // Right hand: a melody falling E4 … G3 (below middle C); left hand: C2–G2 fifths.
        let melody = ["E4", "D4", "C4", "B3", "A3", "G3"]
        var notes: [(Double, String, Bool)] = []
        for (beat, name) in melody.enumerated() {
            notes += [(Double(beat), "C2", false), (Double(beat), "G2", false), (Double(beat), name, true)]
        }
        let result = separate(notes)
        #expect(result.got == result.expected)
        #expect(result.middleC != result.expected)
    }

    @Test func handsCrossingMiddleCInTurn() {
        // The hands alternate: the left hand climbs an arpeggio C3 … E4 past middle C while the
        // right hand answers high (C5, E5), then the right hand comes down to B3 while the left
        // hand has gone back down to C3.
        let notes: [(Double, String, Bool)] = [
            (0, "C3", false), (0.5, "E5", true), (1, "E3", false), (1.5, "C5", true),
            (2, "G3", false), (2.5, "E5", true), (3, "C4", false), (3.5, "C5", true),
            (4, "E4", false), (4.5, "E5", true), (5, "C4", false), (5.5, "C5", true),
            (6, "C3", false), (6.5, "G4", true), (7, "E3", false), (7.5, "D4", true),
            (8, "C3", false), (8.5, "B3", true),
        ]
        let result = separate(notes)
        #expect(result.got == result.expected)
        #expect(result.middleC != result.expected)
    }

    @Test func wideChordNeedsBothHands() {
        // C3 G3 E4 C5: two octaves, more than one hand spans; the largest gap divides it.
        let result = separate([(0, "C3", false), (0, "G3", false), (0, "E4", true), (0, "C5", true)])
        #expect(result.got == result.expected)
        // A wide chord entirely above middle C still needs two hands.
        let high = separate([(0, "C4", false), (0, "G4", false), (0, "E5", true), (0, "C6", true)])
        #expect(high.got == high.expected)
        #expect(high.middleC != high.expected)
    }

    @Test func noHandPlaysMoreThanFiveKeys() {
        // Eight keys within an octave at once (a cluster): each hand takes at most five.
        let names = ["C4", "D4", "E4", "F4", "G4", "A4", "B4", "C5"]
        let got = HandSeparation.musicalCost.rightHand(onsets: names.map { _ in 0 }, pitches: names.map(p))
        let right = got.filter { $0 }.count
        #expect(right <= 5 && names.count - right <= 5)
        // The right hand takes the upper keys: no left-hand key above a right-hand one.
        #expect(got == got.sorted { !$0 && $1 })
    }

    @Test func splitIntoStavesUsesMusicalCostByDefault() {
        // One staff: a left-hand line G3 A3 B3 C4 D4 under C6–E6; the line stays on the bass staff.
        let builder = MeasureBuilder(timeSignature: .commonTime, key: .cMajor)
        let line = ["G3", "A3", "B3", "C4"]
        let events = line.enumerated().map { beat, name in
            TimedEvent(offset: Rational(beat), length: 1, pitches: [Pitch.parse(name)!, Pitch.parse("C6")!, Pitch.parse("E6")!])
        }
        let part = Part(staves: [builder.staff(from: events)])
        let piano = part.splitIntoStaves()
        #expect(piano.staves[1].measures[0].voices[0].elements.map { $0.event.pitches.map(\.name) } == [["G3"], ["A3"], ["B3"], ["C4"]])
        #expect(piano.staves[0].measures[0].voices[0].elements.map { $0.event.pitches.map(\.name) } == Array(repeating: ["C6", "E6"], count: 4))
        let atMiddleC = part.splitIntoStaves(.splitPoint(Pitch(.C, octave: 4)))
        #expect(atMiddleC.staves[0].measures[0].voices[0].elements[3].event.pitches.map(\.name) == ["C4", "C6", "E6"])
    }
}
