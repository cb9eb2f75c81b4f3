import Foundation
import Testing
@testable import Notation

@Suite struct PitchTests {
    @Test func parsesScientificNames() throws {
        let cSharp = Pitch("C#4")
        #expect(cSharp.step == .C)
        #expect(cSharp.alter == 1)
        #expect(cSharp.octave == 4)
        let eFlat = Pitch("Eb3")
        #expect(eFlat.step == .E)
        #expect(eFlat.alter == -1)
        #expect(eFlat.octave == 3)
        let fDoubleSharp = Pitch("F##5")
        #expect(fDoubleSharp.alter == 2)
        #expect(fDoubleSharp.octave == 5)
        #expect(Pitch("Fx5") == fDoubleSharp)
        let bDoubleFlat = Pitch("Bbb2")
        #expect(bDoubleFlat.step == .B)
        #expect(bDoubleFlat.alter == -2)
        #expect(bDoubleFlat.octave == 2)
        // music21's '-' flat sign.
        #expect(Pitch("E-4") == (try Pitch(.E, alter: -1, octave: 4)))
        #expect(Pitch("B--3") == (try Pitch(.B, alter: -2, octave: 3)))
        // Lower-case letters, an explicit natural, a missing octave (4), triple signs.
        #expect(Pitch("g4") == Pitch(.G, octave: 4))
        #expect(Pitch("An2") == Pitch(.A, octave: 2))
        #expect(Pitch("D") == Pitch(.D, octave: 4))
        #expect(Pitch("G###1").alter == 3)
        #expect(Pitch("Dbbb6").alter == -3)
        #expect(Pitch("C0").midi == 12)
    }

    @Test func rejectsBadNames() {
        for bad in ["", "H4", "4C", "C#b4", "Cn#4", "C####4", "Cbbbb4", "C4.5", "C 4", "Cq4", "#4", "C99"] {
            #expect(throws: NotationError.invalidPitchName(bad)) { try Pitch(bad) }
        }
        #expect(Pitch.parse("X") == nil)
    }

