import Foundation
import Notation

/// Draws sheet music with MuseScore 3 (`mscore3`, Debian package `musescore3`), run headless.
///
/// The score goes to MuseScore as our own MusicXML export, so what is drawn is exactly what
/// other notation programs would import from us.
public struct SheetRenderer: Sendable {
    /// The Debian package that provides MuseScore 3.
    public static let package = "musescore3"

    /// MuseScore's executable; `nil` searches `PATH` for `mscore3`.
    public var executablePath: String?
    /// Seconds MuseScore may run before it is stopped.
    public var timeout: Double
    /// Dots per inch of PNG pages; `nil` keeps MuseScore's default (300, an A4 page of
    /// 2480 × 3508 pixels).
    public var resolution: Int?

    /// Creates a renderer; `executablePath` overrides the `PATH` search.
    public init(executablePath: String? = nil, timeout: Double = 120, resolution: Int? = nil) {
        self.executablePath = executablePath
        self.timeout = timeout
        self.resolution = resolution
    }

    var tool: ExternalTool { ExternalTool(name: "mscore3", package: Self.package, path: executablePath) }

    /// Whether MuseScore can be found.
    public var isAvailable: Bool { tool.isAvailable }

    /// Renders a score: writes its MusicXML to a temporary folder and has MuseScore draw it.
    ///
    /// - Parameters:
    ///   - score: The score to draw; it is not modified.
    ///   - url: The output. For paged formats a one-page score is written there; more pages go
    ///     to `NAME-1.EXT`, `NAME-2.EXT`, … beside it.
    ///   - format: The format; `nil` takes it from the extension of `url`.
    /// - Throws: ``RenderError``, ``/Notation/NotationError`` (`unsupportedFormat`) for an output
    ///   extension that is not a ``SheetFormat``, or ``/Notation/MusicXMLError`` when the score
    ///   cannot be exported.
    public func render(_ score: Score, to url: URL, format: SheetFormat? = nil) throws -> SheetRendering {
        let work = try RenderScratch.make()
        defer { RenderScratch.remove(work) }
        let input = work.appendingPathComponent("score.musicxml")
        try MusicXMLWriter().write(Self.preparedForMuseScore(score), to: input)
        return try render(file: input, to: url, format: format, work: work)
    }

    /// Renders a file MuseScore reads (MusicXML, `.mxl`, MIDI, `.mscz`) as it is.
    public func render(file input: URL, to url: URL, format: SheetFormat? = nil) throws -> SheetRendering {
        let work = try RenderScratch.make()
        defer { RenderScratch.remove(work) }
        return try render(file: input, to: url, format: format, work: work)
    }

    /// Converts a file with MuseScore to another of its formats (e.g. `.musicxml`, `.mid`),
    /// returning MuseScore's messages about the input. Used to check our MusicXML against a
    /// real client.
    public func convert(file input: URL, to url: URL) throws -> [String] {
        let work = try RenderScratch.make()
        defer { RenderScratch.remove(work) }
        let output = try runMuseScore(input: input, output: url.absoluteURL, work: work)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw RenderError.noOutput(tool: "mscore3", expected: url.path, output: output.joined(separator: " | "))
        }
        return output
    }

    private func render(file input: URL, to url: URL, format: SheetFormat?, work: URL) throws -> SheetRendering {
        let ext = url.pathExtension
        guard let format = format ?? SheetFormat(pathExtension: ext) else {
            throw NotationError.unsupportedFormat(path: url.path, extension: ext, expected: SheetFormat.allCases.map(\.rawValue))
        }
        // MuseScore names pages after its output; render into the scratch folder and move the
        // pages so that a one-page score ends up exactly at `url`.
        let scratchOut = work.appendingPathComponent("page.\(format.rawValue)")
        let messages = try runMuseScore(input: input.absoluteURL, output: scratchOut, work: work)
        var produced: [URL] = []
        if format.isPaged {
            var page = 1
            while true {
                let file = work.appendingPathComponent("page-\(page).\(format.rawValue)")
                guard FileManager.default.fileExists(atPath: file.path) else { break }
                produced.append(file)
                page += 1
            }
            if produced.isEmpty, FileManager.default.fileExists(atPath: scratchOut.path) { produced = [scratchOut] }
        } else if FileManager.default.fileExists(atPath: scratchOut.path) {
            produced = [scratchOut]
        }
        guard !produced.isEmpty else {
            throw RenderError.noOutput(tool: "mscore3", expected: "\(format.rawValue) page", output: messages.joined(separator: " | "))
        }
        let base = url.deletingPathExtension()
        let targets = produced.count == 1
            ? [url]
            : produced.indices.map { URL(fileURLWithPath: base.path + "-\($0 + 1)." + url.pathExtension) }
        for (source, target) in zip(produced, targets) {
            try RenderScratch.move(source, to: target)
        }
        return SheetRendering(pages: targets, messages: messages)
    }

    /// Adapts valid MusicXML that MuseScore 3.2 (Debian's) reports as an error: a part without
    /// `<score-instrument>` ("no instrument found for part"; our writer emits one only for a part
    /// with an instrument) gets one named after the part, and a pedal change (MusicXML 3.0,
    /// "unknown pedal type change") becomes a release and a press at the same place.
    static func preparedForMuseScore(_ score: Score) -> Score {
        var score = score
        for p in score.parts.indices {
            if score.parts[p].instrument.name == nil {
                score.parts[p].instrument.name = score.parts[p].name ?? "Instrument"
            }
            for s in score.parts[p].staves.indices {
                for m in score.parts[p].staves[s].measures.indices {
                    let directions = score.parts[p].staves[s].measures[m].directions
                    guard directions.contains(where: { $0.kind == .pedal(Pedal(.change)) }) else { continue }
                    score.parts[p].staves[s].measures[m].directions = directions.flatMap { direction -> [Direction] in
                        guard case .pedal(let pedal) = direction.kind, pedal.type == .change else { return [direction] }
                        var release = direction, press = direction
                        release.kind = .pedal(Pedal(.stop, line: pedal.line, sign: pedal.sign))
                        press.kind = .pedal(Pedal(.start, line: pedal.line, sign: pedal.sign))
                        return [release, press]
                    }
                }
            }
        }
        return score
    }

    /// Runs `mscore3 -o OUTPUT INPUT` headless and returns its stderr lines about the input.
    private func runMuseScore(input: URL, output: URL, work: URL) throws -> [String] {
        // Offscreen Qt needs no display; a private runtime dir keeps Qt from complaining.
        let environment = ["QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": work.path]
        var arguments = ["-o", output.path, input.path]
        if let resolution, output.pathExtension == "png" { arguments = ["-r", String(resolution)] + arguments }
        let result = try tool.run(arguments, environment: environment, in: work, timeout: timeout)
        let lines = Self.messages(in: result.standardError + "\n" + result.standardOutput)
        guard result.status == 0 else {
            throw RenderError.failed(tool: "mscore3", status: result.status, output: lines.joined(separator: " | "))
        }
        return lines
    }

    /// MuseScore's lines about the input, without its progress chatter and Qt's notices.
    static func messages(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { line in
            !line.isEmpty
                && !line.hasPrefix("convert <") && !line.hasPrefix("to <") && line != "... success!"
                && !line.hasPrefix("QStandardPaths:") && !line.hasPrefix("qt.qpa.")
        }
    }
}
