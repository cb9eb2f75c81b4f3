import Testing
@testable import Notation

@Suite struct TransformTests {
    func p(_ name: String) -> Pitch { Pitch.parse(name)! }

    /// A one-staff score in `key` with the given notes (quarter notes in 4/4).
    func score(_ names: [String], key: Key) -> Score {
        let builder = MeasureBuilder(timeSignature: .commonTime, key: key)
        var offset = Rational.zero
        let events = names.map { name -> TimedEvent in
            defer { offset += 1 }
            return TimedEvent(offset: offset, length: 1, pitches: name.split(separator: "+").map { p(String($0)) })
        }
        return Score(parts: [Part(staves: [builder.staff(from: events)])])
    }

    @Test func transposesPitchesAndKeysBySpelling() throws {
        let original = score(["E4", "G#4", "B4", "D#5+F#5"], key: Key(.E, .major))
        let up = try original.transposed(by: "M3")
        #expect(up.notesAndChords.map { $0.event.pitches.map(\.name) } == [["G#4"], ["B#4"], ["D#5"], ["F##5", "A#5"]])
        #expect(up.parts[0].staves[0].measures[0].key == Key(.G, alter: 1, .major))
        #expect(up.parts[0].staves[0].measures[0].keySignature?.fifths == 8)
        // The original is untouched (values, not references).
        #expect(original.notesAndChords.first?.event.pitches == [p("E4")])
        let down = try original.transposed(by: "-m2")
        #expect(down.notesAndChords.map { $0.event.pitches.map(\.name) } == [["D#4"], ["F##4"], ["A#4"], ["C##5", "E#5"]])
        #expect(down.parts[0].staves[0].measures[0].keySignature?.fifths == 9)
    }

    @Test func transpositionToCMajorOrAMinorTakesTheNearestWay() {
        let cMajor = Key.cMajor
        #expect(Score.transpositionInterval(from: Key(.G, .major), to: cMajor).name == "P4")
        #expect(Score.transpositionInterval(from: Key(.D, .major), to: cMajor).name == "-M2")
        #expect(Score.transpositionInterval(from: Key(.B, .major), to: cMajor).name == "m2")
        #expect(Score.transpositionInterval(from: Key(.E, alter: -1, .major), to: cMajor).name == "-m3")
        #expect(Score.transpositionInterval(from: Key(.F, alter: 1, .major), to: cMajor).name == "-A4")
        #expect(Score.transpositionInterval(from: Key(.E, .minor), to: cMajor).name == "P4")
        #expect(Score.transpositionInterval(from: Key(.C, .minor), to: cMajor).name == "-m3")
        #expect(Score.transpositionInterval(from: Key(.F, alter: 1, .minor), to: cMajor).name == "m3")
        #expect(Score.transpositionInterval(from: Key(.C, alter: 1, .minor), to: Key.aMinor).name == "-M3")
        #expect(Score.transpositionInterval(from: Key(.E, .dorian), to: cMajor).name == "-M2")
        #expect(Score.transpositionInterval(from: Key(.A, .minor), to: cMajor).name == "P1")
    }

    @Test func keysHaveOneEnharmonicSpellingAtMost() {
        #expect(Key(.C, alter: 1, .major).enharmonicEquivalent == Key(.D, alter: -1, .major))
        #expect(Key(.D, alter: -1, .major).enharmonicEquivalent == Key(.C, alter: 1, .major))
        #expect(Key(.B, .major).enharmonicEquivalent == Key(.C, alter: -1, .major))
        #expect(Key(.F, alter: 1, .major).enharmonicEquivalent == Key(.G, alter: -1, .major))
        #expect(Key(.G, alter: 1, .minor).enharmonicEquivalent == Key(.A, alter: -1, .minor))
        #expect(Key(.D, .major).enharmonicEquivalent == nil)
        #expect(Key(.A, .minor).enharmonicEquivalent == nil)
        #expect(Key(.F, .major).enharmonicEquivalent == nil)  // E♯ major: eleven sharps
        #expect(Key(.E, alter: -1, .minor).enharmonicEquivalent == Key(.D, alter: 1, .minor))
    }

