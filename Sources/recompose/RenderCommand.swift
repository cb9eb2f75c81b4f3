import ArgumentParser
import Foundation
import Notation
import NotationRendering

/// `recompose render`: draws sheet music with MuseScore 3 or plays audio with FluidSynth.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw sheet music (--png, --svg, --pdf; MuseScore 3) or render audio (--wav; FluidSynth).",
        discussion: """
            A score of several pages in PNG or SVG is written to OUT-1.png, OUT-2.png, …; every file \
            written is printed, one per line. MuseScore's messages about the score are printed on stderr.
            With --wav, a MIDI file is played as stored (performance timing, velocities, pedal); \
            a MusicXML file is played from its MIDI export.
            Needs the Debian packages musescore3 (sheet music), fluidsynth and fluid-soundfont-gm (audio).
            Exit status: 0 success, 1 unreadable input or a renderer that is missing or failed, 2 usage error.
            """)

    @Argument(help: "The score to render (MusicXML or MIDI).")
    var input: String

    @Flag(name: .customLong("png"), help: "Write PNG images (one per page).")
    var png = false
    @Flag(name: .customLong("svg"), help: "Write SVG images (one per page).")
    var svg = false
    @Flag(name: .customLong("pdf"), help: "Write a PDF document.")
    var pdf = false
    @Flag(name: .customLong("wav"), help: "Write a WAV audio file.")
    var wav = false

    @Argument(help: "The file to write.")
    var output: String

    @Option(help: "The SoundFont for --wav.")
    var soundfont: String = AudioRenderer.defaultSoundFont

    @Option(help: "Path of MuseScore 3 (default: mscore3 on PATH).")
    var musescore: String?

    @Option(help: "Path of FluidSynth (default: fluidsynth on PATH).")
    var fluidsynth: String?

    @Option(help: "Dots per inch of PNG pages (MuseScore's default: 300).")
    var dpi: Int?

    @Option(help: "Seconds a renderer may run before it is stopped.")
    var timeout: Double = 300

    func validate() throws {
        guard [png, svg, pdf, wav].filter({ $0 }).count == 1 else {
            throw ValidationError("Give exactly one of --png, --svg, --pdf, --wav.")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive.") }
        if let dpi { guard (10...2400).contains(dpi) else { throw ValidationError("--dpi must be in 10…2400.") } }
    }

    func run() throws {
        let inputURL = URL(fileURLWithPath: input)
        if wav, ["mid", "midi"].contains(inputURL.pathExtension.lowercased()) {
            // A MIDI file is played as stored: quantizing it first would lose the performance's
            // timing, velocities and pedalling.
            let renderer = AudioRenderer(executablePath: fluidsynth, soundFont: soundfont, timeout: timeout)
            try attributing(to: output) { try renderer.render(midi: inputURL, to: URL(fileURLWithPath: output)) }
            print(URL(fileURLWithPath: output).path)
            return
        }
        let score = try attributing(to: input) { try Score.read(contentsOf: URL(fileURLWithPath: input)) }
        let target = URL(fileURLWithPath: output)
        if wav {
            let renderer = AudioRenderer(executablePath: fluidsynth, soundFont: soundfont, timeout: timeout)
            try attributing(to: output) { try score.renderAudio(to: target, renderer: renderer) }
            print(target.path)
            return
        }
        let format: SheetFormat = png ? .png : svg ? .svg : .pdf
        let renderer = SheetRenderer(executablePath: musescore, timeout: timeout, resolution: dpi)
        let result = try attributing(to: output) { try score.renderSheet(to: target, format: format, renderer: renderer) }
        for message in result.messages { note("recompose render: mscore3: \(message)") }
        for page in result.pages { print(page.path) }
    }
}
