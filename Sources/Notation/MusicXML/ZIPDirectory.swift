import CZlib
import Foundation

/// A bounds-checked reader of a ZIP archive's central directory and entries, for `.mxl` files.
///
/// Every offset and size is checked against the bytes before use, so a damaged archive is a
/// ``MusicXMLError/Problem/invalidArchive(_:)``, never a trap or an endless read. Stored and
/// deflated entries are supported; ZIP64, encryption and other methods are refused (a MusicXML
/// score never needs them).
struct ZIPDirectory {
    /// One file in the archive, as the central directory describes it.
    struct Entry {
        var path: String
        var method: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
        var flags: Int
    }

    let bytes: [UInt8]
    let file: String
    private(set) var entries: [Entry] = []

    /// Reads the central directory.
    init(bytes: [UInt8], file: String) throws(MusicXMLError) {
        self.bytes = bytes
        self.file = file
        // The end record is in the last 22 + 65,535 bytes (its comment is at most that long).
        let count = bytes.count
        guard count >= 22 else { throw invalid("shorter than a ZIP end record") }
        var end = -1
        var at = count - 22
        while at >= max(0, count - 22 - 65_535) {
            if u32(at) == 0x0605_4B50 { end = at; break }
            at -= 1
        }
        guard end >= 0 else { throw invalid("no end of central directory record") }
        let total = u16(end + 10)
        let size = u32(end + 12)
        let offset = u32(end + 16)
        guard offset != 0xFFFF_FFFF, size != 0xFFFF_FFFF else { throw invalid("ZIP64 archives are not supported") }
        guard offset <= end, size <= end - offset else {
            throw invalid("central directory (offset \(offset), \(size) bytes) lies outside the archive")
        }
        var p = offset
        let limit = offset + size
        for _ in 0..<total {
            guard p + 46 <= limit, u32(p) == 0x0201_4B50 else { throw invalid("damaged central directory entry at byte \(p)") }
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            guard p + 46 + nameLength <= limit else { throw invalid("entry name at byte \(p) runs past the directory") }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            entries.append(Entry(path: name, method: u16(p + 10), compressedSize: u32(p + 20),
                                 uncompressedSize: u32(p + 24), localHeaderOffset: u32(p + 42), flags: u16(p + 8)))
            p += 46 + nameLength + extraLength + commentLength
        }
    }

    private func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }

    private func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

    private func invalid(_ why: String) -> MusicXMLError {
        MusicXMLError(file: file, problem: .invalidArchive(why))
    }

    /// The entry's bytes, inflated; more than `maximumSize` bytes is a `limitExceeded` error.
    func extract(_ entry: Entry, maximumSize: Int) throws(MusicXMLError) -> Data {
        guard entry.compressedSize != 0xFFFF_FFFF, entry.uncompressedSize != 0xFFFF_FFFF,
              entry.localHeaderOffset != 0xFFFF_FFFF else { throw invalid("\(entry.path): ZIP64 entries are not supported") }
        guard entry.flags & 1 == 0 else { throw invalid("\(entry.path) is encrypted") }
        guard entry.uncompressedSize <= maximumSize else {
            throw MusicXMLError(file: file, problem: .limitExceeded(
                "\(entry.path) inflates to \(entry.uncompressedSize) bytes, more than the limit of \(maximumSize)"))
        }
        let header = entry.localHeaderOffset
        guard header <= bytes.count - 30, u32(header) == 0x0403_4B50 else {
            throw invalid("\(entry.path): no local header at byte \(header)")
        }
        let start = header + 30 + u16(header + 26) + u16(header + 28)
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw invalid("\(entry.path): \(entry.compressedSize) compressed bytes at byte \(start) run past the end of the archive")
        }
        let compressed = bytes[start..<(start + entry.compressedSize)]
        switch entry.method {
        case 0:
            guard entry.compressedSize <= maximumSize else {
                throw MusicXMLError(file: file, problem: .limitExceeded(
                    "\(entry.path) holds \(entry.compressedSize) bytes, more than the limit of \(maximumSize)"))
            }
            return Data(compressed)
        case 8:
            return try inflate(compressed, path: entry.path, maximumSize: maximumSize)
        default:
            throw invalid("\(entry.path) uses compression method \(entry.method); only stored and deflate are supported")
        }
    }

    /// Raw deflate with zlib over exactly the entry's bytes, so a cut stream ends as an error
    /// instead of being completed from whatever memory follows (ZIPFoundation's inflate, used
    /// before, did that on Linux). Output beyond `maximumSize` is a
    /// `limitExceeded` error; a stream that ends early or is malformed is an archive error.
    private func inflate(_ compressed: ArraySlice<UInt8>, path: String, maximumSize: Int) throws(MusicXMLError) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw invalid("cannot start inflating \(path)")
        }
        defer { inflateEnd(&stream) }
        var result = [UInt8]()
        var output = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        var input = Array(compressed)
        let outcome: String? = input.withUnsafeMutableBufferPointer { source -> String? in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while true {
                let produced = output.withUnsafeMutableBufferPointer { target -> Int in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                if status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR {
                    return "cannot inflate \(path): zlib error \(status)"
                }
                guard result.count + produced <= maximumSize else { return "" }
                result.append(contentsOf: output[0..<produced])
                if status == Z_STREAM_END { return nil }
                // No progress possible: the input is used up (or zlib needs more) before the end.
                if produced == 0 && (stream.avail_in == 0 || status == Z_BUF_ERROR) {
                    return "\(path): the compressed data ends before the deflate stream does"
                }
            }
        }
        if let outcome {
            if outcome.isEmpty {
                throw MusicXMLError(file: file, problem: .limitExceeded("\(path) inflates to more than the limit of \(maximumSize) bytes"))
            }
            throw invalid(outcome)
        }
        return Data(result)
    }
}
