import Foundation
import Notation

/// A command-line program run without a shell, with a bounded run time and its output captured.
struct ExternalTool: Sendable {
    /// The program's name on `PATH` (also used in messages).
    var name: String
    /// The Debian package that installs it, named in ``RenderError/toolNotFound(tool:package:)``.
    var package: String
    /// An explicit path that overrides the `PATH` search.
    var path: String?

    /// What a finished run printed.
    struct Output: Sendable {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Finds the executable: the explicit path if given (it must be executable), else the first
    /// match on `PATH`.
    func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let manager = FileManager.default
        if let path {
            guard manager.isExecutableFile(atPath: path) else { throw RenderError.toolNotFound(tool: path, package: package) }
            return URL(fileURLWithPath: path)
        }
        let search = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for folder in search where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if manager.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw RenderError.toolNotFound(tool: name, package: package)
    }

    /// Whether the program can be found.
    var isAvailable: Bool { (try? locate()) != nil }

    /// Runs the program with `arguments` and waits at most `timeout` seconds; a program still
    /// running then is terminated (and killed if it ignores that) and the run throws
    /// ``RenderError/timedOut(tool:seconds:)``. Output goes to files in `workDirectory` rather
    /// than pipes, so a chatty program can never block on a full pipe while we wait.
    func run(_ arguments: [String], environment extra: [String: String] = [:], in workDirectory: URL,
             timeout: Double) throws -> Output {
        let executable = try locate()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workDirectory
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let outURL = workDirectory.appendingPathComponent(".\(name).stdout")
        let errURL = workDirectory.appendingPathComponent(".\(name).stderr")
        let manager = FileManager.default
        guard manager.createFile(atPath: outURL.path, contents: nil), manager.createFile(atPath: errURL.path, contents: nil),
              let outHandle = try? FileHandle(forWritingTo: outURL), let errHandle = try? FileHandle(forWritingTo: errURL)
        else { throw RenderError.io(path: workDirectory.path, reason: "cannot create files for \(name)'s output") }
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw RenderError.launchFailed(tool: executable.path, cause: error) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            let grace = Date().addingTimeInterval(2)
            while process.isRunning && Date() < grace { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw RenderError.timedOut(tool: name, seconds: timeout)
        }
        process.waitUntilExit()
        let read = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        return Output(status: process.terminationStatus, standardOutput: read(outURL), standardError: read(errURL))
    }
}
