import ArgumentParser
import Foundation
import Notation

/// `recompose convert`: reads one format and writes another, chosen by the extensions.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert between MusicXML (.musicxml, .xml, .mxl) and MIDI (.mid); formats follow the extensions.")

    @Argument(help: "The file to read.")
    var input: String

    @Argument(help: "The file to write.")
    var output: String

    @Flag(help: "Play out repeats, endings, D.C./D.S. and codas: write the music as performed.")
    var unfold = false

    @Flag(help: "Convert what can be read of a damaged file (its problems are still printed) instead of failing.")
    var lenient = false

    func run() throws {
        var score = try attributing(to: input) { try Score.readReporting(input, lenient: lenient) }
        if unfold { score = try attributing(to: input) { try score.unfolded() } }
        try attributing(to: output) { try score.write(to: URL(fileURLWithPath: output)) }
    }
}
