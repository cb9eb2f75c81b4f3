import Foundation
import Notation

/// Renders a score's MIDI to a WAV file with FluidSynth (`fluidsynth`, Debian package
/// `fluidsynth`) and a General MIDI SoundFont.
public struct AudioRenderer: Sendable {
    /// The Debian package that provides FluidSynth.
    public static let package = "fluidsynth"
    /// The Debian package that provides the default SoundFont.
    public static let soundFontPackage = "fluid-soundfont-gm"
    /// The General MIDI SoundFont Debian installs with ``soundFontPackage``.
    public static let defaultSoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2"

    /// FluidSynth's executable; `nil` searches `PATH` for `fluidsynth`.
    public var executablePath: String?
    /// The SoundFont (`.sf2`) that gives the instruments their sound.
    public var soundFont: String
    /// Samples per second of the WAV file.
    public var sampleRate: Int
    /// FluidSynth's master gain; its own default (0.2) is quiet, 0.5 is closer to full scale
    /// for piano music without clipping chords.
    public var gain: Double
    /// Seconds FluidSynth may run before it is stopped.
    public var timeout: Double

    /// Creates a renderer; `executablePath` overrides the `PATH` search.
    public init(executablePath: String? = nil, soundFont: String = AudioRenderer.defaultSoundFont,
                sampleRate: Int = 44_100, gain: Double = 0.5, timeout: Double = 300) {
        self.executablePath = executablePath
        self.soundFont = soundFont
        self.sampleRate = sampleRate
        self.gain = gain
        self.timeout = timeout
    }

    var tool: ExternalTool { ExternalTool(name: "fluidsynth", package: Self.package, path: executablePath) }

    /// Whether FluidSynth and the SoundFont can be found.
    public var isAvailable: Bool { tool.isAvailable && FileManager.default.fileExists(atPath: soundFont) }

    /// Renders a score: writes its MIDI file to a temporary folder and has FluidSynth play it
    /// into `url` (a `.wav` file). The near-silence FluidSynth appends after the music (about
    /// two seconds) is cut: the WAV lasts as long as the MIDI plays, or until its last notes
    /// have died away if that is later.
    ///
    /// - Throws: ``RenderError``, ``/Notation/NotationError`` (`unsupportedFormat`) for an output that
    ///   is not `.wav`, or ``/Notation/MIDIError`` when the score cannot be exported.
    public func render(_ score: Score, to url: URL) throws {
        let work = try RenderScratch.make()
        defer { RenderScratch.remove(work) }
        let midi = work.appendingPathComponent("score.mid")
        try MIDIWriter().write(score, to: midi)
        try render(midi: midi, to: url, work: work)
    }

    /// Renders a Standard MIDI File as it is into `url` (a `.wav` file).
    public func render(midi: URL, to url: URL) throws {
        let work = try RenderScratch.make()
        defer { RenderScratch.remove(work) }
        try render(midi: midi, to: url, work: work)
    }

    private func render(midi: URL, to url: URL, work: URL) throws {
        guard url.pathExtension.lowercased() == "wav" else {
            throw NotationError.unsupportedFormat(path: url.path, extension: url.pathExtension, expected: ["wav"])
        }
        guard FileManager.default.fileExists(atPath: soundFont) else {
            throw RenderError.fileNotFound(path: soundFont, what: "SoundFont", package: Self.soundFontPackage)
        }
        let scratch = work.appendingPathComponent("audio.wav")
        // -n/-i: no MIDI input driver and no shell; -F renders as fast as possible into a file.
        let arguments = ["-n", "-i", "-q", "-g", String(gain), "-r", String(sampleRate), "-T", "wav",
                         "-F", scratch.path, soundFont, midi.absoluteURL.path]
        let result = try tool.run(arguments, in: work, timeout: timeout)
        let output = (result.standardError + result.standardOutput).trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0 else {
            throw RenderError.failed(tool: "fluidsynth", status: result.status, output: output)
        }
        guard FileManager.default.fileExists(atPath: scratch.path) else {
            throw RenderError.noOutput(tool: "fluidsynth", expected: "WAV file", output: output)
        }
        if let file = try? MIDIReader().read(contentsOf: midi), let data = try? Data(contentsOf: scratch),
           let trimmed = WAVTrimmer.trimmed(data, playingSeconds: MIDITempoMap(file).seconds(atTick: file.tracks.map(\.endTick).max() ?? 0)) {
            do { try trimmed.write(to: scratch) } catch { throw RenderError.io(path: scratch.path, reason: "cannot write", cause: error) }
        }
        try RenderScratch.move(scratch, to: url)
    }
}
