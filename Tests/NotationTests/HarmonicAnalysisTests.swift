import Foundation
import Testing
import TestSupport
@testable import Notation

/// Voice-leading expectations are music21 10.5's `VoiceLeadingQuartet` answers (asked once and
/// written down here); chord figures of the hand-made progression are checked by hand; the
/// cadences are annotated by hand from the chorales' music (see ``cadenceAnnotations``).
@Suite struct HarmonicAnalysisTests {
    private func quartet(_ u1: String, _ u2: String, _ l1: String, _ l2: String) throws -> [String] {
        try VoiceLeadingQuartet(upper: (Pitch(u1), Pitch(u2)), lower: (Pitch(l1), Pitch(l2))).findings.map(\.rawValue)
    }

    @Test func voiceLeadingQuartetsAsMusic21JudgesThem() throws {
        #expect(try quartet("G4", "A4", "C4", "D4") == ["parallelFifth"])
        #expect(try quartet("C5", "D5", "C4", "D4") == ["parallelOctave"])
        #expect(try quartet("G4", "D5", "C4", "G3") == ["parallelFifth"])      // antiparallel 5th → 12th
        #expect(try quartet("C5", "G4", "C4", "C3") == ["hiddenFifth"])        // octave → twelfth, similar
        #expect(try quartet("E5", "D5", "C4", "G3") == ["hiddenFifth"])
        #expect(try quartet("C5", "D5", "A4", "D4") == [])                      // contrary into an octave
        #expect(try quartet("G4", "D5", "C4", "D4") == ["hiddenOctave"])
        #expect(try quartet("B4", "C5", "E4", "F4") == ["parallelFifth"])
        #expect(try quartet("F#4", "G4", "B3", "C4") == ["parallelFifth"])
        #expect(try quartet("C4", "D4", "E4", "F4") == ["voiceCrossing", "voiceOverlap"])
        #expect(try quartet("E4", "C4", "D4", "E4") == ["voiceCrossing", "voiceOverlap"])
        #expect(try quartet("C5", "C5", "C4", "C4") == [])
        #expect(try quartet("A4", "G4", "D4", "C4") == ["parallelFifth"])
        #expect(try quartet("E5", "G5", "A4", "C5") == ["parallelFifth"])
    }

    /// C major, four voices in half notes: I – V – I – ii6 (bass C3 G2 C3 F3 under soprano
    /// E5 D5 E5 F5); each figure and finding below is checked by hand.
    private func progression() throws -> Score {
        func part(_ id: String, _ names: [String]) throws -> Part {
            let notes = try names.map { Event.note(Note(try Pitch($0), Duration(.half))) }
            let measures = [Measure(number: 1, length: 4, voices: [Voice(sequence: Array(notes[0..<2]))],
                                    key: .cMajor, timeSignature: .commonTime),
                            Measure(number: 2, length: 4, voices: [Voice(sequence: Array(notes[2..<4]))])]
            return Part(id: id, staves: [Staff(measures: measures)])
        }
        return Score(parts: [
            try part("S", ["E5", "D5", "E5", "F5"]),
            try part("A", ["G4", "G4", "G4", "A4"]),
            try part("T", ["C4", "B3", "C4", "D4"]),
            try part("B", ["C3", "G2", "C3", "F3"]),
        ])
    }

