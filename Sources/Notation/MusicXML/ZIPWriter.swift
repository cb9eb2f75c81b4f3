import CZlib
import Foundation

/// Writes a ZIP archive (PKWARE APPNOTE 6.3: local headers, data, central directory, end
/// record) with each entry stored or raw-deflated by zlib: exactly what a compressed MusicXML
/// (`.mxl`) file needs, and the writing half of ``ZIPDirectory``.
///
/// Entries are small (a score of a few megabytes at most), so the archive is built in memory.
/// No ZIP64 records: an entry or archive beyond 4 GiB is refused with an error rather than
/// written wrong. Timestamps are fixed at 1980-01-01 00:00 (the earliest DOS date), so the
/// same score always gives the same bytes.
struct ZIPWriter {
    /// One file inside the archive.
    struct Entry {
        /// The path inside the archive, `/`-separated.
        var path: String
        /// The uncompressed bytes.
        var data: Data
        /// Deflate the bytes (`false` stores them as they are, as an `.mxl`'s `mimetype` must be).
        var compress: Bool
    }

    /// The archive's bytes.
    ///
    /// - Throws: ``MusicXMLError/Problem/unwritable(_:)`` when an entry is too large for a ZIP
    ///   archive without ZIP64, or zlib fails.
    static func archive(_ entries: [Entry], file: String = "<mxl>") throws(MusicXMLError) -> Data {
        var out = [UInt8]()
        var central = [UInt8]()
        for entry in entries {
            let name = Array(entry.path.utf8)
            let raw = [UInt8](entry.data)
            guard raw.count < Int(UInt32.max), out.count < Int(UInt32.max),
                  name.count <= Int(UInt16.max), entries.count <= Int(UInt16.max) else {
                throw MusicXMLError(file: file, problem: .unwritable("\(entry.path) is too large for a ZIP archive"))
            }
            let stored = entry.compress ? try deflate(raw, file: file) : raw
            let method: UInt16 = entry.compress ? 8 : 0
            let crc = crc32(of: raw)
            let localOffset = UInt32(out.count)
            // Local file header.
            out.append(littleEndian: UInt32(0x0403_4B50))
            out.append(littleEndian: UInt16(20))          // version needed: 2.0 (deflate)
            out.append(littleEndian: UInt16(0x0800))      // flags: names are UTF-8
            out.append(littleEndian: method)
            out.append(littleEndian: UInt16(0))           // time 00:00
            out.append(littleEndian: UInt16(0x0021))      // date 1980-01-01
            out.append(littleEndian: crc)
            out.append(littleEndian: UInt32(stored.count))
            out.append(littleEndian: UInt32(raw.count))
            out.append(littleEndian: UInt16(name.count))
            out.append(littleEndian: UInt16(0))           // extra field length
            out += name
            out += stored
            // Its central directory record.
            central.append(littleEndian: UInt32(0x0201_4B50))
            central.append(littleEndian: UInt16(0x0314))  // made by: Unix, 2.0
            central.append(littleEndian: UInt16(20))
            central.append(littleEndian: UInt16(0x0800))
            central.append(littleEndian: method)
            central.append(littleEndian: UInt16(0))
            central.append(littleEndian: UInt16(0x0021))
            central.append(littleEndian: crc)
            central.append(littleEndian: UInt32(stored.count))
            central.append(littleEndian: UInt32(raw.count))
            central.append(littleEndian: UInt16(name.count))
            central.append(littleEndian: UInt16(0))       // extra field length
            central.append(littleEndian: UInt16(0))       // comment length
            central.append(littleEndian: UInt16(0))       // disk number
            central.append(littleEndian: UInt16(0))       // internal attributes
            central.append(littleEndian: UInt32(0o100644) << 16)  // external: regular file, rw-r--r--
            central.append(littleEndian: localOffset)
            central += name
        }
        guard out.count + central.count < Int(UInt32.max) else {
            throw MusicXMLError(file: file, problem: .unwritable("the archive is too large for ZIP without ZIP64"))
        }
        let centralOffset = UInt32(out.count)
        out += central
        // End of central directory record.
        out.append(littleEndian: UInt32(0x0605_4B50))
        out.append(littleEndian: UInt16(0))               // this disk
        out.append(littleEndian: UInt16(0))               // disk with the directory
        out.append(littleEndian: UInt16(entries.count))
        out.append(littleEndian: UInt16(entries.count))
        out.append(littleEndian: UInt32(central.count))
        out.append(littleEndian: centralOffset)
        out.append(littleEndian: UInt16(0))               // comment length
        return Data(out)
    }

    /// The CRC-32 that ZIP records for the uncompressed bytes (zlib's `crc32`).
    static func crc32(of bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            // zlib takes a UInt32 length; feed it in pieces so any size is safe.
            var crc = CZlib.crc32(0, nil, 0)
            var start = 0
            while start < buffer.count {
                let count = min(buffer.count - start, 1 << 30)
                crc = CZlib.crc32(crc, buffer.baseAddress! + start, UInt32(count))
                start += count
            }
            return UInt32(crc)
        }
    }

    /// Raw deflate (no zlib header), the form ZIP's method 8 stores.
    private static func deflate(_ bytes: [UInt8], file: String) throws(MusicXMLError) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                             ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw MusicXMLError(file: file, problem: .unwritable("zlib cannot start deflating"))
        }
        defer { deflateEnd(&stream) }
        var input = bytes
        var result = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))))
        let status = input.withUnsafeMutableBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        // deflateBound guarantees one Z_FINISH call suffices; anything else is zlib failing.
        guard status == Z_STREAM_END else {
            throw MusicXMLError(file: file, problem: .unwritable("zlib deflate failed with status \(status)"))
        }
        result.removeLast(result.count - Int(stream.total_out))
        return result
    }
}

private extension Array where Element == UInt8 {
    mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
