import Foundation
import Notation

extension Score {
    /// Draws the score as sheet music with MuseScore 3 (see ``SheetRenderer``).
    ///
    /// - Parameters:
    ///   - url: The output file; a score of several pages in PNG or SVG goes to `NAME-1.png`,
    ///     `NAME-2.png`, … instead.
    ///   - format: The format; `nil` takes it from the extension of `url`.
    ///   - renderer: The renderer, to override MuseScore's path or time limit.
    /// - Returns: Every page file written and MuseScore's messages about the score.
    /// - Throws: ``RenderError``, ``/Notation/NotationError``, ``/Notation/MusicXMLError``.
    @discardableResult
    public func renderSheet(to url: URL, format: SheetFormat? = nil, renderer: SheetRenderer = SheetRenderer()) throws -> SheetRendering {
        try renderer.render(self, to: url, format: format)
    }

    /// Plays the score into a WAV file with FluidSynth (see ``AudioRenderer``).
    ///
    /// - Throws: ``RenderError``, ``/Notation/NotationError``, ``/Notation/MIDIError``.
    public func renderAudio(to url: URL, renderer: AudioRenderer = AudioRenderer()) throws {
        try renderer.render(self, to: url)
    }
}
