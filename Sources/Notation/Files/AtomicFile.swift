import Foundation

/// Writing a whole file so that readers see the old file or the new one, never half of one.
package enum AtomicFile {
    /// Writes `data` beside `url` under a temporary name, then renames it over `url`
    /// (rename(2) replaces the target atomically); the temporary file is removed on failure.
    package static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
