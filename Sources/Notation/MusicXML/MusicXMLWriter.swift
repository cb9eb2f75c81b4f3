import Foundation

/// Writes a ``Score`` as MusicXML 4.0 score-partwise, plain (`.musicxml`, `.xml`) or
/// compressed (`.mxl`).
///
/// Divisions are the least common multiple of every offset's and length's denominator, so
/// every `<duration>` is a whole number. A part with several staves is one `<part>` with
/// `<staves>`, `<staff>` and `<backup>`; accidentals are printed where a reader of that key
/// and measure needs them. Writing never changes the score passed in, and a file is replaced
/// atomically (written beside it, then renamed).
///
/// ```swift
/// try MusicXMLWriter().write(score, to: URL(fileURLWithPath: "out.mxl"))
/// let text = try MusicXMLWriter().data(for: score)   // uncompressed XML bytes
/// ```
public struct MusicXMLWriter: ScoreWriter {
    /// Whether ``data(for:)`` gives a compressed `.mxl` archive rather than plain XML.
    public var compressed: Bool

    /// Creates a writer of plain XML (`compressed` false) or `.mxl` archives.
    public init(compressed: Bool = false) {
        self.compressed = compressed
    }

    /// Writes the score atomically. A `.mxl` name always gets an archive (plain XML under that
    /// name would be unreadable), holding `NAME.musicxml`; other names get ``data(for:)``.
    public func write(_ score: Score, to url: URL) throws(MusicXMLError) {
        let bytes: Data
        if compressed || url.pathExtension.lowercased() == "mxl" {
            bytes = try compressedData(for: score, rootName: url.deletingPathExtension().lastPathComponent + ".musicxml")
        } else {
            bytes = try xmlData(for: score)
        }
        do { try AtomicFile.write(bytes, to: url) } catch {
            throw MusicXMLError(file: url.path, problem: .io("cannot write"), cause: error)
        }
    }

    /// The score as the bytes of a file: uncompressed MusicXML (UTF-8), or a `.mxl` archive
    /// holding `score.musicxml` when ``compressed`` is set.
    public func data(for score: Score) throws(MusicXMLError) -> Data {
        compressed ? try compressedData(for: score) : try xmlData(for: score)
    }

    /// The score as uncompressed MusicXML bytes (UTF-8).
    public func xmlData(for score: Score) throws(MusicXMLError) -> Data {
        var writer = MusicXMLTextBuilder(score: score)
        return Data(try writer.build().utf8)
    }

    /// The score as a `.mxl` archive holding `rootName`.
    public func compressedData(for score: Score, rootName: String = "score.musicxml") throws(MusicXMLError) -> Data {
        let xml = try xmlData(for: score)
        let name = rootName.isEmpty || rootName.hasPrefix("META-INF") ? "score.musicxml" : rootName
        let container = """
            <?xml version="1.0" encoding="UTF-8"?>
            <container><rootfiles><rootfile full-path="\(MusicXMLTextBuilder.escape(name))" \
            media-type="application/vnd.recordare.musicxml+xml"/></rootfiles></container>

            """
        return try MXLArchive.make(entries: [
            ("mimetype", Data("application/vnd.recordare.musicxml".utf8), false),
            ("META-INF/container.xml", Data(container.utf8), true),
            (name, xml, true),
        ])
    }
}
