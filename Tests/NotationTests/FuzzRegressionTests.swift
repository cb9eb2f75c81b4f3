import Foundation
import Testing
import Notation

/// Inputs the fuzz targets (Fuzz/, Scripts/fuzz.sh) found crashing, rebuilt by hand so no
/// shared file is copied: each must now give a typed error or a score, never a trap.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let note = "<note><pitch><step>C</step><octave>4</octave></pitch><duration>1</duration><type>quarter</type></note>"

    /// A small but real `.mxl` archive (container plus compressed score).
    static func archive() throws -> Data {
        let xml = MusicXMLTestData.document(String(repeating: note, count: 8))
        return try MusicXMLWriter().compressedData(for: try MusicXMLReader().read(data: xml))
    }

    @Test(".mxl with bytes erased from the middle: ZIPFoundation's in-memory reader trapped on offsets past the end")
    func erasedArchive() throws {
        // The fuzzer's crash: bytes erased inside the compressed entry, so the local header
        // declares more compressed data than the archive holds and the central directory's
        // offsets point past the end. ZIPFoundation's `Archive(data:)` then computed a negative
        // read size ("Range requires lowerBound <= upperBound"); the reader now parses the
        // archive itself (ZIPDirectory), checking every offset against the bytes.
        let whole = try Self.archive()
        #expect(throws: Never.self) { try MusicXMLReader().read(data: whole) }
        var refused = 0
        for start in stride(from: 30, to: whole.count - 40, by: 11) {
            for length in [1, 17, 200] where start + length < whole.count - 22 {
                var damaged = whole
                damaged.removeSubrange(start..<(start + length))
                do {
                    _ = try MusicXMLReader().read(data: damaged, fileName: "erased.mxl")
                } catch {
                    #expect(error.file == "erased.mxl")
                    refused += 1
                }
            }
        }
        #expect(refused > 0)
    }

    @Test(".mxl whose central directory points past the end of the data")
    func offsetsPastEnd() throws {
        var data = try Self.archive()
        // The end-of-central-directory record is the last 22 bytes (no comment); its last
        // fields are the directory's size and offset.
        let eocd = data.count - 22
        #expect(data[eocd] == 0x50 && data[eocd + 1] == 0x4B && data[eocd + 2] == 0x05 && data[eocd + 3] == 0x06)
        for (k, byte) in [UInt8(0xF0), 0xFF, 0x7F, 0x00].enumerated() { data[eocd + 16 + k] = byte }
        #expect(throws: MusicXMLError.self) { try MusicXMLReader().read(data: data, fileName: "past-end.mxl") }
    }

    @Test(".mxl whose entries declare gigabytes of compressed data: refused at once, not read for ever")
    func hugeCompressedSize() throws {
        var data = try Self.archive()
        // Every central directory header ("PK\u{1}\u{2}") gets a compressed size of 3 GB at
        // byte 20, as in the fuzzer's hang. There the deflate stream was also damaged, so
        // ZIPFoundation read empty chunks at the end of the file until it had counted 3 GB;
        // here the stream is intact (the old code read it), and the size alone must be refused.
        var patched = 0
        var at = 0
        while at + 46 <= data.count {
            if data[at] == 0x50, data[at + 1] == 0x4B, data[at + 2] == 0x01, data[at + 3] == 0x02 {
                for (k, byte) in [UInt8(0xFF), 0xFF, 0x70, 0xC2].enumerated() { data[at + 20 + k] = byte }
                patched += 1
            }
            at += 1
        }
        #expect(patched >= 2)
        #expect {
            try MusicXMLReader().read(data: data, fileName: "huge.mxl")
        } throws: { error in
            guard let error = error as? MusicXMLError, case .invalidArchive(let why) = error.problem else { return false }
            return why.contains("compressed bytes")
        }
    }

    @Test(".mxl whose deflate stream is cut short: an archive error, not an endless read")
    func truncatedDeflateStream() throws {
        // The fuzzer's second hang: ZIPFoundation's inflate loop read empty chunks at the end
        // of the file for ever when the deflate stream wanted more input. Here each entry's
        // declared compressed size (local header byte 18, central directory byte 20) shrinks
        // by 8 for every deflated entry, so its stream ends past the bytes the entry owns.
        var data = try Self.archive()
        var patched = 0
        var at = 0
        while at + 30 <= data.count {
            let signature = (data[at], data[at + 1], data[at + 2], data[at + 3])
            let local = signature == (0x50, 0x4B, 0x03, 0x04), central = signature == (0x50, 0x4B, 0x01, 0x02)
            // Only deflated entries (method 8, at byte 8 or 10): a stored one just gets shorter.
            let field: Int? = local && data[at + 8] == 8 ? 18 : central && data[at + 10] == 8 ? 20 : nil
            if let field {
                let size = Int(data[at + field]) | Int(data[at + field + 1]) << 8 | Int(data[at + field + 2]) << 16
                    | Int(data[at + field + 3]) << 24
                let smaller = size - 8
                for k in 0..<4 { data[at + field + k] = UInt8(truncatingIfNeeded: smaller >> (8 * k)) }
                patched += 1
            }
            at += 1
        }
        #expect(patched >= 2)
        #expect {
            try MusicXMLReader().read(data: data, fileName: "cut-stream.mxl")
        } throws: { error in
            guard let error = error as? MusicXMLError, case .invalidArchive = error.problem else { return false }
            return error.file == "cut-stream.mxl"
        }
    }
}