    @Test func progressionFiguresAndVoiceLeading() throws {
        let analysis = try HarmonicAnalysis(try progression(), key: .given(.cMajor))
        #expect(analysis.slices.map { $0.roman?.figure } == ["I", "V", "I", "ii6"])
        #expect(analysis.slices.map(\.position.measureNumber) == [1, 1, 2, 2])
        #expect(analysis.slices[3].position.offsetInMeasure == 2)
        // I → ii6: soprano E5→F5 over bass C3→F3 and alto G4→A4 over tenor C4→D4 are similar
        // motion; alto/tenor G4/C4 → A4/D4 is a parallel fifth; soprano/alto E5/G4 → F5/A4
        // parallel sixths (nothing); soprano/bass into F5/F3, a hidden octave.
        let last = analysis.voiceLeading.filter { $0.slice == 3 }.map { "\($0.kind.rawValue) \($0.voices)" }
        #expect(last.contains("parallelFifth [1, 2]"))
        #expect(last.contains("hiddenOctave [0, 3]"))
        #expect(!last.contains { $0.hasPrefix("parallelFifth [0") })
        #expect(analysis.voices.map(\.part) == [0, 1, 2, 3])
    }

    /// Eight bars of C major cadences, then eight of G major (F♯ throughout): the local keys
    /// must find the modulation near bar 9 (the window is 5 bars wide), the global key one key.
    @Test func localKeysFollowAModulation() throws {
        func bar(_ number: Int, _ chords: [[String]]) throws -> [Measure] {
            // One measure per voice layout: four half-note chords would not fit; two per bar.
            let events = try chords.map { Event.chord(Chord(try $0.map { try Pitch($0) }, Duration(.half))) }
            return [Measure(number: number, length: 4, voices: [Voice(sequence: events)],
                            timeSignature: number == 1 ? .commonTime : nil)]
        }
        let inC = [["C3", "E4", "G4", "C5"], ["F3", "A4", "C5", "F5"], ["G3", "B4", "D5", "G5"], ["C3", "E4", "G4", "C5"]]
        let inG = [["G3", "B4", "D5", "G5"], ["C3", "E4", "A4", "C5"], ["D3", "F#4", "A4", "D5"], ["G3", "B4", "D5", "G5"]]
        var measures: [Measure] = []
        for n in 0..<16 {
            let chords = n < 8 ? inC : inG
            measures += try bar(n + 1, [chords[(2 * n) % 4], chords[(2 * n + 1) % 4]])
        }
        let analysis = try HarmonicAnalysis(Score(parts: [Part(staves: [Staff(measures: measures)])]))
        #expect(analysis.keyRegions.map(\.key) == [.cMajor, Key(.G, .major)])
        let change = try #require(analysis.keyRegions.last?.position.measureNumber)
        #expect((8...10).contains(change), "modulation found at bar \(change)")
        #expect(analysis.slices.last?.key == Key(.G, .major))
        #expect(analysis.slices.first?.roman?.figure == "I")
    }

    @Test func passingToneIsReportedNotNamed() throws {
        // C E G with D between C and E in the soprano: D is a passing tone, the harmony stays I.
        let reading = ChordToneReading(try ["C3", "G3", "E4", "D5"].map { try Pitch($0) }, stepwise: [2])
        #expect(reading.nonChordTones.map(\.name) == ["D5"])
        #expect(reading.isRecognised)
        let cluster = ChordToneReading(try ["C4", "D4"].map { try Pitch($0) }, stepwise: [])
        #expect(!cluster.isRecognised)
    }

    @Test func badInputIsATypedError() throws {
        #expect(throws: NotationError.self) { try RomanNumeral("V99", in: .cMajor) }
        do {
            _ = try RomanNumeral("bbbII", in: .cMajor)
            Issue.record("bbbII was read")
        } catch {
            #expect(error.code == .invalidRomanNumeral && error.text == "bbbII")
        }
        do {
            _ = try AnalysisKey("H major")
            Issue.record("H major was read")
        } catch {
            #expect(error.code == .invalidKeyName && error.text == "H major")
        }
        #expect(try AnalysisKey("global") == .global && AnalysisKey("Local") == .local)
        #expect(try AnalysisKey("g minor") == .given(Key(.G, .minor)))
        for score in [Score(), Score(parts: [Part(staves: [Staff(measures: [
            Measure(number: 1, length: 4, voices: [Voice(sequence: [.rest(Rest(Duration(.whole)))])])])])])] {
            do {
                _ = try HarmonicAnalysis(score)
                Issue.record("an empty score was analysed")
            } catch {
                #expect(error.code == .nothingToAnalyze)
            }
        }
    }

