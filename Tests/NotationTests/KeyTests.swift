import Testing
@testable import Notation

@Suite struct KeyTests {
    private func names(_ key: Key) -> [String] { key.pitches.map(\.nameWithoutOctave) }

    @Test func sevenSharpsAndSevenFlats() throws {
        let cSharp = Key("C# major")
        #expect(cSharp.signature.fifths == 7)
        #expect(names(cSharp) == ["C#", "D#", "E#", "F#", "G#", "A#", "B#"])
        #expect(cSharp.relative == Key(.A, alter: 1, .minor))
        #expect(cSharp.parallel == Key(.C, alter: 1, .minor))
        let cFlat = Key("Cb major")
        #expect(cFlat.signature.fifths == -7)
        #expect(names(cFlat) == ["Cb", "Db", "Eb", "Fb", "Gb", "Ab", "Bb"])
        #expect(cFlat.relative == Key(.A, alter: -1, .minor))
        let aSharpMinor = Key("a# minor")
        #expect(aSharpMinor.signature.fifths == 7)
        #expect(names(aSharpMinor) == ["A#", "B#", "C#", "D#", "E#", "F#", "G#"])
        #expect(aSharpMinor.relative == cSharp)
        let aFlatMinor = Key("Ab minor")
        #expect(aFlatMinor.signature.fifths == -7)
        #expect(names(aFlatMinor) == ["Ab", "Bb", "Cb", "Db", "Eb", "Fb", "Gb"])
        #expect(aFlatMinor.relative == cFlat)
        #expect(aFlatMinor.parallel == Key(.A, alter: -1, .major))
    }

    @Test func keysFromSignatures() {
        #expect(Key(signature: KeySignature(fifths: 7)) == Key(.C, alter: 1))
        #expect(Key(signature: KeySignature(fifths: -7)) == Key(.C, alter: -1))
        #expect(Key(signature: KeySignature(fifths: 7), mode: .minor) == Key(.A, alter: 1, .minor))
        #expect(Key(signature: KeySignature(fifths: -7), mode: .minor) == Key(.A, alter: -1, .minor))
        #expect(Key(signature: KeySignature(fifths: 0), mode: .minor) == .aMinor)
        #expect(Key(signature: KeySignature(fifths: 6)) == Key(.F, alter: 1))
        #expect(Key(signature: KeySignature(fifths: -6)) == Key(.G, alter: -1))
        #expect(Key(signature: KeySignature(fifths: -3), mode: .minor) == Key(.C, .minor))
        #expect(Key(signature: KeySignature(fifths: 0), mode: .dorian) == Key(.D, .dorian))
        #expect(Key(signature: KeySignature(fifths: 1), mode: .phrygian) == Key(.B, .phrygian))
        // Every major and minor key survives a round trip through its signature.
        for fifths in -7...7 {
            for mode in [Mode.major, .minor] {
                #expect(Key(signature: KeySignature(fifths: fifths), mode: mode).signature.fifths == fifths)
            }
        }
    }

    @Test func signatureAlterations() {
        let sevenSharps = KeySignature(fifths: 7), sevenFlats = KeySignature(fifths: -7)
        #expect(Step.allCases.allSatisfy { sevenSharps.alter(for: $0) == 1 })
        #expect(Step.allCases.allSatisfy { sevenFlats.alter(for: $0) == -1 })
        #expect(KeySignature(fifths: 2).alter(for: .C) == 1)
        #expect(KeySignature(fifths: 2).alter(for: .G) == 0)
        #expect(KeySignature(fifths: -2).alter(for: .E) == -1)
        #expect(KeySignature(fifths: -2).alter(for: .A) == 0)
        #expect(KeySignature(fifths: 8).alter(for: .F) == 2)
        #expect(KeySignature(fifths: 3).description == "3 sharps")
        #expect(KeySignature(fifths: -1).description == "1 flat")
        #expect(KeySignature(fifths: 0).description == "no sharps or flats")
        #expect(KeySignature(fifths: -3).transposed(by: "M2").fifths == -1)
    }

    @Test func modes() throws {
        #expect(names(Key("D dorian")) == ["D", "E", "F", "G", "A", "B", "C"])
        #expect(Key("D dorian").signature.fifths == 0)
        #expect(names(Key("E phrygian")) == ["E", "F", "G", "A", "B", "C", "D"])
        #expect(names(Key("F lydian")) == ["F", "G", "A", "B", "C", "D", "E"])
        #expect(Key("G mixolydian").signature.fifths == 0)
        #expect(Key("B locrian").signature.fifths == 0)
        #expect(Key("F# locrian").signature.fifths == 1)
        #expect(Key("C# phrygian").signature.fifths == 3)
        #expect(Key("Bb lydian").signature.fifths == -1)
        #expect(names(Key("Eb aeolian")) == ["Eb", "F", "Gb", "Ab", "Bb", "Cb", "Db"])
        #expect(Key("D dorian").relative == .cMajor)
        #expect(Mode.dorian.semitones == [0, 2, 3, 5, 7, 9, 10])
        #expect(Mode.locrian.semitones == [0, 1, 3, 5, 6, 8, 10])
    }

    @Test func parsingAndPrinting() throws {
        #expect(Key("Eb major").description == "Eb major")
        #expect(Key("B- minor") == Key(.B, alter: -1, .minor))
        #expect(Key("G") == Key(.G, .major))
        #expect(Key("e") == Key(.E, .minor))
        #expect(Key("f# minor").signature.fifths == 3)
        #expect(Key("bb minor") == Key(.B, alter: -1, .minor))
        // Variables, not literals: `Key("…")` with a literal is a literal (and traps when malformed).
        for bad in ["H major", "C4 major", "C majestic", ""] {
            #expect(throws: NotationError.invalidKeyName(bad)) { try Key(bad) }
        }
    }

    @Test func degreesAndMembership() throws {
        let d = Key("D major")
        #expect(d.degree(of: Pitch("F#4")) == (3, 0))
        #expect(d.degree(of: Pitch("F4")) == (3, -1))
        #expect(d.degree(of: Pitch("C#5")) == (7, 0))
        #expect(d.pitch(ofDegree: 5).nameWithoutOctave == "A")
        #expect(d.contains(Pitch("B3")))
        #expect(!d.contains(Pitch("C4")))
        #expect(try d.transposed(by: "m3") == Key(.F, .major))
        #expect(try Key("C# major").transposed(by: "-A1") == .cMajor)
        #expect(try Key("A minor").transposed(by: "M2").signature.fifths == 2)
    }
}
