import Foundation
import Testing
@testable import Notation
import TestSupport

/// `SpelledPitchClass` and `ChordSymbol`: figures read and printed, realised as pitches (the
/// expected notes worked out by hand; Scripts/parity/chord_symbols.sh compares many more
/// figures with music21), transposed, and read from the test suite's 71* files.
@Suite struct ChordSymbolTests {
    func pc(_ text: String) -> SpelledPitchClass { try! SpelledPitchClass(text) }

    @Test("spelled pitch classes parse # b - x and reject the rest")
    func spelling() throws {
        #expect(pc("F#") == (try SpelledPitchClass(.F, alter: 1)))
        #expect(pc("Bb") == (try SpelledPitchClass(.B, alter: -1)))
        #expect(pc("B-") == pc("Bb"))
        #expect(pc("Fx").alter == 2)
        #expect(pc("eb").name == "Eb")
        #expect(pc("Cb").pitchClass == 11)
        #expect(pc("B#").pitchClass == 0)
        #expect(pc("F#") != pc("Gb"))
        for bad in ["H", "C#b", "C4", "", "Cbbbb"] {
            #expect(throws: NotationError.self) { try SpelledPitchClass(bad) }
        }
        #expect(try pc("Bb").transposed(by: "M2").name == "C")
        #expect(try pc("E").transposed(by: "M3").name == "G#")
        #expect(try pc("F#").transposed(by: "-m2").name == "E#")
        #expect(throws: NotationError.self) { try pc("Bx").transposed(by: "A2") }
    }

    @Test("a key's spelled tonic")
    func keyTonic() throws {
        let key = try Key("Eb minor") as Key
        #expect(key.spelledTonic == pc("Eb"))
        #expect(Key(tonic: pc("F#"), .major).signature.fifths == 6)
    }

    @Test("the usual figures read as the right root, kind, degrees and bass",
          arguments: [
            ("Bb7/D", "Bb", ChordSymbol.Kind.dominant, [ChordSymbol.Degree](), "D"),
            ("F#m7b5", "F#", .halfDiminished, [], nil),
            ("Cmaj9", "C", .majorNinth, [], nil),
            ("Gsus4", "G", .suspendedFourth, [], nil),
            ("C6", "C", .majorSixth, [], nil),
            ("Cdim7", "C", .diminishedSeventh, [], nil),
            ("C+", "C", .augmented, [], nil),
            ("C7b9", "C", .dominant, [.init(9, alter: -1, .add)], nil),
            ("C7#11", "C", .dominant, [.init(11, alter: 1, .add)], nil),
            ("Cadd9", "C", .major, [.init(9, .add)], nil),
            ("C5", "C", .power, [], nil),
            ("C7b5", "C", .dominant, [.init(5, alter: -1, .alter)], nil),
            ("Ebm7", "Eb", .minorSeventh, [], nil),
            ("C7omit3", "C", .dominant, [.init(3, .subtract)], nil),
            ("G7sus4", "G", .suspendedFourth, [.init(7, .add)], nil),
          ] as [(String, String, ChordSymbol.Kind, [ChordSymbol.Degree], String?)])
    func figures(_ figure: String, _ root: String, _ kind: ChordSymbol.Kind, _ degrees: [ChordSymbol.Degree], _ bass: String?) throws {
        let symbol = try ChordSymbol(figure)
        #expect(symbol.root == pc(root))
        #expect(symbol.kind == kind)
        #expect(symbol.degrees == degrees)
        #expect(symbol.bass == bass.map(pc))
        #expect(symbol.description == figure)
    }

    @Test("N.C. is no chord")
    func noChord() throws {
        #expect(try ChordSymbol("N.C.") == .noChord)
        #expect(ChordSymbol.noChord.description == "N.C.")
        #expect(ChordSymbol.noChord.pitches.isEmpty)
    }

    @Test("every kind prints a figure that reads back as itself")
    func everyKindRoundTrips() throws {
        for kind in ChordSymbol.Kind.allCases where kind != .other {
            let symbol = kind == .none ? ChordSymbol.noChord : ChordSymbol(root: pc("Ab"), kind: kind, bass: pc("C"))
            #expect(try ChordSymbol(symbol.description) == symbol, "\(kind): \(symbol.description)")
        }
    }

