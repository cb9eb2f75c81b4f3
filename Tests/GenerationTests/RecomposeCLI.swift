import Foundation
import Testing

/// The `recompose` executable built beside the tests (`swift build --build-tests` builds it
/// into the same folder as the test bundle), run with its output going to files.
enum RecomposeCLI {
    /// The executable, or `nil` when it is not built.
    static let url: URL? = {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        return folders.map { $0.appendingPathComponent("recompose") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// What a run gave.
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    struct NotBuilt: Error {}

    /// Runs `recompose ARGUMENTS` to the end; its output is collected in `folder`.
    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        guard let url else { throw NotBuilt() }
        let out = folder.appendingPathComponent("cli.stdout"), err = folder.appendingPathComponent("cli.stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   standardOutput: try String(contentsOf: out, encoding: .utf8),
                   standardError: try String(contentsOf: err, encoding: .utf8))
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs only when the `recompose` executable is built beside the tests.
    static var requiresRecomposeCLI: Self {
        .enabled(if: RecomposeCLI.url != nil,
                 "the recompose executable is not built beside the tests (swift build --build-tests builds it)")
    }
}
