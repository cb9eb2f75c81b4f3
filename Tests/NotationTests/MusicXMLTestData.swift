import Foundation
import Notation

/// Where the shared MusicXML test data lives (`../shared/` beside the package), and helpers.
enum MusicXMLTestData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let testsuite = shared.appendingPathComponent("musicxml/testsuite")
    static let corpus = shared.appendingPathComponent("corpus/music21")
    static let schema = shared.appendingPathComponent("musicxml/schema")

    /// Whether ../shared/musicxml is present (tests needing it skip otherwise).
    static let available = FileManager.default.fileExists(atPath: testsuite.path)
    static let corpusAvailable = FileManager.default.fileExists(atPath: corpus.path)
    static let xmllintAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")

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

    /// Runs xmllint against the MusicXML 4.0 XSD offline; returns its exit status and output.
    static func validate(_ file: URL) throws -> (status: Int32, output: String) {
        try validate(files: [file])
    }

    /// Validates several files in one xmllint run.
    static func validate(files: [URL]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--nonet", "--noout", "--schema", schema.appendingPathComponent("musicxml.xsd").path] + files.map(\.path)
        var environment = ProcessInfo.processInfo.environment
        environment["XML_CATALOG_FILES"] = schema.appendingPathComponent("catalog.xml").path
        process.environment = environment
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-mx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

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
