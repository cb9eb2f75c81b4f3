import Foundation

/// A file format Recompose reads and writes, chosen by a file's extension: the registry behind
/// ``Score/read(contentsOf:)`` and ``Score/write(to:)``.
///
/// The built-in formats are ``musicXML`` (`.musicxml`, `.xml`), ``compressedMusicXML`` (`.mxl`)
/// and ``midi`` (`.mid`, `.midi`; read through ``Quantizer`` into notation). A format of your
/// own is a ``ScoreReader`` and a ``ScoreWriter`` under a name and its extensions:
///
/// ```swift
/// let format = try ScoreFormat.forFile(url)            // by extension
/// let reading = try format.read(contentsOf: url)       // score + warnings
/// try ScoreFormat.midi.write(reading.score, to: out)
/// ```
public struct ScoreFormat: Sendable, CustomStringConvertible {
    /// The format's name, e.g. `"MusicXML"`.
    public let name: String
    /// Lower-case file extensions without the dot, e.g. `["mid", "midi"]`.
    public let fileExtensions: [String]
    private let readData: @Sendable (Data, String) throws -> ScoreReading<any Error>
    private let readFile: @Sendable (URL) throws -> ScoreReading<any Error>
    private let encode: @Sendable (Score) throws -> Data
    private let writeFile: @Sendable (Score, URL) throws -> Void

    /// A format read by `reader` and written by `writer`.
    public init<Reader: ScoreReader, Writer: ScoreWriter>(name: String, fileExtensions: [String],
                                                          reader: Reader, writer: Writer) {
        self.name = name
        self.fileExtensions = fileExtensions.map { $0.lowercased() }
        readData = { data, fileName in ScoreFormat.erased(try reader.readScore(data: data, fileName: fileName)) }
        readFile = { url in ScoreFormat.erased(try reader.readScore(contentsOf: url)) }
        encode = { score in try writer.data(for: score) }
        writeFile = { score, url in try writer.write(score, to: url) }
    }

    /// MusicXML 4.0, uncompressed: `.musicxml`, `.xml`. Reads `.mxl` archives too (by content).
    public static let musicXML = ScoreFormat(name: "MusicXML", fileExtensions: ["musicxml", "xml"],
                                             reader: MusicXMLReader(), writer: MusicXMLWriter())
    /// Compressed MusicXML, a ZIP archive: `.mxl`.
    public static let compressedMusicXML = ScoreFormat(name: "compressed MusicXML", fileExtensions: ["mxl"],
                                                       reader: MusicXMLReader(), writer: MusicXMLWriter(compressed: true))
    /// Standard MIDI Files: `.mid`, `.midi`; read in lenient mode and quantized with default options.
    public static let midi = ScoreFormat(name: "MIDI", fileExtensions: ["mid", "midi"],
                                         reader: MIDIReader(), writer: MIDIWriter())

    /// The formats Recompose knows, in the order they are tried.
    public static let builtIn: [ScoreFormat] = [musicXML, compressedMusicXML, midi]

    /// The format among `formats` whose extensions include the file's.
    ///
    /// - Throws: ``NotationError/Code/unsupportedFormat`` naming the extensions there are.
    public static func forFile(_ url: URL, among formats: [ScoreFormat] = builtIn) throws(NotationError) -> ScoreFormat {
        let ext = url.pathExtension.lowercased()
        guard let format = formats.first(where: { $0.fileExtensions.contains(ext) }) else {
            throw NotationError.unsupportedFormat(path: url.path, extension: ext, expected: formats.flatMap(\.fileExtensions))
        }
        return format
    }

    /// Reads a score from a file's bytes; `fileName` names them in errors and warnings.
    ///
    /// - Throws: the reader's error (``MusicXMLError``, ``MIDIError``).
    public func read(data: Data, fileName: String = "<data>") throws -> ScoreReading<any Error> {
        try readData(data, fileName)
    }

    /// Reads a score from a file, with the reader's warnings.
    ///
    /// - Throws: the reader's error (``MusicXMLError``, ``MIDIError``).
    public func read(contentsOf url: URL) throws -> ScoreReading<any Error> { try readFile(url) }

    /// The score as the bytes of a file of this format.
    ///
    /// - Throws: the writer's error (``MusicXMLError``, ``MIDIError``).
    public func data(for score: Score) throws -> Data { try encode(score) }

    /// Writes the score to a file of this format, atomically.
    ///
    /// - Throws: the writer's error (``MusicXMLError``, ``MIDIError``).
    public func write(_ score: Score, to url: URL) throws { try writeFile(score, url) }

    /// The name and extensions: `MIDI (.mid, .midi)`.
    public var description: String { "\(name) (" + fileExtensions.map { "." + $0 }.joined(separator: ", ") + ")" }

    private static func erased<Warning: Error>(_ reading: ScoreReading<Warning>) -> ScoreReading<any Error> {
        ScoreReading(score: reading.score, warnings: reading.warnings.map { $0 as any Error }, skipped: reading.skipped)
    }
}
