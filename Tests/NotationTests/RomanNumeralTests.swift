import Testing
@testable import Notation

/// Expected pitches and figures are music21 10.5's `roman.RomanNumeral(figure, key).pitches`
/// and `roman.romanNumeralFromChord(chord, key).figure`, each checked by hand against the
/// conventions documented on ``RomanNumeral`` (tonic in octave 4, each tone above the last;
/// minor-key ^6/^7 by quality).
@Suite struct RomanNumeralTests {
    private func names(_ figure: String, _ key: Key) throws -> [String] {
        try RomanNumeral(figure, in: key).pitches.map(\.name)
    }

    private func figure(_ pitches: String, _ key: Key) throws -> String? {
        RomanNumeral(pitches: try pitches.split(separator: " ").map { try Pitch(String($0)) }, in: key)?.figure
    }

    @Test func dominantSeventhAndItsInversionsInC() throws {
        #expect(try names("V7", .cMajor) == ["G4", "B4", "D5", "F5"])
        #expect(try names("V65", .cMajor) == ["B4", "D5", "F5", "G5"])
        #expect(try names("V43", .cMajor) == ["D4", "F4", "G4", "B4"])
        #expect(try names("V42", .cMajor) == ["F4", "G4", "B4", "D5"])
        #expect(try names("V2", .cMajor) == ["F4", "G4", "B4", "D5"])
        #expect(try names("V6/5", .cMajor) == ["B4", "D5", "F5", "G5"])
        let v7 = try RomanNumeral("V7", in: .cMajor)
        #expect(v7.root.name == "G4" && v7.bass.name == "G4" && v7.scaleDegree == 5 && v7.inversion == 0)
        #expect(v7.description == "V7 in C major")
    }

    @Test func triadInversions() throws {
        #expect(try names("I", .cMajor) == ["C4", "E4", "G4"])
        #expect(try names("I6", .cMajor) == ["E4", "G4", "C5"])
        #expect(try names("I64", .cMajor) == ["G4", "C5", "E5"])
        #expect(try RomanNumeral("I64", in: .cMajor).inversion == 2)
    }

    @Test func appliedChords() throws {
        #expect(try names("V7/V", .cMajor) == ["D5", "F#5", "A5", "C6"])
        let applied = try RomanNumeral("viio7/ii", in: .cMajor)
        #expect(applied.pitches.map(\.name) == ["C#5", "E5", "G5", "Bb5"])  // in D minor, ^7 raised
        #expect(applied.appliedKey == Key(.D, .minor))
        #expect(try RomanNumeral("V7/V", in: .cMajor).appliedKey == Key(.G, .major))
    }

    @Test func neapolitanAugmentedSixthsAndCadentialSixFour() throws {
        #expect(try names("N6", .aMinor) == ["D5", "F5", "Bb5"])
        #expect(try names("N", .cMajor) == ["F4", "Ab4", "Db5"])
        #expect(try names("Ger65", .cMajor) == ["Ab4", "C5", "Eb5", "F#5"])
        #expect(try names("Ger65", .aMinor) == ["F5", "A5", "C6", "D#6"])
        #expect(try names("It+6", .cMajor) == ["Ab4", "C5", "F#5"])
        #expect(try names("It6", .cMajor) == ["Ab4", "C5", "F#5"])
        #expect(try names("Fr43", .cMajor) == ["Ab4", "C5", "D5", "F#5"])
        #expect(try names("Cad64", .cMajor) == ["G4", "C5", "E5"])
        #expect(try names("Cad64", .aMinor) == ["E5", "A5", "C6"])
    }

    @Test func minorModeSixthAndSeventhDegreesFollowQuality() throws {
        #expect(try names("V", .aMinor) == ["E5", "G#5", "B5"])
        #expect(try names("vii", .aMinor) == ["G#5", "B5", "D#6"])
        #expect(try names("viio7", .aMinor) == ["G#5", "B5", "D6", "F6"])
        #expect(try names("VII", .aMinor) == ["G5", "B5", "D6"])
        #expect(try names("VI", .aMinor) == ["F5", "A5", "C6"])
        #expect(try names("vi", .aMinor) == ["F#5", "A5", "C#6"])
        #expect(try names("bVI", .aMinor) == ["Fb5", "Ab5", "Cb6"])
        #expect(try names("#vio", .aMinor) == ["F##5", "A#5", "C#6"])
        #expect(try names("ii", .aMinor) == ["B4", "D5", "F#5"])  // lower case: minor, fifth corrected
    }

