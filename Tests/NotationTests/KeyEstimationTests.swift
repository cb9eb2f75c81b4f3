import Testing
@testable import Notation

/// Expected keys and correlations are music21 10.5's `Stream.analyze('key')` (Aarden–Essen)
/// and its `KrumhanslSchmuckler`, `TemperleyKostkaPayne`, `BellmanBudge` and `SimpleWeights`
/// classes on the same notes, computed independently with the music21 oracle.
@Suite struct KeyEstimationTests {
    private func notes(_ text: String, length: Double = 1) throws -> [(pitch: Pitch, length: Double)] {
        try text.split(separator: " ").map { (try Pitch(String($0)), length) }
    }

    private let cMajorScale = "C4 D4 E4 F4 G4 A4 B4 C5"

    @Test func cMajorScaleUnderEachProfile() throws {
        let scale = try notes(cMajorScale)
        // Aarden–Essen hears the bare scale in A minor, as music21 does.
        let aarden = try #require(KeyEstimator().estimate(scale))
        #expect(aarden.key == .aMinor)
        #expect(abs(aarden.correlation - 0.8244113808402684) < 1e-12)
        #expect(aarden.alternatives.prefix(3).map(\.key) == [.cMajor, Key(.F), Key(.G)])
        #expect(aarden.alternatives.count == 23)
        let kk = try #require(KeyEstimator(profile: .krumhanslKessler).estimate(scale))
        #expect(kk.key == .cMajor)
        #expect(abs(kk.correlation - 0.9013524118114132) < 1e-12)
        #expect(kk.alternatives.prefix(3).map(\.key) == [.aMinor, Key(.F), Key(.G)])
        let tkp = try #require(KeyEstimator(profile: .temperleyKostkaPayne).estimate(scale))
        #expect(tkp.key == .cMajor)
        #expect(abs(tkp.correlation - 0.9162511601259377) < 1e-12)
        let bb = try #require(KeyEstimator(profile: .bellmanBudge).estimate(scale))
        #expect(bb.key == .cMajor)
        #expect(abs(bb.correlation - 0.8832408864655552) < 1e-12)
        #expect(bb.alternatives.prefix(3).map(\.key) == [Key(.F), .aMinor, Key(.G)])
        let simple = try #require(KeyEstimator(profile: .simple).estimate(scale))
        #expect(simple.key == .cMajor)
        #expect(abs(simple.correlation - 0.9258200997725515) < 1e-12)
    }

    @Test func durationsWeighTheHistogram() throws {
        let melody: [(pitch: Pitch, length: Double)] = [
            (Pitch("A3"), 2), (Pitch("C4"), 1), (Pitch("E4"), 1), (Pitch("A4"), 2),
            (Pitch("G#4"), 1), (Pitch("B4"), 1), (Pitch("C5"), 1), (Pitch("E4"), 1),
            (Pitch("A3"), 2),
        ]
        let histogram = KeyEstimator.histogram(melody)
        #expect(histogram[9] == 6)   // A: 2 + 2 + 2
        #expect(histogram[0] == 2)
        #expect(histogram[4] == 2)
        #expect(histogram[8] == 1)
        #expect(histogram.reduce(0, +) == 12)
        let aarden = try #require(KeyEstimator().estimate(melody))
        #expect(aarden.key == .aMinor)
        #expect(abs(aarden.correlation - 0.6633297056289239) < 1e-12)
        let kk = try #require(KeyEstimator(profile: .krumhanslKessler).estimate(melody))
        #expect(kk.key == .aMinor)
        #expect(abs(kk.correlation - 0.8753063179972634) < 1e-12)
        #expect(kk.alternatives.prefix(3).map(\.key) == [Key(.A), Key(.E), Key(.F, alter: 1, .minor)])
    }