    @Test("figures that are not chord symbols are typed errors naming the text",
          arguments: ["H7", "C7x", "Cadd", "", "C/H", "c", "C9sus", "Cmaj7/"])
    func badFigures(_ figure: String) {
        #expect {
            try ChordSymbol(figure)
        } throws: { error in
            guard let e = error as? NotationError else { return false }
            return e.code == .invalidChordSymbol && e.text == figure
        }
    }

    @Test("realised pitches, worked out by hand")
    func pitches() throws {
        func names(_ figure: String) throws -> [String] { try ChordSymbol(figure).pitches.map(\.name) }
        #expect(try names("C") == ["C3", "E3", "G3"])
        #expect(try names("Bb7/D") == ["D3", "Bb3", "F4", "Ab4"])
        #expect(try names("C7b9") == ["C3", "E3", "G3", "Bb3", "Db4"])
        #expect(try names("Cdim7") == ["C3", "Eb3", "Gb3", "Bbb3"])
        #expect(try names("F#m7b5") == ["F#3", "A3", "C4", "E4"])
        #expect(try names("G7/B") == ["B3", "D4", "F4", "G4"])
        #expect(try names("C7omit3") == ["C3", "G3", "Bb3"])
        #expect(try names("G7sus4") == ["G3", "C4", "D4", "F4"])
        #expect(try names("Cadd9") == ["C3", "E3", "G3", "D4"])
    }

    @Test("transposition respells root and bass by letter")
    func transposition() throws {
        #expect(try ChordSymbol("Bb7/D").transposed(by: "M2").description == "C7/E")
        #expect(try ChordSymbol("E").transposed(by: "M3").description == "G#")
        #expect(try ChordSymbol("F#m7b5").transposed(by: "m2").description == "Gm7b5")
        #expect(try ChordSymbol("Db/Ab").transposed(by: "-A1").description == "Dbb/Abb")
        #expect(try ChordSymbol.noChord.transposed(by: "P5") == .noChord)
    }
}

/// Chord symbols in the test suite's 71* files, read with the expected values taken from the
/// files' XML by eye.
@Suite(.requires(shared: SharedData.testSuite))
struct ChordSymbolReadingTests {
    func symbols(_ prefix: String) throws -> [ChordSymbol] {
        let score = try MusicXMLReader().read(contentsOf: MusicXMLTestData.suite(prefix))
        return score.parts.flatMap(\.staves).flatMap(\.measures).flatMap(\.directions).compactMap {
            if case .chordSymbol(let symbol) = $0.kind { symbol } else { nil }
        }
    }

    @Test("71a: roots, kinds, added and altered degrees")
    func chordnames() throws {
        #expect(try symbols("71a").map(\.description) == ["C", "Cmaj7#11", "B7#5#9", "Ebadd2", "Gm", "D#maj7", "Adim7", "A+"])
    }

    @Test("71f: every MusicXML kind, inversion, bass, subtracted degrees")
    func allKinds() throws {
        let all = try symbols("71f")
        #expect(all.count == 38)
        #expect(Array(all.prefix(32).map(\.kind)) == Array(ChordSymbol.Kind.allCases.filter { $0 != .none }))
        #expect(all[32].inversion == 2 && all[32].root?.name == "F#")
        #expect(all[33].root?.name == "Fbb" && all[33].bass?.name == "C")
        #expect(all[34].bass?.name == "D#")
        #expect(all[36].degrees == [.init(3, .subtract), .init(5, alter: -1, .alter)])
        #expect(all[37].degrees == [.init(1, .subtract), .init(6, alter: -1, .add)])
    }

    @Test("71g: the printed kind text is kept")
    func kindText() throws {
        #expect(try symbols("71g").map(\.text) == ["", "m6", "m7", "7"])
    }

    @Test("a kind MusicXML does not list is kept as text and reported")
    func unknownKind() throws {
        let xml = """
        <?xml version="1.0"?><score-partwise version="4.0"><part-list><score-part id="P1"><part-name/></score-part></part-list>
        <part id="P1"><measure number="1"><attributes><divisions>1</divisions></attributes>
        <harmony><root><root-step>D</root-step></root><kind>minor-major</kind></harmony>
        <note><rest/><duration>4</duration></note></measure></part></score-partwise>
        """
        let reading = try MusicXMLReader().readScore(data: Data(xml.utf8))
        let kinds = reading.score.parts[0].staves[0].measures[0].directions.map(\.kind)
        let expected = ChordSymbol(root: try SpelledPitchClass(.D), kind: .other, text: "minor-major")
        #expect(kinds == [.chordSymbol(expected)])
        #expect(reading.skipped.contains("harmony/kind=minor-major"))
    }
}