    /// A D♭ major passage written with flats: the estimator names its key C♯ major (music21's
    /// spelling); moved to C major it must go down a minor second, not an augmented unison
    /// into D𝄫 and A𝄫. Hand-checked spellings.
    @Test func movingToAKeyFollowsTheScoresOwnSpelling() throws {
        let flats = score(["Db4", "F4", "Ab4", "Db5", "Gb4", "Bb4", "C5", "Eb5", "Ab4", "F4", "Db4+Ab4"],
                          key: Key(.D, alter: -1, .major))
        let estimated = try #require(flats.estimatedKey()).key
        #expect(estimated == Key(.C, alter: 1, .major))
        #expect(flats.keySpelledAsWritten(estimated) == Key(.D, alter: -1, .major))
        let moved = try flats.transposed(to: .cMajor)
        #expect(moved.notesAndChords.map { $0.event.pitches.map(\.name) }
                == [["C4"], ["E4"], ["G4"], ["C5"], ["F4"], ["A4"], ["B4"], ["D5"], ["G4"], ["E4"], ["C4", "G4"]])
        // The same notes written with sharps keep the estimator's C♯ major.
        let sharps = score(["C#4", "E#4", "G#4", "C#5", "F#4", "A#4", "B#4", "D#5", "G#4", "E#4", "C#4+G#4"],
                           key: Key(.C, alter: 1, .major))
        #expect(sharps.keySpelledAsWritten(estimated) == Key(.C, alter: 1, .major))
        #expect(try sharps.transposed(to: .cMajor).notesAndChords.first?.event.pitches.map(\.name) == ["C4"])
    }

    /// The Raindrop prelude's plan: D♭ major, a middle section in C♯ minor written with sharps,
    /// D♭ major again. Moved as "C♯ → C" (the sharps prevail), the D♭ major frame would land in
    /// D𝄫 major; it lands in C major and the middle in C minor, each hand-checked.
    @Test func eachKeyAreaStaysInAWritableKey() throws {
        var piece = score(["Db4", "F4", "Ab4", "Db5", "C#4", "E4", "G#4", "C#5", "Db4", "F4", "Ab4", "Db5+F5"],
                          key: Key(.D, alter: -1, .major))
        piece.parts[0].staves[0].measures[1].key = Key(.C, alter: 1, .minor)
        piece.parts[0].staves[0].measures[1].keySignature = KeySignature(fifths: 4)
        piece.parts[0].staves[0].measures[2].key = Key(.D, alter: -1, .major)
        piece.parts[0].staves[0].measures[2].keySignature = KeySignature(fifths: -5)
        let moved = try piece.transposedKeepingKeysWritable(from: Key(.C, alter: 1, .major), to: .cMajor)
        #expect(moved.notesAndChords.map { $0.event.pitches.map(\.name) }
                == [["C4"], ["E4"], ["G4"], ["C5"], ["C4"], ["Eb4"], ["G4"], ["C5"], ["C4"], ["E4"], ["G4"], ["C5", "E5"]])
        let measures = moved.parts[0].staves[0].measures
        #expect(measures.map { $0.keySignature?.fifths } == [0, -3, 0])
        #expect(measures[1].key == Key(.C, .minor))
        // Plain transposition keeps one interval, as music21 does: the frame goes to D𝄫 major.
        let plain = try piece.transposed(from: Key(.C, alter: 1, .major), to: .cMajor)
        #expect(plain.parts[0].staves[0].measures[0].keySignature?.fifths == -12)
        // An explicit interval is obeyed to the letter: G♯ major stays G♯ major.
        #expect(try score(["E4"], key: Key(.E, .major)).transposed(by: "M3").parts[0].staves[0].measures[0].keySignature?.fifths == 8)
    }

    @Test func transposesWholePieceFromKeyToKey() throws {
        let original = score(["D4", "F#4", "A4", "C#5"], key: Key(.D, .major))
        let moved = try original.transposed(from: Key(.D, .major), to: .cMajor)
        #expect(moved.notesAndChords.map { $0.event.pitches[0].name } == ["C4", "E4", "G4", "B4"])
        #expect(moved.parts[0].staves[0].measures[0].key == .cMajor)
        #expect(moved.parts[0].staves[0].measures[0].keySignature?.fifths == 0)
    }

    @Test func splitsOneStaffAtMiddleC() {
        let original = score(["C4", "B3", "G3+E4", "A2+C3"], key: .cMajor)
        let piano = original.parts[0].splitIntoStaves(at: p("C4"))
        #expect(piano.staves.count == 2)
        #expect(piano.staves[0].clef == .treble)
        #expect(piano.staves[1].clef == .bass)
        let treble = piano.staves[0].measures[0].voices[0].elements.map(\.event)
        let bass = piano.staves[1].measures[0].voices[0].elements.map(\.event)
        #expect(treble.map(\.pitches) == [[p("C4")], [], [p("E4")], []])
        #expect(bass.map(\.pitches) == [[], [p("B3")], [p("G3")], [p("A2"), p("C3")]])
        #expect(treble.map(\.isRest) == [false, true, false, true])
        #expect(piano.staves.allSatisfy { $0.measures.allSatisfy(\.isComplete) })
        #expect(piano.staves[0].measures[0].clef == .treble)
        #expect(piano.staves[1].measures[0].clef == .bass)

        let atG3 = original.parts[0].splitIntoStaves(at: p("G3"))
        #expect(atG3.staves[1].measures[0].voices[0].elements.map(\.event.pitches) == [[], [], [], [p("A2"), p("C3")]])
        // A part that already has two staves is kept as it is.
        #expect(piano.splitIntoStaves() == piano)
    }

    @Test func chordifiesAcrossParts() {
        // Part 1: C5 half, D5 half. Part 2: E3 whole.
        let upper = MeasureBuilder().staff(from: [
            TimedEvent(offset: 0, length: 2, pitches: [p("C5")]),
            TimedEvent(offset: 2, length: 2, pitches: [p("D5")]),
        ])
        let lower = MeasureBuilder(clef: .bass).staff(from: [
            TimedEvent(offset: 1, length: 3, pitches: [p("E3")]),
        ])
        let s = Score(parts: [Part(id: "P1", staves: [upper]), Part(id: "P2", staves: [lower])])
        let slices = s.chordified()
        #expect(slices.map(\.offset) == [0, 1, 2])
        #expect(slices.map(\.length) == [1, 1, 2])
        #expect(slices.map(\.pitches) == [[p("C5")], [p("E3"), p("C5")], [p("E3"), p("D5")]])
        let chordScore = s.chordifiedScore()
        #expect(chordScore.parts.count == 1)
        #expect(chordScore.notesAndChords.count == 3)
    }

    @Test func balancesStavesWithRestBars() {
        let long = MeasureBuilder().staff(from: [TimedEvent(offset: 0, length: 12, pitches: [p("C4")])])
        let short = MeasureBuilder(clef: .bass).staff(from: [TimedEvent(offset: 0, length: 4, pitches: [p("C3")])])
        let s = Score(parts: [Part(staves: [long, short])]).balanced()
        #expect(s.parts[0].staves.map(\.measures.count) == [3, 3])
        #expect(s.parts[0].staves[1].measures[2].voices[0].elements.map(\.event.isRest) == [true])
        #expect(s.parts[0].staves[1].measures.map(\.number) == [1, 2, 3])
        #expect(s.parts[0].staves[1].length == 12)
    }
}
