import Testing
@testable import Notation

/// Expected names, roots and inversions of the spelled reading are music21 10.5's
/// `commonName`, `pitchedCommonName`, `root()`, `inversion()` and `normalOrder` for the same
/// pitches (the independent oracle); the respelled readings are hand-checked.
@Suite struct ChordAnalysisTests {
    private func chord(_ names: [String]) throws -> Chord {
        Chord(try names.map { name throws(NotationError) in try Pitch(name) })
    }

    // (pitches, commonName, pitchedCommonName, music21 root, music21 inversion, normal order)
    private static let music21Cases: [([String], String, String, String, Int, String)] = [
        (["C4", "E4", "G4"], "major triad", "C-major triad", "C4", 0, "0.4.7"),
        (["E4", "G4", "C5"], "major triad", "C-major triad", "C5", 1, "0.4.7"),
        (["G3", "C4", "E4"], "major triad", "C-major triad", "C4", 2, "0.4.7"),
        (["A3", "C4", "E4"], "minor triad", "A-minor triad", "A3", 0, "9.0.4"),
        (["C4", "Eb4", "G4"], "minor triad", "C-minor triad", "C4", 0, "0.3.7"),
        (["Eb4", "G4", "C5"], "minor triad", "C-minor triad", "C5", 1, "0.3.7"),
        (["B3", "D4", "F4"], "diminished triad", "B-diminished triad", "B3", 0, "11.2.5"),
        (["D4", "F4", "B4"], "diminished triad", "B-diminished triad", "B4", 1, "11.2.5"),
        (["C4", "E4", "G#4"], "augmented triad", "C-augmented triad", "C4", 0, "0.4.8"),
        (["C4", "E4", "G4", "Bb4"], "dominant seventh chord", "C-dominant seventh chord", "C4", 0, "4.7.10.0"),
        (["E4", "G4", "Bb4", "C5"], "dominant seventh chord", "C-dominant seventh chord", "C5", 1, "4.7.10.0"),
        (["G4", "Bb4", "C5", "E5"], "dominant seventh chord", "C-dominant seventh chord", "C5", 2, "4.7.10.0"),
        (["Bb3", "C4", "E4", "G4"], "dominant seventh chord", "C-dominant seventh chord", "C4", 3, "4.7.10.0"),
        (["C4", "E4", "G4", "B4"], "major seventh chord", "C-major seventh chord", "C4", 0, "11.0.4.7"),
        (["C4", "Eb4", "G4", "Bb4"], "minor seventh chord", "C-minor seventh chord", "C4", 0, "7.10.0.3"),
        (["B3", "D4", "F4", "A4"], "half-diminished seventh chord", "B-half-diminished seventh chord", "B3", 0, "9.11.2.5"),
        (["B3", "D4", "F4", "Ab4"], "diminished seventh chord", "B-diminished seventh chord", "B3", 0, "2.5.8.11"),
        (["C4", "Eb4", "G4", "B4"], "minor-augmented tetrachord", "C-minor-augmented tetrachord", "C4", 0, "11.0.3.7"),
        (["C4", "E4", "G#4", "B4"], "augmented major tetrachord", "C-augmented major tetrachord", "C4", 0, "8.11.0.4"),
        (["C4", "E4", "G4", "Bb4", "D5"], "dominant-ninth", "C-dominant-ninth", "C4", 0, "10.0.2.4.7"),
        (["C4", "E4", "G4", "B4", "D5"], "major-ninth chord", "C-major-ninth chord", "C4", 0, "11.0.2.4.7"),
        (["C4", "Eb4", "G4", "Bb4", "D5"], "minor-ninth chord", "C-minor-ninth chord", "C4", 0, "7.10.0.2.3"),
        (["C4", "F4", "G4"], "quartal trichord", "F-quartal trichord", "F4", 2, "5.7.0"),
        (["C4", "D4", "G4"], "quartal trichord", "C-quartal trichord", "C4", 0, "0.2.7"),
        (["C4", "E4", "Bb4"], "incomplete dominant-seventh chord", "C-incomplete dominant-seventh chord", "C4", 0, "10.0.4"),
        (["Ab3", "C4", "F#4"], "Italian augmented sixth chord", "F#-Italian augmented sixth chord", "F#4", 1, "6.8.0"),
        (["Ab3", "C4", "D4", "F#4"], "French augmented sixth chord", "D-French augmented sixth chord", "D4", 2, "0.2.6.8"),
        (["Ab3", "C4", "Eb4", "F#4"], "German augmented sixth chord", "F#-German augmented sixth chord", "F#4", 1, "0.3.6.8"),
        (["C4", "E4", "G4", "A4"], "minor seventh chord", "A-minor seventh chord", "A4", 1, "4.7.9.0"),
        (["C4"], "note", "C", "C4", 0, "0"),
        (["C4", "C5"], "Perfect Octave", "Perfect Octave above C", "C4", 0, "0"),
        (["C4", "C4"], "unison", "C", "C4", 0, "0"),
        (["C4", "C5", "C6"], "multiple octaves", "multiple octaves above C", "C4", 0, "0"),
        (["C4", "E4"], "Major Third", "Major Third above C", "C4", 0, "0.4"),
        (["C4", "E5"], "Major Tenth", "Major Tenth above C", "C4", 0, "0.4"),
        (["C4", "E4", "E5"], "Major Third with octave doublings", "Major Third with octave doublings above C", "C4", 0, "0.4"),
        (["C4", "G4"], "Perfect Fifth", "Perfect Fifth above C", "C4", 0, "7.0"),
        (["B#3", "C4"], "enharmonic unison", "enharmonic unison above B#", "C4", 3, "0"),
        (["C4", "D#4", "G4", "A#4"], "enharmonic equivalent to minor seventh chord",
         "enharmonic equivalent to minor seventh chord above C", "A#4", 1, "7.10.0.3"),
        (["A#2", "D3", "F3"], "enharmonic equivalent to major triad", "enharmonic equivalent to major triad above A#", "D3", 2, "10.2.5"),
        (["C4", "E4", "Fb4"], "4 semitones", "4 semitones above C", "Fb4", 2, "0.4"),
        (["C4", "C#4", "D4"], "chromatic trimirror", "D-chromatic trimirror", "D4", 3, "0.1.2"),
        (["C4", "D4", "E4", "G4"], "major-second major tetrachord", "C-major-second major tetrachord", "C4", 0, "0.2.4.7"),
        (["E4", "G#4", "B4", "D5"], "dominant seventh chord", "E-dominant seventh chord", "E4", 0, "8.11.2.4"),
        (["F#3", "A#3", "C#4", "E4"], "dominant seventh chord", "F#-dominant seventh chord", "F#3", 0, "10.1.4.6"),
    ]

