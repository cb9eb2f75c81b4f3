import ArgumentParser
import Foundation
import Generation
import Notation
import NotationRendering

/// `recompose generate`: samples a new piece from a trained model.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a two-hand piano piece and write NAME.mid and NAME.musicxml.",
        discussion: """
            The seed study's productions: --key "C major" --tempo 90, --key "A minor" --tempo 60, \
            --key "E minor" --tempo 120, all in 4/4.
            Generation follows the model's recipe (recorded in MODEL/recompose-model.json): a duet model's \
            hands hear each other on one clock; bar-aware keeps both hands on one clock and never lets a note \
            overrun its bar; seed samples each hand on its own, as the seed study did (--rhythm overrides the \
            last two).
            """)

    @Option(help: "The model folder written by `recompose train`.")
    var model: String
    @Option(help: "Key of the piece.")
    var key: String = "C major"
    @Option(help: "Quarter notes per minute.")
    var tempo: Double = 90
    @Option(help: "Time signature.")
    var time: String = "4/4"
    @Option(help: "Length in bars.")
    var bars: Int = 32
    @OptionGroup var sampling: SamplingArguments
    @Option(help: "A MIDI or MusicXML file whose last bars prime the models (default: a corpus window).")
    var prompt: String?
    @Option(help: "Title written into the score.")
    var title: String = "Recomposed"
    @Option(help: "Output path without extension: writes NAME.mid and NAME.musicxml.")
    var out: String
    @Flag(help: "Also write NAME.png (NAME-1.png, … for several pages; MuseScore 3) and NAME.wav (FluidSynth).")
    var render = false

    func validate() throws {
        guard (try? Key(key)) != nil else { throw ValidationError("Not a key: '\(key)'.") }
        guard (try? TimeSignature(time)) != nil else { throw ValidationError("Not a time signature: '\(time)'.") }
        guard tempo > 0, tempo <= 1000 else { throw ValidationError("--tempo must be in (0, 1000].") }
        guard bars >= 1, bars <= 10_000 else { throw ValidationError("--bars must be in 1…10000.") }
    }

    func run() throws {
        let bundle = try attributing(to: model) { try ModelBundle(contentsOf: URL(fileURLWithPath: model)) }
        var options = CompositionOptions(key: try Key(key), tempo: tempo, meter: try TimeSignature(time), bars: bars, title: title)
        sampling.apply(to: &options)
        if let prompt { options.prompt = try attributing(to: prompt) { try bundle.prompt(contentsOf: URL(fileURLWithPath: prompt)) } }
        let piece: Composition
        // A model that cannot compose (no bass model) is the model folder's fault.
        do { piece = try bundle.compose(options) } catch { throw CommandError("generate", error is GenerationError ? model : nil, error) }
        let base = URL(fileURLWithPath: out)
        let midi = base.appendingPathExtension("mid"), xml = base.appendingPathExtension("musicxml")
        try attributing(to: out) {
            try FileManager.default.createDirectory(at: base.deletingLastPathComponent(), withIntermediateDirectories: true)
            try piece.score.write(to: midi)
            try piece.score.write(to: xml)
        }
        let elements = piece.elementCount, seconds = piece.seconds
        note("generated \(elements) elements in \(String(format: "%.2f", seconds)) s "
             + "(\(String(format: "%.2f", seconds * 1000 / Double(max(elements, 1)))) ms per element), "
             + "\(piece.score.parts.first?.measureCount ?? 0) bars in \(key), \(options.meter), \(Int(tempo)) bpm")
        print(midi.path)
        print(xml.path)
        if render {
            try attributing(to: out) {
                let sheet = try piece.score.renderSheet(to: base.appendingPathExtension("png"))
                for message in sheet.messages { note("recompose generate: mscore3: \(message)") }
                sheet.pages.forEach { print($0.path) }
                let wav = base.appendingPathExtension("wav")
                try piece.score.renderAudio(to: wav)
                print(wav.path)
            }
        }
    }
}