    @Test func tonicSpellingFollowsMusic21() throws {
        // A♭ major is spelled with a flat, G♯ minor with a sharp; F♯ and E♭ stay as they are.
        let abMajor = try #require(KeyEstimator().estimate(try notes("G#4 C5 D#5")))
        #expect(abMajor.key == Key(.A, alter: -1, .major))
        #expect(abs(abMajor.correlation - 0.8141165624904385) < 1e-12)
        let gsMinor = try #require(KeyEstimator().estimate(try notes("G#4 B4 D#5")))
        #expect(gsMinor.key == Key(.G, alter: 1, .minor))
        #expect(abs(gsMinor.correlation - 0.7691988310143076) < 1e-12)
        #expect(KeyEstimator().estimate(try notes("F#4 A#4 C#5"))?.key == Key(.F, alter: 1))
        #expect(KeyEstimator().estimate(try notes("Eb4 G4 Bb4"))?.key == Key(.E, alter: -1))
        #expect(KeyEstimator().estimate(try notes("Eb4 G4 Bb4"))?.alternatives.first?.key == Key(.C, .minor))
        // Spelling of the input does not matter: only pitch classes count.
        #expect(KeyEstimator().estimate(try notes("Ab4 C5 Eb5"))?.key == Key(.A, alter: -1, .major))
    }

    @Test func singleNoteAndTies() throws {
        let single = try #require(KeyEstimator().estimate(try notes("C4")))
        #expect(single.key == Key(.F))
        #expect(abs(single.correlation - 0.5056038789721224) < 1e-12)
        // A flat histogram correlates 0 with every key; music21's reverse sort then puts the
        // highest tonic first and minor before major: B minor, B major, B♭ minor, B♭ major.
        let flat = try #require(KeyEstimator().estimate(try notes("C4 C#4 D4 Eb4 E4 F4 F#4 G4 G#4 A4 Bb4 B4")))
        #expect(flat.key == Key(.B, .minor))
        #expect(flat.correlation == 0)
        #expect(flat.alternatives.prefix(3).map(\.key) == [Key(.B), Key(.B, alter: -1, .minor), Key(.B, alter: -1)])
        #expect(KeyEstimator().estimate([(pitch: Pitch, length: Double)]()) == nil)
        #expect(KeyEstimator().estimate(histogram: [1, 2, 3]) == nil)
    }

    @Test func transpositionMovesTheKey() throws {
        // Correlations only rotate with the histogram, so transposing the notes transposes the key.
        let c = try #require(KeyEstimator(profile: .krumhanslKessler).estimate(try notes(cMajorScale)))
        let d = try #require(KeyEstimator(profile: .krumhanslKessler).estimate(try notes("D4 E4 F#4 G4 A4 B4 C#5 D5")))
        #expect(d.key == Key(.D))
        #expect(abs(c.correlation - d.correlation) < 1e-12)
    }

    @Test func chordsCountEveryTone() throws {
        // A C major chord of two beats and a D of one: music21 says C major, 0.8957659086207186.
        let weighted: [(pitch: Pitch, length: Double)] = [
            (Pitch("C4"), 2), (Pitch("E4"), 2), (Pitch("G4"), 2), (Pitch("D4"), 1),
        ]
        let estimate = try #require(KeyEstimator().estimate(weighted))
        #expect(estimate.key == .cMajor)
        #expect(abs(estimate.correlation - 0.8957659086207186) < 1e-12)
        #expect(estimate.alternatives.prefix(3).map(\.key) == [.aMinor, Key(.G), Key(.D, .minor)])
    }

    @Test func profilesByName() {
        #expect(KeyProfile(name: "aarden") == .aardenEssen)
        #expect(KeyProfile(name: "Krumhansl") == .krumhanslKessler)
        #expect(KeyProfile(name: "temperley") == .temperleyKostkaPayne)
        #expect(KeyProfile(name: "bellman") == .bellmanBudge)
        #expect(KeyProfile(name: "nonsense") == nil)
        #expect(KeyProfile.default == .aardenEssen)
        #expect(KeyProfile.allCases.allSatisfy { $0.major.count == 12 && $0.minor.count == 12 })
    }
}