    @Test(arguments: music21Cases)
    func matchesMusic21(_ c: ([String], String, String, String, Int, String)) throws {
        let (names, commonName, pitchedName, root, inversion, normalOrder) = c
        let ch = try chord(names)
        #expect(ch.music21.commonName == commonName)
        #expect(ch.music21.pitchedCommonName == pitchedName)
        #expect(ch.spelledRoot?.name == root)
        #expect(ch.spelledInversion == inversion)
        #expect(ch.normalOrderLabel == normalOrder)
    }

    @Test func namesAndInversionsOfEachSeventhChordType() throws {
        // Each seventh chord in all four positions: the spelled and respelled readings agree
        // because every tone is spelled as a third above the last.
        let types: [([String], ChordQuality)] = [
            (["G3", "B3", "D4", "F4"], .dominantSeventh), (["F3", "A3", "C4", "E4"], .majorSeventh),
            (["D3", "F3", "A3", "C4"], .minorSeventh), (["B3", "D4", "F4", "A4"], .halfDiminishedSeventh),
            (["C#4", "E4", "G4", "Bb4"], .diminishedSeventh), (["A3", "C4", "E4", "G#4"], .minorMajorSeventh),
            (["Eb3", "G3", "B3", "D4"], .augmentedMajorSeventh),
        ]
        for (tones, quality) in types {
            var voicing = tones
            for inversion in 0..<4 {
                let ch = try chord(voicing)
                #expect(ch.quality == quality, "\(voicing)")
                #expect(ch.root?.nameWithoutOctave == String(tones[0].dropLast()), "\(voicing)")
                #expect(ch.inversion == inversion, "\(voicing)")
                #expect(ch.spelledInversion == inversion, "\(voicing)")
                // Move the bass up an octave for the next inversion.
                let bass = try Pitch(voicing.removeFirst())
                voicing.append(try Pitch(bass.step, alter: bass.alter, octave: bass.octave + 1).name)
            }
        }
    }

