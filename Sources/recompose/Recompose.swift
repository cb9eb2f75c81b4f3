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
            AnalyzeCommand.self,
            ConvertCommand.self,
            TransposeCommand.self,
            PrepareCommand.self,
            MergeCommand.self,
            TrainCommand.self,
            GenerateCommand.self,
            EvaluateCommand.self,
            RenderCommand.self,
        ])

    /// Runs the tool with the project's exit codes: 0 success, 1 bad input (a ``CommandError``,
    /// printed on one line), 2 usage error (ArgumentParser's message; its own code is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CommandError {
            note(error.description)
            Foundation.exit(ExitCode.failure.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                note(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
