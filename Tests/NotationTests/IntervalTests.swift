import Testing
@testable import Notation

@Suite struct IntervalTests {
    @Test func parsesNames() throws {
        let cases: [(String, Int, Int)] = [
            ("P1", 0, 0), ("M3", 2, 4), ("m3", 2, 3), ("m6", 5, 8), ("M6", 5, 9), ("P8", 7, 12),
            ("A4", 3, 6), ("d5", 4, 6), ("M10", 9, 16), ("-P5", -4, -7), ("AA1", 0, 2),
            ("dd5", 4, 5), ("A1", 0, 1), ("d7", 6, 9), ("M2", 1, 2), ("m2", 1, 1), ("P15", 14, 24),
            ("-m2", -1, -1), ("d1", 0, -1), ("AA4", 3, 7), ("dd7", 6, 8), ("P4", 3, 5), ("-M10", -9, -16),
        ]
        for (name, steps, semitones) in cases {
            let interval = try Interval(name)
            #expect(interval.diatonicSteps == steps, "\(name) steps")
            #expect(interval.semitones == semitones, "\(name) semitones")
        }
    }

    @Test func rejectsBadNames() {
        for bad in ["", "P3", "M5", "m4", "X3", "M0", "3", "P", "Ad4", "-", "M3.5", "PP5"] {
            #expect(throws: NotationError.invalidIntervalName(bad)) { try Interval(bad) }
        }
    }

    @Test func namesFromPitches() throws {
        func name(_ a: String, _ b: String) throws -> String { Interval(from: try Pitch(a), to: try Pitch(b)).name }
        #expect(try name("C4", "E4") == "M3")
        #expect(try name("C4", "Eb4") == "m3")
        #expect(try name("C4", "G4") == "P5")
        #expect(try name("C4", "C5") == "P8")
        #expect(try name("C4", "F#4") == "A4")
        #expect(try name("C4", "Gb4") == "d5")
        #expect(try name("C4", "E5") == "M10")
        #expect(try name("C4", "Eb5") == "m10")
        #expect(try name("G4", "C4") == "-P5")
        #expect(try name("E4", "C4") == "-M3")
        #expect(try name("C4", "C##4") == "AA1")
        #expect(try name("C4", "Gbb4") == "dd5")
        #expect(try name("C4", "B#3") == "-d2")  // down a letter, same sound
        #expect(try name("C4", "Cb4") == "d1")   // music21's diminished unison
        #expect(try name("C4", "C4") == "P1")
        #expect(try name("C4", "C6") == "P15")
        #expect(try name("E4", "C5") == "m6")
        #expect(try name("B3", "F4") == "d5")
        #expect(try name("F4", "B4") == "A4")
        #expect(try name("D4", "C5") == "m7")
    }

    @Test func qualitiesAndSizes() throws {
        let tenth = Interval("M10")
        #expect(tenth.size == 10)
        #expect(tenth.simpleSize == 3)
        #expect(tenth.isCompound)
        #expect(!(Interval("P8")).isCompound)
        #expect(Interval("A8").isCompound)
        #expect(Interval("dd5").quality == .diminished(2))
        #expect(Interval("AA1").quality == .augmented(2))
        #expect(Interval("m6").quality == .minor)
        #expect(Interval("-P5").isDescending)
        #expect(!(Interval("P5")).isDescending)
        #expect(Interval("M3").niceName.lowercased() == "major third")
        #expect(Interval("dd5").niceName.lowercased() == "doubly-diminished fifth")
        #expect(Interval("M3").niceName == "Major Third")
        #expect(Interval("P15").niceName == "Perfect Double-octave")
        #expect(Interval("AA4").niceName == "Doubly-Augmented Fourth")
        #expect(Interval("P22").niceName == "Perfect Triple-octave")
        #expect(Interval("A24").niceName == "Augmented 24th")
        #expect(Interval("M23").niceName == "Major 23rd")
        #expect(Interval("P29").niceName == "Perfect 29th")
    }

    @Test func inversionAndSimplification() throws {
        #expect(Interval("M3").inverted.name == "m6")
        #expect(Interval("m6").inverted.name == "M3")
        #expect(Interval("P4").inverted.name == "P5")
        #expect(Interval("A4").inverted.name == "d5")
        #expect(Interval("d5").inverted.name == "A4")
        #expect(Interval("M2").inverted.name == "m7")
        #expect(Interval("P1").inverted.name == "P8")
        #expect(Interval("M10").inverted.name == "m6")
        #expect(Interval("-M3").inverted.name == "-m6")
        #expect(Interval("M10").simplified.name == "M3")
        #expect(Interval("P15").simplified.name == "P8")
        #expect(Interval("-m9").simplified.name == "-m2")
        #expect(Interval("P5").reversed.name == "-P5")
        #expect((Interval("M3") + (Interval("m3"))).name == "P5")
        #expect((Interval("P5") + (Interval("P4"))).name == "P8")
    }

    @Test func transposesWithCorrectSpelling() throws {
        func up(_ p: String, _ i: String) throws -> String { try Pitch(p).transposed(by: try Interval(i)).name }
        #expect(try up("E4", "M3") == "G#4")
        #expect(try up("Bb3", "A4") == "E4")
        #expect(try up("C4", "-m2") == "B3")
        #expect(try up("C4", "m2") == "Db4")
        #expect(try up("C4", "A1") == "C#4")
        #expect(try up("F#4", "M3") == "A#4")
        #expect(try up("G#4", "M3") == "B#4")
        #expect(try up("B4", "m2") == "C5")
        #expect(try up("C4", "-P8") == "C3")
        #expect(try up("D4", "M10") == "F#5")
        #expect(try up("Eb4", "-P5") == "Ab3")
        #expect(try up("C#4", "d7") == "Bb4")
        #expect(try up("A#4", "A2") == "B##4")
        #expect(try up("C4", "d1") == "Cb4")
        #expect(throws: NotationError.self) { try Pitch("G##4").transposed(by: Interval("AA2")) }
        // Transposing back by the reversed interval returns the pitch.
        let p = Pitch("F#3"), i = Interval("m13")
        #expect(try p.transposed(by: i).transposed(by: i.reversed) == p)
        // The interval between a pitch and its transposition is the interval itself.
        #expect(Interval(from: p, to: try p.transposed(by: i)) == i)
    }

    @Test func lineOfFifths() throws {
        #expect(Interval("P5").fifths == 1)
        #expect(Interval("M2").fifths == 2)
        #expect(Interval("m3").fifths == -3)
        #expect(Interval("A4").fifths == 6)
        #expect(Interval("P4").fifths == -1)
        #expect(Interval("-P5").fifths == -1)
        #expect(Interval("P8").fifths == 0)
    }
}
