import ArgumentParser
import Notation

@main
struct Recompose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recompose",
        abstract: "Read, analyse, transform and write symbolic music.",
        subcommands: [DumpCommand.self, BenchMIDICommand.self])
}
