import ArgumentParser
import Foundation
import Notation

@main
struct Recompose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recompose",
        abstract: "Read, analyse, transform and write symbolic music.",
        subcommands: [
            InfoCommand.self,
            DumpCommand.self,
            ConvertCommand.self,
            TransposeCommand.self,
            PrepareCommand.self,
            TrainCommand.self,
            GenerateCommand.self,
            EvaluateCommand.self,
            RenderCommand.self,
        ])

    /// Runs the tool with the project's exit codes: 0 success, 1 bad input, 2 usage error
    /// (ArgumentParser's own code for usage errors is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
