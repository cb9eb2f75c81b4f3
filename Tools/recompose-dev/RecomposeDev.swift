import ArgumentParser

/// Developer commands behind the parity scripts and benchmarks: they print what an
/// independent oracle (music21, mido) prints, for comparison. Not part of the installed
/// `recompose`, whose `--help` lists only what users run.
@main
struct RecomposeDev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recompose-dev",
        abstract: "Oracle and benchmark commands for Recompose's parity scripts (not for users).",
        subcommands: [TheoryCommand.self, XMLDumpCommand.self, BenchMIDICommand.self, RomanCommand.self,
                      ChordSymbolCommand.self, HandsCommand.self, NetworkCommand.self, HeldOutCommand.self])
}
