import Foundation
import Testing
@testable import Notation
import TestSupport

/// Import → export → import gives an equal ``Score`` for every shared MusicXML file (the test
/// suite and music21's corpus), and every export validates against the MusicXML 4.0 XSD. Each
/// folder, and the validation, is a test of its own that runs only where its data and xmllint
/// are, and is reported as skipped elsewhere.
@Suite("MusicXML round trip")
struct MusicXMLRoundTripTests {
    static func files(in folder: URL) -> [URL] {
        MusicXMLTestData.musicXMLFiles(in: folder).filter { !$0.lastPathComponent.hasPrefix("32ad-") }   // not well-formed XML
    }

    /// Where two scores first differ, for the failure message.
    static func firstDifference(_ a: Score, _ b: Score) -> String {
        if a.metadata != b.metadata { return "metadata \(a.metadata) vs \(b.metadata)" }
        guard a.parts.count == b.parts.count else { return "part count" }
        for (p, (x, y)) in zip(a.parts, b.parts).enumerated() where x != y {
            if x.id != y.id || x.name != y.name || x.abbreviation != y.abbreviation || x.instrument != y.instrument {
                return "part \(p) header: \(x.name ?? "-")/\(x.instrument) vs \(y.name ?? "-")/\(y.instrument)"
            }
            guard x.staves.count == y.staves.count else { return "part \(p) staff count" }
            for (s, (sx, sy)) in zip(x.staves, y.staves).enumerated() where sx != sy {
                if sx.clef != sy.clef { return "part \(p) staff \(s) clef" }
                guard sx.measures.count == sy.measures.count else { return "part \(p) staff \(s) measure count" }
                for (m, (mx, my)) in zip(sx.measures, sy.measures).enumerated() where mx != my {
                    return "part \(p) staff \(s) measure \(m): \(mx) vs \(my)"
                }
            }
        }
        return "?"
    }

    /// Reads every file of `folder` and writes it to `directory`; returns the exports and, when
    /// `readBack`, the files whose export reads back as a different score.
    static func export(_ folder: URL, to directory: URL, readBack: Bool) throws -> (exported: [URL], unequal: [String]) {
        let reader = MusicXMLReader()
        let writer = MusicXMLWriter()
        var exported: [URL] = []
        var unequal: [String] = []
        for (index, file) in files(in: folder).enumerated() {
            let score = try reader.read(contentsOf: file)
            let out = directory.appendingPathComponent("\(index)-\(file.deletingPathExtension().lastPathComponent).musicxml")
            try writer.write(score, to: out)
            exported.append(out)
            guard readBack else { continue }
            let back = try reader.read(contentsOf: out)
            // Measures read without beams are written with beams from their meter.
            let expected = score.withMissingBeams()
            if back != expected { unequal.append(file.lastPathComponent + ": " + Self.firstDifference(expected, back)) }
        }
        return (exported, unequal)
    }

    /// Import, export, import: the same score.
    func checkRoundTrip(_ folder: URL, atLeast minimum: Int) throws {
        let directory = try TemporaryDirectory.make("round-trip")
        defer { TemporaryDirectory.remove(directory) }
        let (exported, unequal) = try Self.export(folder, to: directory, readBack: true)
        #expect(exported.count >= minimum)
        #expect(unequal.isEmpty, "round trip changed: \(unequal.prefix(20))")
    }

    /// Every export validates against the XSD, in one xmllint run (the schema is parsed once).
    func checkValidation(_ folder: URL, atLeast minimum: Int) throws {
        let directory = try TemporaryDirectory.make("round-trip-xsd")
        defer { TemporaryDirectory.remove(directory) }
        let (exported, _) = try Self.export(folder, to: directory, readBack: false)
        #expect(exported.count >= minimum)
        let result = try MusicXMLSchema.validate(exported)
        let failures = result.output.split(separator: "\n").filter { !$0.hasSuffix(" validates") }
        #expect(result.status == 0 && failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test("the test suite: import, export, import gives equal scores", .requires(shared: SharedData.testSuite))
    func testSuiteRoundTrip() throws {
        try checkRoundTrip(MusicXMLTestData.testsuite, atLeast: 140)
    }

    @Test("music21's corpus: import, export, import gives equal scores", .requires(shared: SharedData.music21))
    func corpusRoundTrip() throws {
        try checkRoundTrip(MusicXMLTestData.corpus, atLeast: 450)
    }

    @Test("the test suite's exports validate against the MusicXML 4.0 XSD",
          .requires(shared: SharedData.testSuite), .requires(shared: SharedData.schema),
          .requires(program: "xmllint", package: "libxml2-utils"))
    func testSuiteExportsValidate() throws {
        try checkValidation(MusicXMLTestData.testsuite, atLeast: 140)
    }

    @Test("music21's corpus exports validate against the MusicXML 4.0 XSD",
          .requires(shared: SharedData.music21), .requires(shared: SharedData.schema),
          .requires(program: "xmllint", package: "libxml2-utils"))
    func corpusExportsValidate() throws {
        try checkValidation(MusicXMLTestData.corpus, atLeast: 450)
    }
}
