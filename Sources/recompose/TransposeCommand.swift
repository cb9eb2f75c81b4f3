import ArgumentParser
import Foundation
import Notation

/// `recompose transpose`: moves a piece by an interval or to a key.
struct TransposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transpose",
        abstract: "Transpose a piece by an interval (--interval M3, -P5) or to a key (--key \"C major\").",
        discussion: """
            --key estimates the piece's key and moves it by the nearest interval to the key of the \
            same mode with that signature: with --key "C major" a minor piece goes to A minor.
            """)

    @Argument(help: "The file to read.")
    var input: String

    @Argument(help: "The file to write.")
    var output: String

    @Option(help: "An interval such as M3, m6, P8, -P5.")
    var interval: String?

    @Option(help: "A key such as \"C major\" or \"A minor\".")
    var key: String?

    func validate() throws {
        guard (interval == nil) != (key == nil) else { throw ValidationError("Give exactly one of --interval and --key.") }
        if let interval, (try? Interval(interval)) == nil { throw ValidationError("Not an interval: '\(interval)'.") }
        if let key, (try? Key(key)) == nil { throw ValidationError("Not a key: '\(key)'.") }
    }

    func run() throws {
        let score = try attributing(to: input) { try Score.read(contentsOf: URL(fileURLWithPath: input)) }
        let moved = try attributing(to: input) {
            if let interval { try score.transposed(by: try Interval(interval)) } else { try score.transposed(to: try Key(key!)) }
        }
        try attributing(to: output) { try moved.write(to: URL(fileURLWithPath: output)) }
    }
}
