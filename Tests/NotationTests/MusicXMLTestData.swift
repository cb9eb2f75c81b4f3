import Foundation
import Notation
import TestSupport

/// The shared MusicXML test data (found through ``SharedData``) and helpers for documents.
enum MusicXMLTestData {
    static let testsuite = SharedData.url(SharedData.testSuite)
    static let corpus = SharedData.url(SharedData.music21)

    static func suite(_ prefix: String) -> URL {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: testsuite.path)) ?? []
        let name = names.sorted().first { $0.hasPrefix(prefix + "-") } ?? prefix
        return testsuite.appendingPathComponent(name)
    }

    static func musicXMLFiles(in folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where ["xml", "mxl", "musicxml"].contains(url.pathExtension) {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }

    static func temporaryDirectory() throws -> URL { try TemporaryDirectory.make("mx") }

    /// A minimal partwise document around some measure content.
    static func document(divisions: String? = "1", _ measureContent: String, prolog: String = "") -> Data {
        let div = divisions.map { "<attributes><divisions>\($0)</divisions></attributes>" } ?? ""
        return Data("""
            <?xml version="1.0" encoding="UTF-8"?>\(prolog)
            <score-partwise version="4.0"><part-list><score-part id="P1"><part-name>X</part-name></score-part></part-list>
            <part id="P1"><measure number="1">\(div)\(measureContent)</measure></part></score-partwise>
            """.utf8)
    }
}
