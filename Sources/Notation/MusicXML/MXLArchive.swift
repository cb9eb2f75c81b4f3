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
    /// The archive is read by ``ZIPDirectory`` rather than ZIPFoundation's `Archive`: on damaged
    /// archives that one traps (its in-memory file computes a negative read size when offsets
    /// point past the end) or loops for ever (its inflate loop keeps reading empty chunks at the
    /// end of the file while the deflate stream wants more). Both were found by the MusicXML
    /// fuzz target (Fuzz/FuzzMusicXML.swift). Only ZIPFoundation's inflate is used, fed from a
    /// bounded slice that throws once it is used up.
    static func rootDocument(in data: Data, file: String, maximumSize: Int = 512 * 1024 * 1024) throws(MusicXMLError) -> Data {
        let bytes = [UInt8](data)
        let directory = try ZIPDirectory(bytes: bytes, file: file)
        var rootPath: String?
        if let entry = directory.entries.first(where: { $0.path == "META-INF/container.xml" }) {
            let container = try directory.extract(entry, maximumSize: maximumSize)
            rootPath = try rootFilePath(container: container, file: file + "#META-INF/container.xml")
        }
        if rootPath == nil {
            // Some writers omit the container; take the first XML file outside META-INF.
            rootPath = directory.entries.first { entry in
                !entry.path.hasSuffix("/") && !entry.path.hasPrefix("META-INF/")
                    && (entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".musicxml"))
            }?.path
        }
        guard let rootPath, let entry = directory.entries.first(where: { $0.path == rootPath }) else {
            throw MusicXMLError(file: file, problem: .invalidArchive("no root file found"))
        }
        return try directory.extract(entry, maximumSize: maximumSize)
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