    @Test func qualityMarksAlterationsAndSevenths() throws {
        let half = try RomanNumeral("vii/o7", in: .cMajor)
        #expect(half.figure == "viiø7")
        #expect(half.pitches.map(\.name) == ["B4", "D5", "F5", "A5"])
        #expect(try names("vii07", .cMajor) == ["B4", "D5", "F5", "Ab5"])
        #expect(try names("III+", .aMinor) == ["C5", "E5", "G#5"])
        #expect(try names("bII", .cMajor) == ["Db4", "F4", "Ab4"])
        #expect(try names("#iv", .cMajor) == ["F#4", "A4", "C#5"])
        #expect(try names("bVII7", .cMajor) == ["Bb4", "D5", "F5", "A5"])  // the seventh stays in the key
        #expect(try names("i7", .cMajor) == ["C4", "Eb4", "G4", "Bb4"])
        #expect(try names("IV7", .cMajor) == ["F4", "A4", "C5", "E5"])
        #expect(try RomanNumeral("bII", in: .cMajor).alteration == -1)
    }

    @Test func figuredBassAccidentalsAndBrackets() throws {
        #expect(try names("V7b5", .aMinor) == ["E5", "Bb5", "D6"])  // figures as written: no third
        #expect(try names("V#5", .aMinor) == ["E5", "G#5", "B#5"])
        #expect(try names("V7[no5]", .aMinor) == ["E5", "G#5", "D6"])
        #expect(try names("V7[#7]", .aMinor) == ["E5", "G#5", "B5", "D#6"])
        #expect(try names("I[add6]", .aMinor) == ["A4", "C#5", "E5", "F5"])
        #expect(try names("V[add9]", Key(.D, .minor)) == ["A4", "Bb4", "C#5", "E5"])
        #expect(try names("Vd7", .aMinor) == ["E5", "G#5", "B5", "D6"])
        #expect(try names("viio#6", .aMinor) == ["B4", "D5", "G#5"])
        #expect(try names("ii65b3", .aMinor) == ["D5", "F#5", "A5", "B5"])
        // music21's names read back to their chords.
        #expect(try names("bVII#7#5#3", .aMinor) == ["Gb5", "B5", "D6", "F#6"])
        #expect(try names("vi7[#7]", .aMinor) == ["F#5", "A5", "C#6", "E#6"])
    }

    @Test func namingChords() throws {
        #expect(try figure("F3 G3 B3 D4", .cMajor) == "V42")
        #expect(try figure("B3 D4 G4", .cMajor) == "V6")
        #expect(try figure("C4 E4 G4", .cMajor) == "I")
        #expect(try figure("E4 G4 C5", Key(.C, .minor)) == "I6")
        #expect(try figure("D4 F4 A4 C5", .cMajor) == "ii7")
        #expect(try figure("C4 Eb4 G4 Bb4", .cMajor) == "i7")
        #expect(try figure("Ab3 C4 Eb4 F#4", .cMajor) == "Ger65")
        #expect(try figure("Ab3 C4 F#4", .cMajor) == "It6")
        #expect(try figure("B2 D3 F3 Ab3", Key(.C, .minor)) == "viio7")
        // Minor ^6/^7 count from the raised degree when naming.
        #expect(try figure("G#3 B3 D4", .aMinor) == "viio")
        #expect(try figure("G3 B3 D4", .aMinor) == "bVII")
        #expect(try figure("F3 A3 C4", .aMinor) == "bVI")
        // music21's names, even where they do not read back.
        #expect(try figure("Bb3 D4 F4 A4", .cMajor) == "bVII#7#5#3")
        #expect(try figure("D4 F#4 A4 C5", .cMajor) == "II75#3")
        let named = try #require(RomanNumeral(chord: Chord([Pitch("F3"), Pitch("G3"), Pitch("B3"), Pitch("D4")]),
                                              in: .cMajor))
        #expect(named.root.name == "G3" && named.scaleDegree == 5 && named.inversion == 3)
        #expect(RomanNumeral(pitches: [], in: .cMajor) == nil)
    }

    @Test func badFiguresThrowNamingTheText() throws {
        for bad in ["V99", "bbbII", "", "X", "Vd9", "V7q", "I[no]", "I[add]", "I[x5]", "V7[no5", "VIII", "Q/V", "V/Q",
                    "V7#", "V#-5", "V9"] {
            #expect(throws: NotationError.self) { try RomanNumeral(bad, in: .cMajor) }
        }
        do {
            _ = try RomanNumeral("V99", in: .cMajor)
        } catch {
            #expect(error.code == .invalidRomanNumeral && error.text == "V99")
            #expect(error.description.contains("V99"))
        }
        // A figure whose spelling would need a quadruple sharp in this key.
        #expect(throws: NotationError.self) { try RomanNumeral("#VII+64/VII", in: Key(.E)) }
    }
}
