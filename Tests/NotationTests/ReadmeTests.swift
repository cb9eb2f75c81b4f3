import Foundation
import Testing
import Notation
import TestSupport

/// Keeps the README honest: its Swift tour is copied verbatim below (between the markers) and
/// run, and a test checks the README still holds exactly that code.
@Suite struct ReadmeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func tourRunsAndGivesWhatItsCommentsSay() throws {
        // The tour names its files as a reader would: relative to the package root, and in
        // /tmp. Tests run in parallel, so this one neither changes the process's working
        // directory nor writes to a fixed path: this local function, which shadows
        // `URL(fileURLWithPath:)` in the tour below, resolves relative paths against the
        // package root and puts what goes to /tmp into a directory of the test's own.
        let output = try TemporaryDirectory.make("readme")
        defer { TemporaryDirectory.remove(output) }
        func URL(fileURLWithPath path: String) -> Foundation.URL {
            if path.hasPrefix("/tmp/") { return output.appendingPathComponent(String(path.dropFirst("/tmp/".count))) }
            if path.hasPrefix("/") { return Foundation.URL(fileURLWithPath: path) }
            return ReadmeTests.root.appendingPathComponent(path)
        }
        // README-BEGIN
        let e4: Pitch = "E4"                                    // pitches, intervals and keys are literals
        let gSharp = try e4.transposed(by: "M3")                // G#4, spelled by letter
        let fifth = Interval(from: "C4", to: "G4")              // P5
        let triplet = Duration(.eighth, tuplets: [.triplet])    // exactly 1/3 of a quarter, "eighth 3:2"
        let tied = Duration.decompose(Rational(5, 4))           // quarter + 16th, to be tied

        let chord = Chord(["C4", "D#4", "G4", "A#4"])
        let name = chord.quality?.name                          // "minor seventh chord", root C4

        let score = try Score.read(contentsOf: URL(fileURLWithPath: "Corpus/exercises/exercise-06.musicxml"))
        let key = score.estimatedKey()?.key                     // Eb major (Krumhansl–Schmuckler, Aarden–Essen)
        let inC = try score.transposed(to: "C major")           // minor pieces go to A minor
        let piano = inC.parts[0].splitIntoStaves()              // treble + bass (kept if already two staves)
        let slices = inC.chordified()                           // vertical sonorities with exact offsets
        let numeral = try RomanNumeral("V7", in: "C major")       // G4 B4 D5 F5; RomanNumeral(chord:in:) names a chord
        let analysis = try HarmonicAnalysis(score, key: .local)   // Roman numerals, local keys, parallel fifths, cadences
        try inC.write(to: URL(fileURLWithPath: "/tmp/in-c.musicxml"))  // or .mxl, .mid
        // README-END

        #expect(gSharp.name == "G#4")
        #expect(fifth.name == "P5")
        #expect(triplet.quarterLength == Rational(1, 3))
        #expect(triplet.label == "eighth 3:2")
        #expect(tied.map(\.label) == ["quarter", "16th"])
        #expect(name == "minor seventh chord")
        #expect(chord.root == (Pitch("C4")))
        #expect(key == Key(.E, alter: -1, .major))
        #expect(inC.estimatedKey()?.key == .cMajor)
        #expect(piano.staves.count == 2)
        #expect(slices.reduce(Rational.zero) { $0 + $1.length } == score.length)
        #expect(numeral.pitches.map(\.name) == ["G4", "B4", "D5", "F5"])
        #expect(analysis.slices.contains { $0.roman != nil } && analysis.keyRegions.first?.key == key)
        let written = output.appendingPathComponent("in-c.musicxml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["in-c.musicxml"])
        let back = try Score.read(contentsOf: written)
        #expect(back.notesAndChords.count == inC.notesAndChords.count)
    }

    @Test func readmeHoldsTheTestedTour() throws {
        let readme = try String(contentsOf: ReadmeTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        func normalised(_ lines: some Sequence<Substring>) -> [String] {
            lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let begin = try #require(source.range(of: "// README-" + "BEGIN\n"))
        let end = try #require(source.range(of: "// README-" + "END"))
        let tested = normalised(source[begin.upperBound..<end.lowerBound].split(separator: "\n"))
        let block = try #require(readme.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "```").first)
        let shown = normalised(block.split(separator: "\n")).filter { $0 != "import Notation" }
        #expect(shown == tested)
    }
}