    /// A phrase end annotated by hand: chorale, measure of the fermata, cadence, key's tonic.
    struct Annotation: CustomStringConvertible {
        var file: String
        var measure: Int
        var kind: Cadence.Kind
        var tonic: String
        var description: String { "\(file) m.\(measure) \(kind.rawValue) on \(tonic)" }
    }

    /// Read from the chorales' pitches at each fermata and the chords before it (soprano degree,
    /// bass motion, figures), not from this code's output. The key is the one the phrase
    /// cadences in (its tonic only: a Picardy third makes the mode moot). Endings whose key is
    /// arguable (a tonicised IV, a phrase on the dominant that might be a cadence in it) are
    /// left out.
    static let cadenceAnnotations: [Annotation] = [
        // bwv10.7, G minor: ii7–V–I in B♭ (soprano B♭), V7–i in G (soprano G), V4-3–I in B♭.
        Annotation(file: "bwv10.7", measure: 5, kind: .perfectAuthentic, tonic: "Bb"),
        Annotation(file: "bwv10.7", measure: 9, kind: .perfectAuthentic, tonic: "G"),
        Annotation(file: "bwv10.7", measure: 14, kind: .perfectAuthentic, tonic: "Bb"),
        // bwv26.6, A minor: V6–i; V–I in C with E on top; V7 (4-3)–I♯ in A; V7–I in C; V7–I♯ in A
        // with a 4-3 suspension over the arriving bass.
        Annotation(file: "bwv26.6", measure: 1, kind: .imperfectAuthentic, tonic: "A"),
        Annotation(file: "bwv26.6", measure: 2, kind: .imperfectAuthentic, tonic: "C"),
        Annotation(file: "bwv26.6", measure: 4, kind: .perfectAuthentic, tonic: "A"),
        Annotation(file: "bwv26.6", measure: 8, kind: .perfectAuthentic, tonic: "C"),
        Annotation(file: "bwv26.6", measure: 10, kind: .perfectAuthentic, tonic: "A"),
        // bwv40.6, D minor: ends on A (V); V6–I on A; V–I♯ at the end.
        Annotation(file: "bwv40.6", measure: 4, kind: .half, tonic: "D"),
        Annotation(file: "bwv40.6", measure: 10, kind: .imperfectAuthentic, tonic: "A"),
        Annotation(file: "bwv40.6", measure: 16, kind: .perfectAuthentic, tonic: "D"),
        // bwv153.1, A minor (E minor at m.6): V7/V–V; Cad64–V–i; iv6–V; V–i; viio7/V–V.
        Annotation(file: "bwv153.1", measure: 2, kind: .half, tonic: "A"),
        Annotation(file: "bwv153.1", measure: 4, kind: .perfectAuthentic, tonic: "A"),
        Annotation(file: "bwv153.1", measure: 6, kind: .half, tonic: "E"),
        Annotation(file: "bwv153.1", measure: 8, kind: .perfectAuthentic, tonic: "A"),
        Annotation(file: "bwv153.1", measure: 10, kind: .half, tonic: "A"),
        // bwv253, A major: Cad64–V–V7–I, soprano A, twice.
        Annotation(file: "bwv253", measure: 5, kind: .perfectAuthentic, tonic: "A"),
        Annotation(file: "bwv253", measure: 10, kind: .perfectAuthentic, tonic: "A"),
        // bwv254, D minor: V7–I in F; V7–i; ends on A (V); V6–I in C (E on top); V7–I♯.
        Annotation(file: "bwv254", measure: 3, kind: .perfectAuthentic, tonic: "F"),
        Annotation(file: "bwv254", measure: 6, kind: .perfectAuthentic, tonic: "D"),
        Annotation(file: "bwv254", measure: 7, kind: .half, tonic: "D"),
        Annotation(file: "bwv254", measure: 8, kind: .imperfectAuthentic, tonic: "C"),
        Annotation(file: "bwv254", measure: 11, kind: .perfectAuthentic, tonic: "D"),
        // bwv269, G major: phrases on D (V) and V7–I, soprano G.
        Annotation(file: "bwv269", measure: 4, kind: .half, tonic: "G"),
        Annotation(file: "bwv269", measure: 7, kind: .perfectAuthentic, tonic: "G"),
        Annotation(file: "bwv269", measure: 10, kind: .half, tonic: "G"),
        Annotation(file: "bwv269", measure: 18, kind: .half, tonic: "G"),
        Annotation(file: "bwv269", measure: 21, kind: .perfectAuthentic, tonic: "G"),
        // Annotated after the rules were settled (the ones above shaped the V–I-in-the-final-
        // chord's-key and half-cadence-a-fifth-below rules; these did not).
        // bwv255, C major: V7–I in G; vii°6–I; V7–I in G; ends on G (V); V43/V–V; Cad64–V7–I.
        Annotation(file: "bwv255", measure: 1, kind: .perfectAuthentic, tonic: "G"),
        Annotation(file: "bwv255", measure: 2, kind: .imperfectAuthentic, tonic: "C"),
        Annotation(file: "bwv255", measure: 4, kind: .perfectAuthentic, tonic: "G"),
        Annotation(file: "bwv255", measure: 5, kind: .half, tonic: "C"),
        Annotation(file: "bwv255", measure: 6, kind: .half, tonic: "C"),
        Annotation(file: "bwv255", measure: 8, kind: .perfectAuthentic, tonic: "C"),
        // bwv256, A minor: V7–I in C; V7–I♯; i6–V; V7–I in G; V7–I♯.
        Annotation(file: "bwv256", measure: 2, kind: .perfectAuthentic, tonic: "C"),
        Annotation(file: "bwv256", measure: 4, kind: .perfectAuthentic, tonic: "A"),
        Annotation(file: "bwv256", measure: 6, kind: .half, tonic: "A"),
        Annotation(file: "bwv256", measure: 8, kind: .perfectAuthentic, tonic: "G"),
        Annotation(file: "bwv256", measure: 10, kind: .perfectAuthentic, tonic: "A"),
    ]

