import Foundation
import Testing
@testable import Notation

/// Transposing a score moves its chord symbols and keeps printed accidentals right; expected
/// spellings worked out by hand (Scripts/parity/transpose.sh checks the corpus with music21).
@Suite struct HarmonyTranspositionTests {
    func score() throws -> Score {
        var courtesy = Note(try Pitch("F#4"), Duration(.quarter))
        courtesy.displayedAccidental = .sharp
        let measure = Measure(number: 1, length: 4, voices: [Voice(id: "1", elements: [
            Voice.Element(offset: 0, event: .note(courtesy)),
            Voice.Element(offset: 1, event: .note(Note(try Pitch("C4"), Duration(.quarter)))),
            Voice.Element(offset: 2, event: .note(Note(try Pitch("C#4"), Duration(.half)))),
        ])], key: Key(.G, .major), timeSignature: TimeSignature(4, 4),
            directions: [Direction(offset: 0, kind: .chordSymbol(try ChordSymbol("Bb7/D"))),
                         Direction(offset: 2, kind: .chordSymbol(try ChordSymbol("F#m7b5")))])
        return Score(parts: [Part(id: "P1", staves: [Staff(measures: [measure])])])
    }

    func symbols(_ score: Score) -> [String] {
        score.parts[0].staves[0].measures[0].directions.compactMap {
            if case .chordSymbol(let s) = $0.kind { s.description } else { nil }
        }
    }

    @Test("chord symbols move with the notes, respelled by letter")
    func chordSymbols() throws {
        #expect(symbols(try score().transposed(by: "m2")) == ["Cb7/Eb", "Gm7b5"])
        #expect(symbols(try score().transposed(by: "-M3")) == ["Gb7/Bb", "Dm7b5"])
    }

    @Test("a courtesy accidental takes the sign of the note's new alteration")
    func courtesyAccidental() throws {
        let up = try score().transposed(by: "m2")
        guard case .note(let note) = up.parts[0].staves[0].measures[0].voices[0].elements[0].event else {
            Issue.record("not a note"); return
        }
        #expect(note.pitch.name == "G4")
        #expect(note.displayedAccidental == .natural)
    }

    @Test("written after transposition, each accidental matches its note and the new key")
    func writtenAccidentals() throws {
        // G major up a minor second is Ab major (four flats): F#4 → G4 (courtesy natural),
        // C4 → Db4 (in the key: no sign), C#4 → D4 (needs a natural against the key's Db).
        let text = String(decoding: try MusicXMLWriter().xmlData(for: try score().transposed(by: "m2")), as: UTF8.self)
        let accidentals = text.components(separatedBy: "<accidental").dropFirst().map { $0.prefix { $0 != "/" } }
        #expect(accidentals == [" cautionary=\"yes\">natural<", ">natural<"])
        #expect(text.contains("<fifths>-4</fifths>"))
        #expect(text.contains("<root-step>C</root-step><root-alter>-1</root-alter>"))
        #expect(text.contains("<bass-step>E</bass-step><bass-alter>-1</bass-alter>"))
    }
}
