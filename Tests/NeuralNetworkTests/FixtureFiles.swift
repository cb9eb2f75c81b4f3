import Foundation

/// The committed fixture files of this test target (`Tests/NeuralNetworkTests/Fixtures`), found
/// from this source file's location, not the working directory.
enum FixtureFiles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
}