    @Test(.requires(shared: "corpus/music21/bach/bwv269.mxl"))
    func cadencesAgreeWithHandAnnotations() throws {
        var analyses: [String: HarmonicAnalysis] = [:]
        var misses: [String] = []
        for annotation in Self.cadenceAnnotations {
            let analysis = try analyses[annotation.file] ?? HarmonicAnalysis(
                Score.read(contentsOf: SharedData.url("corpus/music21/bach/\(annotation.file).mxl")))
            analyses[annotation.file] = analysis
            let found = analysis.cadences.first { cadence in
                let slice = analysis.slices[cadence.slice]
                return slice.position.measureNumber == annotation.measure && slice.hasFermata
            }
            if found?.kind != annotation.kind || found?.key.tonic.nameWithoutOctave != annotation.tonic {
                misses.append("\(annotation): found \(found.map { "\($0.kind.rawValue) in \($0.key)" } ?? "none")")
            }
        }
        #expect(misses == Self.knownMisses, "\(misses.joined(separator: "\n"))")
    }

    /// Annotated endings the rules get wrong, each with the reason (see Docs and the DocC article).
    /// bwv255 m.2: the windowed local key is still G major (the phrase before cadenced there),
    /// so vii°6 → I in C is read as iii°6 → IV in G; the leading-tone chord counts as cadential
    /// only in the local key (in any key it would turn viio7/V → V half cadences into
    /// cadences in the dominant key).
    static let knownMisses: [String] = ["bwv255 m.2 IAC on C: found none"]
}