    @Test func rejectsAlterationsWithoutAName() throws {
        // Beyond a triple sharp or flat no name spells the pitch (`name` would print "?").
        for alter in [4, -4, 12] {
            #expect(throws: NotationError.invalidAlteration(alter)) { try Pitch(.G, alter: alter, octave: 1) }
        }
        #expect(try Pitch(.G, alter: -3, octave: 1).name == "Gbbb1")
        // Decoding checks the same range.
        let tripleSharp = try Pitch(.G, alter: 3, octave: 1)
        let json = try JSONEncoder().encode(tripleSharp)
        #expect(try JSONDecoder().decode(Pitch.self, from: json) == tripleSharp)
        let tooSharp = Data(String(decoding: json, as: UTF8.self).replacingOccurrences(of: "3", with: "4").utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Pitch.self, from: tooSharp) }
    }

    @Test func printsNames() throws {
        #expect(Pitch("C#4").name == "C#4")
        #expect(Pitch("E-3").name == "Eb3")
        #expect(Pitch("Fx5").name == "F##5")
        #expect(Pitch("Bbb2").name == "Bbb2")
        #expect(Pitch("Bbb2").nameWithoutOctave == "Bbb")
        #expect(Pitch(.A, octave: 0).description == "A0")
        #expect(try Pitch(.G, alter: 3, octave: 1).name == "G###1")
    }

    @Test func midiNumbers() throws {
        #expect(Pitch("C4").midi == 60)
        #expect(Pitch("A4").midi == 69)
        #expect(Pitch("A0").midi == 21)
        #expect(Pitch("C8").midi == 108)
        #expect(Pitch("B#3").midi == 60)
        #expect(Pitch("Cb4").midi == 59)
        #expect(Pitch("E#4").midi == 65)
        #expect(Pitch("Fb4").midi == 64)
        #expect(Pitch("C-1").midi == 23)  // C flat 1 (= B0), not C in octave -1
        #expect(Pitch("G9").midi == 127)
        #expect(Pitch("Bbb2").pitchClass == 9)
        #expect(Pitch("B#3").pitchClass == 0)
        #expect(Pitch(.C, octave: -1).midi == 0)
        #expect(try Pitch(.C, alter: -1, octave: -1).pitchClass == 11)
    }

    @Test func frequencies() throws {
        #expect(Pitch("A4").frequency() == 440)
        #expect(Pitch("A5").frequency() == 880)
        #expect(Pitch("A3").frequency() == 220)
        #expect(abs(Pitch("C4").frequency() - 261.6255653005986) < 1e-9)
        #expect(abs(Pitch("A4").frequency(a4: 415) - 415) < 1e-12)
        // Enharmonic pitches sound at the same frequency.
        #expect(Pitch("C#4").frequency() == (Pitch("Db4").frequency()))
    }

    @Test func enharmonicsAreNotEqual() throws {
        let cSharp = Pitch("C#4"), dFlat = Pitch("Db4")
        #expect(cSharp != dFlat)
        #expect(cSharp.midi == dFlat.midi)
        #expect(cSharp.isEnharmonic(to: dFlat))
        #expect(Set([cSharp, dFlat]).count == 2)
        #expect(Pitch("B#3").isEnharmonic(to: Pitch("C4")))
        #expect(!(Pitch("C4").isEnharmonic(to: Pitch("C5"))))
        // Ordering is by sound, then letter.
        #expect(Pitch("B#3") < (Pitch("C4")))
        #expect(Pitch("C4") < (Pitch("Dbb4")))
        #expect(Pitch("Cb4") < (Pitch("C4")))
    }

    @Test func simplestRespelling() throws {
        #expect(Pitch("B#3").simplified() == (Pitch("C4")))
        #expect(Pitch("Cb4").simplified() == (Pitch("B3")))
        #expect(Pitch("E#4").simplified() == (Pitch("F4")))
        #expect(Pitch("Fb4").simplified() == (Pitch("E4")))
        #expect(Pitch("Dbb4").simplified() == (Pitch("C4")))
        #expect(Pitch("F##5").simplified() == (Pitch("G5")))
        #expect(Pitch("Db4").simplified() == (Pitch("C#4")))
        #expect(Pitch("C#4").simplified(preferFlats: true) == (Pitch("Db4")))
        #expect(Pitch("G4").simplified(preferFlats: true) == (Pitch("G4")))
        #expect(Pitch(midi: 70) == (try Pitch(.A, alter: 1, octave: 4)))
        #expect(Pitch(midi: 70, preferFlats: true) == (try Pitch(.B, alter: -1, octave: 4)))
        #expect(Pitch(midi: 0) == Pitch(.C, octave: -1))
        #expect(Pitch(midi: -1) == Pitch(.B, octave: -2))
    }

    @Test func spellsMidiWithAGivenLetter() throws {
        #expect(Pitch(midi: 60, step: .B) == (try Pitch(.B, alter: 1, octave: 3)))
        #expect(Pitch(midi: 59, step: .C) == (try Pitch(.C, alter: -1, octave: 4)))
        #expect(Pitch(midi: 62, step: .C) == (try Pitch(.C, alter: 2, octave: 4)))
        #expect(Pitch(midi: 61, step: .E) == (try Pitch(.E, alter: -3, octave: 4)))
        #expect(Pitch(midi: 66, step: .C) == nil)
    }

    @Test func diatonicNumbers() throws {
        #expect(Pitch("C4").diatonicNumber == 28)
        #expect(Pitch("B#3").diatonicNumber == 27)
        #expect(Pitch("D4").diatonicNumber - (Pitch("C4").diatonicNumber) == 1)
        #expect(Step.G.rawValue == 4)
        #expect(Step.B.semitones == 11)
        #expect(Step(letter: "f") == .F)
        #expect(Step(letter: "h") == nil)
    }
}