    @Test func triadQualitiesAndInversions() throws {
        #expect(try chord(["C4", "E4", "G4"]).quality == .majorTriad)
        #expect(try chord(["C4", "Eb4", "G4"]).quality == .minorTriad)
        #expect(try chord(["C4", "Eb4", "Gb4"]).quality == .diminishedTriad)
        #expect(try chord(["C4", "E4", "G#4"]).quality == .augmentedTriad)
        #expect(try chord(["G3", "C4", "E4"]).inversion == 2)
        #expect(try chord(["E3", "G3", "C4", "E4"]).inversion == 1)
        #expect(try chord(["C4", "E4", "G4", "Bb4", "D5"]).quality == .dominantNinth)
        #expect(try chord(["D3", "C4", "E4", "G4", "Bb4"]).inversion == 4)  // ninth in the bass
        #expect(try chord(["C4", "F4", "G4"]).quality == nil)  // a sus chord is not tertian
        #expect(ChordQuality.minorMajorSeventh.name == "minor-major seventh chord")
        #expect(ChordQuality.halfDiminishedSeventh.name == "half-diminished seventh chord")
    }

    @Test func respellsEnharmonicallySpelledChords() throws {
        // music21 issue #614: C–D♯–G–A♯ is a C minor seventh chord, not an A♯ chord.
        let cm7 = try chord(["C4", "D#4", "G4", "A#4"])
        #expect(cm7.spelledRoot?.name == "A#4")
        #expect(cm7.root?.name == "C4")
        #expect(cm7.inversion == 0)
        #expect(cm7.quality == .minorSeventh)
        // music21 issue #327: A♯–D–F is a B♭ major triad in root position.
        let bb = try chord(["A#2", "D3", "F3"])
        #expect(bb.spelledRoot?.name == "D3")
        #expect(bb.root?.name == "Bb2")
        #expect(bb.inversion == 0)
        #expect(bb.quality == .majorTriad)
        // A first-inversion D♭ major triad written with sharps keeps the sounding octave.
        let db = try chord(["E#3", "G#3", "C#4"])
        #expect(db.root?.name == "C#4")
        #expect(db.inversion == 1)
        let respelled = try chord(["F3", "G#3", "C#4"])
        #expect(respelled.root?.name == "Db4")
        #expect(respelled.inversion == 1)
        #expect(respelled.quality == .majorTriad)
        // A dominant seventh with its seventh written as an augmented sixth.
        let g7 = try chord(["G2", "B2", "D3", "E#3"])
        #expect(g7.root?.name == "G2")
        #expect(g7.quality == .dominantSeventh)
        // A correctly spelled diminished seventh keeps its written root.
        let dim7 = try chord(["D4", "F4", "G#4", "B4"])
        #expect(dim7.root?.name == "G#4")
        #expect(dim7.inversion == 2)
        // B♯–E♭–G–B: a C minor-major seventh chord.
        let mm7 = try chord(["B#1", "Eb2", "G2", "B2"])
        #expect(mm7.root?.name == "C2")
        #expect(mm7.quality == .minorMajorSeventh)
    }

