import Foundation
import CZlib
import Testing
import Notation
import TestSupport
@testable import NotationRendering

/// Rendering with the real engines: MuseScore 3 draws our MusicXML, FluidSynth plays our MIDI.
/// A test that needs a program is reported as skipped, with the reason, where it is not installed.
@Suite("Rendering")
struct RenderingTests {
    static let sheet = SheetRenderer()
    static let audio = AudioRenderer()

    /// Two staves, a chord, a tie across the barline, a triplet, a key and a tempo of 96
    /// (two bars of 4/4: 8 quarters at 96 per minute play for exactly 5 seconds).
    static func score() throws -> Score { try Fixtures.pianoScore() }

    static func temporaryDirectory() throws -> URL { try TemporaryDirectory.make("render-test") }

    @Test("MuseScore draws our MusicXML without complaint, and the page is not blank", .requiresMuseScore)
    func png() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("piano.png")
        let result = try Self.score().renderSheet(to: out)
        #expect(result.messages == [])
        #expect(result.pages == [out])
        let image = try TestPNG(data: Data(contentsOf: out))
        #expect(image.width > 500 && image.height > 500)
        // Staves, notes and the title are dark and opaque on a transparent or white page;
        // a blank page has none. The staff area lies below the title, in the top half.
        let staffRows = (image.height / 10)..<(image.height / 2)
        let dark = staffRows.reduce(0) { sum, y in sum + (0..<image.width).filter { image.isDark(x: $0, y: y) }.count }
        #expect(dark > 2_000, "only \(dark) dark pixels in the staff area")
        // Five staff lines per staff, two staves: rows that are dark across much of the width.
        let lineRows = staffRows.filter { y in (0..<image.width).filter { image.isDark(x: $0, y: y) }.count > image.width / 2 }
        #expect(lineRows.count >= 10, "\(lineRows.count) staff-line rows")
    }

    @Test("valid MusicXML that MuseScore 3.2 rejects is adapted: a part without instrument, a pedal change", .requiresMuseScore)
    func adaptedForMuseScore() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var score = try Self.score()
        score.parts[0].instrument = Instrument()
        score.parts[0].staves[1].measures[0].directions = [
            Direction(offset: 0, kind: .pedal(Pedal(.start))), Direction(offset: 2, kind: .pedal(Pedal(.change))),
            Direction(offset: 4, kind: .pedal(Pedal(.stop))),
        ]
        let result = try score.renderSheet(to: folder.appendingPathComponent("pedal.png"))
        #expect(result.messages == [])
        let prepared = SheetRenderer.preparedForMuseScore(score)
        #expect(prepared.parts[0].instrument.name == "Piano")
        #expect(prepared.parts[0].staves[1].measures[0].directions.map(\.kind)
                == [.pedal(Pedal(.start)), .pedal(Pedal(.stop)), .pedal(Pedal(.start)), .pedal(Pedal(.stop))])
    }

    @Test("SVG and PDF are written too; an unknown extension is a typed error", .requiresMuseScore)
    func otherFormats() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = try Self.score().renderSheet(to: folder.appendingPathComponent("a.svg"))
        let svgText = try String(contentsOf: svg.pages[0], encoding: .utf8)
        #expect(svgText.contains("<svg"))
        let pdf = try Self.score().renderSheet(to: folder.appendingPathComponent("a.pdf"))
        #expect(try Data(contentsOf: pdf.pages[0]).prefix(5) == Data("%PDF-".utf8))
        let gif = folder.appendingPathComponent("a.gif")
        #expect(throws: NotationError.unsupportedFormat(path: gif.path, extension: "gif", expected: ["png", "svg", "pdf"])) {
            try Self.score().renderSheet(to: gif)
        }
    }

    @Test("a long score gives one PNG per page, named NAME-1.png, NAME-2.png, …", .requiresMuseScore)
    func pages() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 160 bars of sixteenths cannot fit on one page.
        let events = (0..<(160 * 16)).map { TimedEvent(offset: Rational($0, 4), length: Rational(1, 4), pitches: [Pitch(midi: 60 + $0 % 12)]) }
        let score = Score(parts: [Part(name: "Long", staves: [MeasureBuilder().staff(from: events)])])
        let result = try score.renderSheet(to: folder.appendingPathComponent("long.png"))
        #expect(result.pages.count >= 2)
        #expect(result.pages.map(\.lastPathComponent).prefix(2) == ["long-1.png", "long-2.png"])
        #expect(result.pages.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(result.messages == [], "a part without an instrument still imports cleanly")
    }

    @Test("FluidSynth's WAV lasts as long as the MIDI plays and is not silent", .requiresFluidSynth)
    func wav() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("piano.wav")
        try Self.score().renderAudio(to: out)
        let wave = try TestWAV(data: Data(contentsOf: out))
        #expect(wave.sampleRate == 44_100)
        #expect(abs(wave.seconds - 5.0) <= 0.5, "\(wave.seconds) s, expected 5 s")
        #expect(wave.peak > 3_000, "peak \(wave.peak) of 32767")
        // The sound starts at once (a chord and notes at offset 0), not after silence.
        #expect(wave.peak(from: 0, to: 0.5) > 1_000)
    }

    @Test("a missing program or SoundFont is a typed error naming the package")
    func missingTools() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let score = try Self.score()
        do {
            try score.renderSheet(to: folder.appendingPathComponent("x.png"), renderer: SheetRenderer(executablePath: "/nonexistent/mscore3"))
            Issue.record("expected an error")
        } catch let error as RenderError {
            #expect(error == .toolNotFound(tool: "/nonexistent/mscore3", package: "musescore3"))
            #expect("\(error)".contains("musescore3"))
        }
        let noFont = AudioRenderer(executablePath: "/bin/true", soundFont: "/nonexistent.sf2")
        #expect(throws: RenderError.fileNotFound(path: "/nonexistent.sf2", what: "SoundFont", package: "fluid-soundfont-gm")) {
            try score.renderAudio(to: folder.appendingPathComponent("x.wav"), renderer: noFont)
        }
        let mp3 = folder.appendingPathComponent("x.mp3")
        #expect(throws: NotationError.unsupportedFormat(path: mp3.path, extension: "mp3", expected: ["wav"])) {
            try score.renderAudio(to: mp3)
        }
    }

    @Test("a program that runs too long is stopped")
    func timeout() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sleeper = ExternalTool(name: "sleep", package: "coreutils", path: nil)
        #expect(throws: RenderError.timedOut(tool: "sleep", seconds: 0.3)) {
            _ = try sleeper.run(["30"], in: folder, timeout: 0.3)
        }
    }

    @Test("MuseScore's progress lines and Qt notices are not messages about the file")
    func messageFilter() {
        let text = """
            QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '/tmp/runtime-root'
            convert <in.xml>...
            Error at line 21 col 16: no instrument found for part 'P1'
            \tto <out.png>
            ... success!
            """
        #expect(SheetRenderer.messages(in: text) == ["Error at line 21 col 16: no instrument found for part 'P1'"])
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs only where the renderer finds MuseScore 3 (on `PATH`, as rendering looks for it).
    static var requiresMuseScore: Self {
        .enabled(if: RenderingTests.sheet.isAvailable, "mscore3 is not installed (Debian package musescore3)")
    }

    /// Runs only where the renderer finds FluidSynth and its SoundFont.
    static var requiresFluidSynth: Self {
        .enabled(if: RenderingTests.audio.isAvailable,
                 "fluidsynth or its SoundFont is not installed (Debian packages fluidsynth, fluid-soundfont-gm)")
    }
}

