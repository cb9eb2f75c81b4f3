import Foundation
import ZIPFoundation

/// A compressed MusicXML file (`.mxl`): a ZIP archive whose `META-INF/container.xml` names
/// the root score file.
enum MXLArchive {
    /// Whether the bytes start like a ZIP archive.
    static func isArchive(_ data: Data) -> Bool {
        data.count >= 4 && data.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04])
    }

    /// The root score document inside an `.mxl` archive.
    ///
    /// The bytes are read through a temporary file, not ZIPFoundation's in-memory archive:
    /// that one traps (a negative range in `MemoryFile.readData`) when a damaged archive's
    /// offsets point past the end of the data, while the file-backed reader just sees a short
    /// read. Found by the MusicXML fuzz target (Fuzz/FuzzMusicXML.swift).
    static func rootDocument(in data: Data, file: String, maximumSize: Int = 512 * 1024 * 1024) throws(MusicXMLError) -> Data {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("recompose-mxl-\(UUID().uuidString).zip")
        do {
            try data.write(to: temporary)
        } catch {
            throw MusicXMLError(file: file, problem: .io("cannot stage the archive in a temporary file: \(error.localizedDescription)"))
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        let archive: Archive
        do {
            archive = try Archive(url: temporary, accessMode: .read)
        } catch {
            throw MusicXMLError(file: file, problem: .invalidArchive("\(error)"))
        }
        var rootPath: String?
        if let entry = archive["META-INF/container.xml"] {
            let container = try extract(entry, from: archive, file: file, maximumSize: maximumSize, archiveSize: data.count)
            rootPath = try rootFilePath(container: container, file: file + "#META-INF/container.xml")
        }
        if rootPath == nil {
            // Some writers omit the container; take the first XML file outside META-INF.
            rootPath = archive.first { entry in
                entry.type == .file && !entry.path.hasPrefix("META-INF/")
                    && (entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".musicxml"))
            }?.path
        }
        guard let rootPath, let entry = archive[rootPath] else {
            throw MusicXMLError(file: file, problem: .invalidArchive("no root file found"))
        }
        return try extract(entry, from: archive, file: file, maximumSize: maximumSize, archiveSize: data.count)
    }

    private static func extract(_ entry: Entry, from archive: Archive, file: String, maximumSize: Int,
                                archiveSize: Int) throws(MusicXMLError) -> Data {
        // An entry cannot hold more compressed bytes than the whole archive. ZIPFoundation
        // trusts the declared size and keeps reading empty chunks at the end of the file until
        // it has counted that many bytes — gigabytes for a damaged header, so effectively a
        // hang (found by the MusicXML fuzz target).
        guard entry.compressedSize >= 0, entry.compressedSize <= Int64(archiveSize) else {
            throw MusicXMLError(file: file, problem: .invalidArchive(
                "\(entry.path) declares \(entry.compressedSize) compressed bytes in a \(archiveSize)-byte archive"))
        }
        // A declared size far beyond any real score is a zip bomb, not music.
        guard entry.uncompressedSize >= 0, entry.uncompressedSize <= Int64(maximumSize) else {
            throw MusicXMLError(file: file, problem: .limitExceeded("\(entry.path) inflates to \(entry.uncompressedSize) bytes, more than the limit of \(maximumSize)"))
        }
        var result = Data()
        result.reserveCapacity(Int(entry.uncompressedSize))
        // The declared size may lie; the inflated bytes are counted as they come.
        struct TooLarge: Error {}
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                guard result.count + chunk.count <= maximumSize else { throw TooLarge() }
                result.append(chunk)
            }
        } catch is TooLarge {
            throw MusicXMLError(file: file, problem: .limitExceeded("\(entry.path) inflates to more than the limit of \(maximumSize) bytes"))
        } catch {
            throw MusicXMLError(file: file, problem: .invalidArchive("cannot inflate \(entry.path): \(error)"))
        }
        return result
    }

    /// The `full-path` of the first `<rootfile>` whose media type is MusicXML (or unstated).
    private static func rootFilePath(container: Data, file: String) throws(MusicXMLError) -> String? {
        let stream = try XMLStream(data: container, file: file)
        var found: String?
        while try stream.advance() != .eof {
            guard stream.kind == .start, stream.name == "rootfile", found == nil else { continue }
            let media = stream.attribute("media-type")
            if media == nil || media == "application/vnd.recordare.musicxml+xml" || media == "application/vnd.recordare.musicxml" {
                found = stream.attribute("full-path")
            }
        }
        return found
    }
}

extension MXLArchive {
    /// A ZIP archive of the entries, in order (`compress` false stores the bytes as they are,
    /// as the `mimetype` entry must be).
    static func make(entries: [(path: String, data: Data, compress: Bool)]) throws(MusicXMLError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for entry in entries {
                let bytes = entry.data
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count),
                                     compressionMethod: entry.compress ? .deflate : .none) { position, size in
                    let start = Int(position)
                    return bytes.subdata(in: start..<min(bytes.count, start + size))
                }
            }
            guard let data = archive.data else { throw MusicXMLError(file: "<mxl>", problem: .io("archive has no data")) }
            return data
        } catch let error as MusicXMLError {
            throw error
        } catch {
            throw MusicXMLError(file: "<mxl>", problem: .io("cannot build .mxl archive: \(error)"))
        }
    }
}
