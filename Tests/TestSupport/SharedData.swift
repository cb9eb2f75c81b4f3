import Foundation
import Testing

/// The read-only reference data beside the package (`../shared`: corpora, the MusicXML test
/// suite and schema), found from this source file's location rather than the working directory,
/// so tests find it however and wherever `swift test` is started.
///
/// Set `RECOMPOSE_SHARED` to use another folder instead; a folder that does not exist (for
/// example `RECOMPOSE_SHARED=/nonexistent`) makes every test that needs the data report itself
/// as skipped, which is how to check that those tests skip rather than pass on nothing.
///
/// A test that needs a file says so in a trait, so a missing folder is reported as a skip
/// with its reason, not passed in silence:
///
/// ```swift
/// @Test(.requires(shared: SharedData.pianoMIDI)) func corpus() throws { … }
/// ```
public enum SharedData {
    /// The environment variable that overrides where the shared folder is.
    public static let environmentVariable = "RECOMPOSE_SHARED"

    /// The package's root folder: the nearest folder above this source file that holds
    /// `Package.swift`.
    public static let packageRoot: URL = {
        let file = URL(fileURLWithPath: #filePath)
        var folder = file.deletingLastPathComponent()
        while folder.pathComponents.count > 1 {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        // Not inside a package checkout: this file is Tests/TestSupport/SharedData.swift.
        return file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// Where the shared folder is expected: `RECOMPOSE_SHARED` if set, else `../shared` beside
    /// the package root. It may not exist; see ``root``.
    public static let location: URL = {
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
    }()

    /// The shared folder, or `nil` when it is absent.
    public static let root: URL? = FileManager.default.fileExists(atPath: location.path) ? location : nil

    /// A file or folder inside the shared folder, e.g. `url("corpus/music21")`; it may not exist
    /// (check ``isAvailable(_:)`` in the test's `.enabled(if:)` trait).
    public static func url(_ relativePath: String) -> URL {
        location.appendingPathComponent(relativePath)
    }

    /// Whether the shared folder holds `relativePath`.
    public static func isAvailable(_ relativePath: String) -> Bool {
        root != nil && FileManager.default.fileExists(atPath: url(relativePath).path)
    }

    /// The reason given when `relativePath` is absent, for the `.enabled(if:)` trait.
    public static func missing(_ relativePath: String) -> Comment {
        Comment(rawValue: "\(url(relativePath).path) is absent (the shared test data; \(environmentVariable) overrides its location)")
    }

    // The folders the tests read.

    /// MIDI piano pieces: `chopin/`, `bach/`, `mozart/`, `schumann/`.
    public static let pianoMIDI = "corpus/piano-midi"
    /// music21's MusicXML corpus.
    public static let music21 = "corpus/music21"
    /// The Unofficial MusicXML Test Suite.
    public static let testSuite = "musicxml/testsuite"
    /// The MusicXML 4.0 XSD with its XML catalog.
    public static let schema = "musicxml/schema"
}