/// The pixels of an 8-bit PNG (grey, RGB, palette, with or without alpha), decoded just far
/// enough to look at them: Foundation has no image decoder on Linux.
struct TestPNG {
    var width = 0, height = 0
    /// Grey level 0…255 and opacity 0…255 of each pixel, row by row.
    var luma: [UInt8] = [], alpha: [UInt8] = []

    enum Failure: Error { case notPNG, unsupported(String), corrupt }

    init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes[0..<8] == [137, 80, 78, 71, 13, 10, 26, 10] else { throw Failure.notPNG }
        var position = 8, depth = 0, colorType = 0, interlace = 0
        var compressed = Data(), palette: [UInt8] = [], transparency: [UInt8] = []
        func be32(_ at: Int) -> Int {
            var value = 0
            for i in 0..<4 { value = value << 8 | Int(bytes[at + i]) }
            return value
        }
        while position + 8 <= bytes.count {
            let length = be32(position), type = String(decoding: bytes[position + 4..<position + 8], as: UTF8.self)
            let body = position + 8
            guard body + length <= bytes.count else { throw Failure.corrupt }
            switch type {
            case "IHDR":
                width = be32(body); height = be32(body + 4)
                depth = Int(bytes[body + 8]); colorType = Int(bytes[body + 9]); interlace = Int(bytes[body + 12])
            case "PLTE": palette = Array(bytes[body..<body + length])
            case "tRNS": transparency = Array(bytes[body..<body + length])
            case "IDAT": compressed.append(contentsOf: bytes[body..<body + length])
            default: break
            }
            position = body + length + 4
        }
        guard depth == 8, interlace == 0 else { throw Failure.unsupported("depth \(depth), interlace \(interlace)") }
        let channels: Int
        switch colorType {
        case 0: channels = 1
        case 2: channels = 3
        case 3: channels = 1
        case 4: channels = 2
        case 6: channels = 4
        default: throw Failure.unsupported("colour type \(colorType)")
        }
        // IDAT is a zlib stream whose inflated size the header fixes: one filter byte a row.
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var rawCount = UInt(raw.count)
        let zipped = [UInt8](compressed)
        guard uncompress(&raw, &rawCount, zipped, UInt(zipped.count)) == Z_OK, rawCount == UInt(raw.count) else {
            throw Failure.corrupt
        }
        let input = raw
        var previous = [UInt8](repeating: 0, count: stride), row = previous
        luma.reserveCapacity(width * height); alpha.reserveCapacity(width * height)
        for y in 0..<height {
            let filter = input[y * (stride + 1)], line = y * (stride + 1) + 1
            for i in 0..<stride {
                let x = Int(input[line + i])
                let a = i >= channels ? Int(row[i - channels]) : 0, b = Int(previous[i])
                let c = i >= channels ? Int(previous[i - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Failure.corrupt
                }
                row[i] = UInt8((x + predicted) & 0xFF)
            }
            for x in 0..<width {
                let p = x * channels
                switch colorType {
                case 0: luma.append(row[p]); alpha.append(255)
                case 4: luma.append(row[p]); alpha.append(row[p + 1])
                case 3:
                    let index = Int(row[p])
                    guard index * 3 + 2 < palette.count else { throw Failure.corrupt }
                    luma.append(Self.grey(palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2]))
                    alpha.append(index < transparency.count ? transparency[index] : 255)
                default:
                    luma.append(Self.grey(row[p], row[p + 1], row[p + 2]))
                    alpha.append(colorType == 6 ? row[p + 3] : 255)
                }
            }
            previous = row
        }
    }

    static func grey(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let red: Int = 299 * Int(r), green: Int = 587 * Int(g), blue: Int = 114 * Int(b)
        return UInt8((red + green + blue) / 1000)
    }

    /// Ink: opaque and darker than mid-grey.
    func isDark(x: Int, y: Int) -> Bool {
        let i = y * width + x
        return alpha[i] > 128 && luma[i] < 128
    }
}

