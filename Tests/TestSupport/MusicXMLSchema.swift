import Foundation

/// Validation against the official MusicXML 4.0 XSD in the shared data, offline: xmllint with
/// the schema's catalog, which maps the imported `xml.xsd` and `xlink.xsd` to local copies.
/// Tests that validate carry `.requires(shared: SharedData.schema)` and
/// `.requires(program: "xmllint", package: "libxml2-utils")`.
public enum MusicXMLSchema {
    /// The result of one xmllint run: its exit status and what it printed (a line
    /// "FILE validates" per valid file).
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
    }

    public enum Failure: Error { case xmllintNotFound }

    /// Validates `files` in one xmllint run, so the schema is parsed once.
    public static func validate(_ files: [URL]) throws -> Result {
        guard let xmllint = ExternalProgram.url("xmllint") else { throw Failure.xmllintNotFound }
        let schema = SharedData.url(SharedData.schema)
        let process = Process()
        process.executableURL = xmllint
        process.arguments = ["--nonet", "--noout", "--schema", schema.appendingPathComponent("musicxml.xsd").path] + files.map(\.path)
        var environment = ProcessInfo.processInfo.environment
        environment["XML_CATALOG_FILES"] = schema.appendingPathComponent("catalog.xml").path
        process.environment = environment
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        // Read to the end before waiting: a full pipe would otherwise block xmllint forever.
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
