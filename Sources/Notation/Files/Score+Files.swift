import Foundation

extension Score {
    /// Reads a score from a file, choosing the format by extension (see ``ScoreFormat``):
    /// `.musicxml`, `.xml` and `.mxl` with ``MusicXMLReader``; `.mid` and `.midi` with
    /// ``MIDIReader``, quantized with ``Quantizer``'s default options.
    ///
    /// This reads leniently and drops the warnings: ``read(contentsOf:options:)`` gives them and
    /// can refuse a damaged file.
    ///
    /// - Throws: ``NotationError/Code/unsupportedFormat`` for other extensions, and the
    ///   reader's errors (``MusicXMLError``, ``MIDIError``).
    public static func read(contentsOf url: URL) throws -> Score {
        try ScoreFormat.forFile(url).read(contentsOf: url).score
    }

    /// Reads a score from a file with its reader's warnings, treating damage as `options` say.
    ///
    /// ```swift
    /// let reading = try Score.read(contentsOf: url, options: .lenient)
    /// for warning in reading.warnings { print(warning) }   // "cut.mid: corrupt at byte 4103 (track 1): …"
    /// ```
    ///
    /// A damaged file (``DamagedFileError/isDamage(_:)``: a MIDI track cut short or a malformed
    /// chunk) is thrown in ``ScoreReadOptions/Strictness-swift.enum/strict`` mode; in
    /// ``ScoreReadOptions/Strictness-swift.enum/lenient`` mode the music before the damage is
    /// returned with the problems as warnings, unless no note at all survived.
    ///
    /// - Throws: ``DamagedFileError``, ``NotationError/Code/unsupportedFormat``, and the reader's
    ///   errors (``MusicXMLError``, ``MIDIError``).
    public static func read(contentsOf url: URL, options: ScoreReadOptions) throws -> ScoreReading<any Error> {
        let reading = try ScoreFormat.forFile(url).read(contentsOf: url)
        guard reading.warnings.contains(where: DamagedFileError.isDamage) else { return reading }
        let notes = reading.score.notesAndChords.reduce(0) { $0 + $1.event.pitches.count }
        if options.strictness == .strict || notes == 0 {
            throw DamagedFileError(file: url.path, problems: reading.warnings, notesRecovered: notes)
        }
        return reading
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
