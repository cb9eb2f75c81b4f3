import Foundation
import Testing
@testable import Notation

/// Import → export → import gives an equal ``Score`` for every shared MusicXML file, and every
/// export validates against the MusicXML 4.0 XSD.
@Suite("MusicXML round trip", .enabled(if: MusicXMLTestData.available, "../shared/musicxml is absent"))
struct MusicXMLRoundTripTests {
    static var files: [URL] {
        (MusicXMLTestData.musicXMLFiles(in: MusicXMLTestData.testsuite) + MusicXMLTestData.musicXMLFiles(in: MusicXMLTestData.corpus))
            .filter { !$0.lastPathComponent.hasPrefix("32ad-") }   // not well-formed XML
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

    @Test("import, export, import: equal scores; exports validate")
    func roundTrip() throws {
        let reader = MusicXMLReader()
        let writer = MusicXMLWriter()
        let directory = try MusicXMLTestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var exported: [URL] = []
        var unequal: [String] = []
        for (index, file) in Self.files.enumerated() {
            let score = try reader.read(contentsOf: file)
            let out = directory.appendingPathComponent("\(index)-\(file.deletingPathExtension().lastPathComponent).musicxml")
            try writer.write(score, to: out)
            exported.append(out)
            let back = try reader.read(contentsOf: out)
            if back != score { unequal.append(file.lastPathComponent + ": " + Self.firstDifference(score, back)) }
        }
        #expect(unequal.isEmpty, "round trip changed: \(unequal.prefix(20))")
        guard MusicXMLTestData.xmllintAvailable else { return }
        // One xmllint run over every export: the schema is parsed once.
        let result = try MusicXMLTestData.validate(files: exported)
        let failures = result.output.split(separator: "\n").filter { !$0.hasSuffix(" validates") }
        #expect(result.status == 0 && failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }
}
