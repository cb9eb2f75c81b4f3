import Foundation

extension Score {
    /// Reads a score from a file, choosing the format by extension (see ``ScoreFormat``):
    /// `.musicxml`, `.xml` and `.mxl` with ``MusicXMLReader``; `.mid` and `.midi` with
    /// ``MIDIReader``, quantized with ``Quantizer``'s default options.
    ///
    /// The reader's warnings are not returned here; ``ScoreFormat/read(contentsOf:)`` gives them.
    ///
    /// - Throws: ``NotationError/Code/unsupportedFormat`` for other extensions, and the
    ///   reader's errors (``MusicXMLError``, ``MIDIError``).
    public static func read(contentsOf url: URL) throws -> Score {
        try ScoreFormat.forFile(url).read(contentsOf: url).score
    }

    /// Writes the score to a file in the format its extension names: `.musicxml` or `.xml`
    /// (MusicXML 4.0), `.mxl` (compressed MusicXML), `.mid` or `.midi` (Standard MIDI File,
    /// format 1). The file is written to a temporary name and renamed, so a failure never
    /// leaves half a file.
    ///
    /// - Throws: ``NotationError/Code/unsupportedFormat``, ``MusicXMLError``, ``MIDIError``.
    public func write(to url: URL) throws {
        try ScoreFormat.forFile(url).write(self, to: url)
    }
}
