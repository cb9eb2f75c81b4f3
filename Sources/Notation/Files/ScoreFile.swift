import Foundation

/// Errors from opening a music file by its extension.
public enum ScoreFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's extension names no format Recompose reads.
    case unsupportedFormat(path: String, extension: String)

    public var description: String {
        switch self {
        case .unsupportedFormat(let path, let ext):
            return "\(path): unsupported format '.\(ext)' (expected .musicxml, .xml, .mxl, .mid or .midi)"
        }
    }
}

extension Score {
    /// Reads a score from a file, choosing the reader by extension: `.musicxml`, `.xml` and
    /// `.mxl` with ``MusicXMLReader``; `.mid` and `.midi` with ``MIDIReader``, quantized with
    /// ``Quantizer``'s default options.
    ///
    /// - Throws: ``ScoreFileError/unsupportedFormat(path:extension:)`` for other extensions, and
    ///   the reader's errors (``MusicXMLError``, ``MIDIError``).
    public static func read(contentsOf url: URL) throws -> Score {
        let ext = url.pathExtension.lowercased()
        switch ext {
        case "musicxml", "xml", "mxl":
            return try MusicXMLReader().read(contentsOf: url)
        case "mid", "midi":
            let file = try MIDIReader().read(contentsOf: url)
            return try Quantizer().score(from: file).score
        default:
            throw ScoreFileError.unsupportedFormat(path: url.path, extension: ext)
        }
    }
}

extension Score {
    /// Writes the score to a file in the format its extension names: `.musicxml` or `.xml`
    /// (MusicXML 4.0), `.mxl` (compressed MusicXML), `.mid` or `.midi` (Standard MIDI File,
    /// format 1). The file is written to a temporary name and renamed, so a failure never
    /// leaves half a file.
    ///
    /// - Throws: ``ScoreFileError/unsupportedFormat(path:extension:)``, ``MusicXMLError``,
    ///   ``MIDIError``.
    public func write(to url: URL) throws {
        let ext = url.pathExtension.lowercased()
        switch ext {
        case "musicxml", "xml", "mxl":
            try MusicXMLWriter().write(self, to: url)
        case "mid", "midi":
            try MIDIWriter().write(self, to: url)
        default:
            throw ScoreFileError.unsupportedFormat(path: url.path, extension: ext)
        }
    }
}
