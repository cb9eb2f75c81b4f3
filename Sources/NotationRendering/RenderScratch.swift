import Foundation
import Notation

/// The temporary folder a rendering writes its intermediate files in.
enum RenderScratch {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-render-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch { throw RenderError.io(path: url.path, reason: "cannot create a temporary folder", cause: error) }
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Moves a finished file into place, replacing what was there.
    static func move(_ source: URL, to target: URL) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            // Copy rather than move: the scratch folder may be on another file system.
            try manager.copyItem(at: source, to: target)
        } catch { throw RenderError.io(path: target.path, reason: "cannot write", cause: error) }
    }
}
