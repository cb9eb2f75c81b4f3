import Foundation

/// Programs some tests run (xmllint) or need installed (MuseScore, FluidSynth), found on `PATH`
/// the way a shell finds them, never at a fixed path.
public enum ExternalProgram {
    /// The first executable `name` on `PATH`, or `nil`.
    public static func url(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Whether `name` is on `PATH`.
    public static func isAvailable(_ name: String) -> Bool { url(name) != nil }
}
