import Foundation

/// A fresh folder of a test's own under the system's temporary directory, so tests running in
/// parallel never share a path. Remove it when done:
///
/// ```swift
/// let folder = try TemporaryDirectory.make()
/// defer { TemporaryDirectory.remove(folder) }
/// ```
public enum TemporaryDirectory {
    /// Creates `recompose-PREFIX-UUID` in the temporary directory.
    public static func make(_ prefix: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes the folder and everything in it; a folder already gone is fine.
    public static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}