    @Test func nonTertianChordsKeepMusic21sRoot() throws {
        let sus = try chord(["C4", "F4", "G4"])
        #expect(sus.root == sus.spelledRoot)
        #expect(sus.root?.name == "F4")
        let cluster = try chord(["C4", "C#4", "D4"])
        #expect(cluster.root?.name == "D4")
        #expect(cluster.inversion == 3)
        // A chord of all seven letters has its bass as root (music21's thirteenth rule).
        let thirteenth = try chord(["F3", "A3", "C4", "Eb4", "Gb4", "B4", "D5"])
        #expect(thirteenth.spelledRoot?.name == "F3")
        #expect(thirteenth.music21.commonName == nil)  // seven pitch classes: no name table
    }

    @Test func bassAndLabels() throws {
        let ch = try chord(["G4", "C4", "E5", "Bb3"])
        #expect(ch.bass?.name == "Bb3")
        #expect(ch.pitchClassLabel == "0.4.7.10")
        #expect(ch.normalOrderLabel == "4.7.10.0")
        #expect(try chord(["D4", "F#4", "A4"]).pitchClassLabel == "2.6.9")
        #expect(try chord(["D4", "F#4", "A4"]).normalOrderLabel == "2.6.9")
        #expect(try chord(["Db4", "F4", "Ab4"]).normalOrderLabel == "1.5.8")
        #expect(try chord(["C#4", "E#4", "G#4"]).pitchClassLabel == "1.5.8")
        // The written bass (music21's) is by letter: E♯3 is written below F♭♭3.
        let odd = try chord(["Fbb3", "E#3"])
        #expect(odd.bass?.name == "Fbb3")
        #expect(odd.writtenBass?.name == "E#3")
    }

    @Test func emptyChord() {
        let empty = Chord([])
        #expect(empty.root == nil)
        #expect(empty.spelledRoot == nil)
        #expect(empty.inversion == nil)
        #expect(empty.music21.commonName == nil)
        #expect(empty.music21.pitchedCommonName == nil)
        #expect(empty.normalOrderLabel == "")
        #expect(empty.quality == nil)
    }

    @Test func pitchClassSets() {
        #expect(PitchClassSet([0, 4, 7]).normalOrder == [0, 4, 7])
        #expect(PitchClassSet([0, 3, 7, 10]).normalOrder == [7, 10, 0, 3])
        #expect(PitchClassSet([0, 4, 8]).normalOrder == [0, 4, 8])
        #expect(PitchClassSet([4, 8, 0]).normalOrder == [0, 4, 8])
        #expect(PitchClassSet([0, 1, 5, 9]).normalOrder == [9, 0, 1, 5])
        #expect(PitchClassSet([0, 3, 4, 8]).normalOrder == [0, 3, 4, 8])
        #expect(PitchClassSet([12, 16, 19, -5]).pitchClasses == [0, 4, 7])
        #expect(PitchClassSet([0, 4, 7]).transposedNormalForm == [0, 4, 7])
        #expect(PitchClassSet([2, 5, 9]).transposedNormalForm == [0, 3, 7])
        #expect(PitchClassSet([]).normalOrder == [])
        #expect(PitchClassSet(0..<12).cardinality == 12)
    }
}

@Suite struct ScoreKeyEstimationTests {
    @Test func estimatesTheKeyOfAScore() throws {
        // C4 E4 G4 as a half-note chord, then D4: music21 says C major, 0.8957659086207186.
        let chord = Chord([Pitch("C4"), Pitch("E4"), Pitch("G4")], Duration(.half))
        let d = Note(Pitch("D4"), Duration(.quarter))
        let grace = { var n = Note(Pitch("F#4"), Duration(.eighth)); n.isGrace = true; return n }
        let measure = Measure(number: 1, length: 4, voices: [
            Voice(sequence: [.chord(chord), .note(grace()), .note(d), .rest(Rest(Duration(.quarter)))]),
        ])
        let score = Score(parts: [Part(staves: [Staff(measures: [measure])])])
        let estimate = try #require(score.estimatedKey())
        #expect(estimate.key == .cMajor)
        #expect(abs(estimate.correlation - 0.8957659086207186) < 1e-12)
        #expect(Score().estimatedKey() == nil)
    }
}
