// swift-tools-version: 6.0
import PackageDescription

// Small programs that use Recompose as any package would: through its public products only.
// Each executable does one task in one `main.swift` of at most 25 lines of code.
let package = Package(
    name: "RecomposeExamples",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The name pins the package's identity: without it SwiftPM names a path dependency after
        // its folder, which is whatever the checkout is called.
        .package(name: "Recompose", path: ".."),
    ],
    targets: [
        .executableTarget(name: "list-notes", dependencies: [.product(name: "Notation", package: "Recompose")]),
        .executableTarget(name: "changes", dependencies: [.product(name: "Notation", package: "Recompose")]),
        .executableTarget(name: "transpose", dependencies: [.product(name: "Notation", package: "Recompose")]),
        .executableTarget(name: "split-hands", dependencies: [.product(name: "Notation", package: "Recompose")]),
        .executableTarget(name: "read-damaged", dependencies: [.product(name: "Notation", package: "Recompose")]),
        .executableTarget(name: "compose", dependencies: [.product(name: "Generation", package: "Recompose"),
                                                          .product(name: "Notation", package: "Recompose")]),
        .executableTarget(name: "train", dependencies: [.product(name: "Generation", package: "Recompose")]),
    ],
    swiftLanguageModes: [.v6]
)
