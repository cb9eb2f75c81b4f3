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
            --rhythm bar-aware (default) keeps both hands on one clock and never lets a note overrun \
            its bar; --rhythm seed samples each hand on its own, as the seed study did.
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

    @Option(help: "Length in elements per hand (implies --rhythm seed).")
    var length: Int?

    @Option(help: "Sample among this many most likely notes/chords.")
    var topKNotes: Int = 10

    @Option(help: "Sample among this many most likely durations.")
    var topKDurations: Int = 5

    @Option(help: "Softmax temperature.")
    var temperature: Double = 1

    @Option(help: "Nucleus (top-p) threshold; 1 turns it off.")
    var topP: Double = 1

    @Option(help: "Random seed: the same seed gives the same piece.")
    var seed: UInt64 = 1

    @Option(help: "bar-aware (ours) or seed (the seed study's independent hands).")
    var rhythm: GenerationOptions.Rhythm = .barAware

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
        if let length { guard length >= 1, length <= 1_000_000 else { throw ValidationError("--length must be in 1…1000000.") } }
        guard topKNotes >= 1, topKDurations >= 1 else { throw ValidationError("top-k values must be at least 1.") }
        guard temperature > 0 else { throw ValidationError("--temperature must be positive.") }
        guard topP > 0, topP <= 1 else { throw ValidationError("--top-p must be in (0, 1].") }
    }

    func run() throws {
        let bundle = try attributing(to: model) { try ModelBundle(contentsOf: URL(fileURLWithPath: model)) }
        guard let treble = bundle.clefs[.treble], let bass = bundle.clefs[.bass] else {
            throw CommandError("generate", model, GenerationError.invalidModel(
                path: model, reason: "needs both a treble and a bass model (train with --clef both)"))
        }
        // Start from a corpus window of the requested mode, chosen by the seed.
        let targetKey = try Key(key)
        var trebleSeed: [Token] = [], bassSeed: [Token] = []
        let candidates = treble.seedIndices(mode: targetKey.mode)
        if !candidates.isEmpty {
            let pick = candidates[Int(seed % UInt64(candidates.count))]
            trebleSeed = treble.seeds[pick]
            bassSeed = bass.seeds.indices.contains(pick) ? bass.seeds[pick] : (bass.seeds.first ?? [])
        }
        if let prompt {
            let piece = try attributing(to: prompt) {
                try CorpusPreprocessor(options: bundle.manifest.preprocessing).prepare(file: URL(fileURLWithPath: prompt))
            }
            let window = bundle.manifest.preprocessing.sequenceLength
            trebleSeed = Array(piece.treble.suffix(window))
            bassSeed = Array(piece.bass.suffix(window))
        }
        let meter = try TimeSignature(time)
        let options = GenerationOptions(topKNotes: topKNotes, topKDurations: topKDurations, temperature: temperature,
                                        topP: topP, seed: seed, bars: bars, elements: length,
                                        rhythm: length != nil ? .seedFaithful : rhythm)
        var upper = treble.stepper(), lower = bass.stepper()
        let started = Date()
        let (trebleTokens, bassTokens) = PieceGenerator(options: options, timeSignature: meter).generate(
            treble: &upper, trebleVocabularies: .init(notes: treble.notes, durations: treble.durations), trebleSeed: trebleSeed,
            bass: &lower, bassVocabularies: .init(notes: bass.notes, durations: bass.durations), bassSeed: bassSeed)
        let seconds = Date().timeIntervalSince(started)
        let assembler = PieceAssembler(options: AssemblyOptions(key: try Key(key), tempo: tempo, timeSignature: meter,
                                                                title: title, composer: "Recompose"))
        let score = try attributing(to: nil) { try assembler.score(treble: trebleTokens, bass: bassTokens) }
        let base = URL(fileURLWithPath: out)
        let midi = base.appendingPathExtension("mid"), xml = base.appendingPathExtension("musicxml")
        try attributing(to: out) {
            try FileManager.default.createDirectory(at: base.deletingLastPathComponent(), withIntermediateDirectories: true)
            try score.write(to: midi)
            try score.write(to: xml)
        }
        let elements = trebleTokens.count + bassTokens.count
        note("generated \(elements) elements in \(String(format: "%.2f", seconds)) s "
             + "(\(String(format: "%.2f", seconds * 1000 / Double(max(elements, 1)))) ms per element), "
             + "\(score.parts.first?.measureCount ?? 0) bars in \(key), \(meter), \(Int(tempo)) bpm")
        print(midi.path)
        print(xml.path)
        if render {
            try attributing(to: out) {
                let sheet = try score.renderSheet(to: base.appendingPathExtension("png"))
                for message in sheet.messages { note("recompose generate: mscore3: \(message)") }
                sheet.pages.forEach { print($0.path) }
                let wav = base.appendingPathExtension("wav")
                try score.renderAudio(to: wav)
                print(wav.path)
            }
        }
    }
}

extension GenerationOptions.Rhythm: ExpressibleByArgument {}
