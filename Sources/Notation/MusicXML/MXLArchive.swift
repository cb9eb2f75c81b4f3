import Foundation

/// A compressed MusicXML file (`.mxl`): a ZIP archive whose `META-INF/container.xml` names
/// the root score file.
enum MXLArchive {
    /// Whether the bytes start like a ZIP archive.
    static func isArchive(_ data: Data) -> Bool {
        data.count >= 4 && data.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04])
    }

    /// The root score document inside an `.mxl` archive.
    ///
    /// The archive is read by our own ``ZIPDirectory`` and inflated by zlib over exactly each
    /// entry's bytes. (ZIPFoundation, used before, trapped on damaged archives — its in-memory
    /// file computed a negative read size when offsets pointed past the end — and looped for
    /// ever on cut deflate streams; both found by the MusicXML fuzz target,
    /// Fuzz/FuzzMusicXML.swift.) Writing goes through ``ZIPWriter``.
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
        try ZIPWriter.archive(entries.map { ZIPWriter.Entry(path: $0.path, data: $0.data, compress: $0.compress) })
    }
}