/// A PCM WAV file's format and 16-bit samples, read from its RIFF chunks.
struct TestWAV {
    var channels = 0, sampleRate = 0, bitsPerSample = 0
    var samples: [Int16] = []

    enum Failure: Error { case notWAV, unsupported(String) }

    init(data: Data) throws {
        let bytes = [UInt8](data)
        func le(_ at: Int, _ count: Int) -> Int {
            var value = 0
            for i in 0..<count { value |= Int(bytes[at + i]) << (8 * i) }
            return value
        }
        guard bytes.count >= 12, bytes[0..<4] == [82, 73, 70, 70], bytes[8..<12] == [87, 65, 86, 69] else { throw Failure.notWAV }
        var position = 12
        while position + 8 <= bytes.count {
            let id = String(decoding: bytes[position..<position + 4], as: UTF8.self), size = le(position + 4, 4)
            let body = position + 8, end = min(body + size, bytes.count)
            if id == "fmt " {
                guard le(body, 2) == 1 || le(body, 2) == 0xFFFE else { throw Failure.unsupported("format \(le(body, 2))") }
                channels = le(body + 2, 2); sampleRate = le(body + 4, 4); bitsPerSample = le(body + 14, 2)
            } else if id == "data" {
                guard bitsPerSample == 16 else { throw Failure.unsupported("\(bitsPerSample) bits") }
                samples = stride(from: body, to: end - 1, by: 2).map { Int16(truncatingIfNeeded: le($0, 2)) }
            }
            position = body + size + (size & 1)
        }
        guard channels > 0, sampleRate > 0 else { throw Failure.notWAV }
    }

    var seconds: Double { Double(samples.count / channels) / Double(sampleRate) }

    var peak: Int { samples.reduce(0) { max($0, abs(Int($1))) } }

    /// The loudest sample between two times in seconds.
    func peak(from start: Double, to end: Double) -> Int {
        let lower = min(samples.count, Int(start * Double(sampleRate)) * channels)
        let upper = min(samples.count, Int(end * Double(sampleRate)) * channels)
        return samples[lower..<upper].reduce(0) { max($0, abs(Int($1))) }
    }
}
