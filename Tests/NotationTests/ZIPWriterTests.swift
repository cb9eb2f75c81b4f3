import Foundation
import Testing
@testable import Notation

/// Our ZIP writer, checked by an independent reader: Python's `zipfile`, which verifies every
/// entry's CRC-32 and sizes (`testzip`) and inflates with its own zlib binding.
@Suite("ZIPWriter")
struct ZIPWriterTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs Python's zipfile over the archive and returns, per entry, `name method size sha1`.
    static func listing(_ archive: Data) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-zip-\(UUID().uuidString).zip")
        try archive.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = ["-c", """
            import hashlib, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None, "bad CRC"
            for i in z.infolist():
                print(i.filename, i.compress_type, i.file_size, hashlib.sha1(z.read(i)).hexdigest())
            """, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return ["python failed with status \(process.terminationStatus)"] }
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("stored and deflated entries read back by Python's zipfile, CRCs checked",
          .enabled(if: python != nil, "no python3 at /usr/bin or /usr/local/bin"))
    func pythonReadsIt() throws {
        let text = Data(String(repeating: "<note><pitch><step>C</step></pitch></note>\n", count: 500).utf8)
        let empty = Data()
        let binary = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        let archive = try ZIPWriter.archive([
            .init(path: "mimetype", data: Data("application/vnd.recordare.musicxml".utf8), compress: false),
            .init(path: "META-INF/empty.xml", data: empty, compress: true),
            .init(path: "score.musicxml", data: text, compress: true),
            .init(path: "noise.bin", data: binary, compress: true),
        ])
        // testzip() checks each inflated entry against its CRC-32, and the CRC function is pinned
        // to the standard check value below, so Python inflating to other bytes would fail here.
        let lines = try Self.listing(archive)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("mimetype 0 34 "))
        #expect(lines[1].hasPrefix("META-INF/empty.xml 8 0 da39a3ee5e6b4b0d3255bfef95601890afd80709"))
        #expect(lines[2].hasPrefix("score.musicxml 8 \(text.count) "))
        #expect(lines[3].hasPrefix("noise.bin 8 4096 "))
        // Deflate made the repetitive text far smaller than it is.
        #expect(archive.count < text.count / 10 + 4096 + 400)
        // And our own reader gives back exactly the bytes.
        let directory = try ZIPDirectory(bytes: [UInt8](archive), file: "t.zip")
        #expect(directory.entries.map(\.path) == ["mimetype", "META-INF/empty.xml", "score.musicxml", "noise.bin"])
        #expect(try directory.extract(directory.entries[2], maximumSize: 1 << 20) == text)
        #expect(try directory.extract(directory.entries[3], maximumSize: 1 << 20) == binary)
    }

    @Test("the CRC-32 is the standard one (check value of \"123456789\" is CBF43926)")
    func crcCheckValue() {
        #expect(ZIPWriter.crc32(of: Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZIPWriter.crc32(of: []) == 0)
    }

    @Test("the same entries always give the same bytes (fixed timestamps)")
    func deterministic() throws {
        let a = try ZIPWriter.archive([.init(path: "a.xml", data: Data("x".utf8), compress: true)])
        let b = try ZIPWriter.archive([.init(path: "a.xml", data: Data("x".utf8), compress: true)])
        #expect(a == b)
    }
}
