// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Recompose",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Notation", targets: ["Notation"]),
        .library(name: "Generation", targets: ["Generation"]),
        .executable(name: "recompose", targets: ["recompose"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `swift package generate-documentation` for the DocC reference; no code of ours uses it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // System-library shims: each is a module map over a C library found by pkg-config.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // CPU feature probes for choosing OpenBLAS's kernels; OpenBLAS itself is opened with
        // dlopen at first use (see Sources/Generation/Network/BLAS.swift), never linked.
        .target(name: "CBLAS"),
        .target(
            name: "Notation",
            dependencies: [
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "Generation",
            dependencies: ["Notation", "CBLAS"]
        ),
        .executableTarget(
            name: "recompose",
            dependencies: [
                "Notation",
                "Generation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "TrainingBenchmark",
            dependencies: ["Generation"],
            path: "Benchmarks/TrainingBenchmark"
        ),
        .testTarget(name: "NotationTests", dependencies: ["Notation"]),
        .testTarget(
            name: "GenerationTests",
            dependencies: ["Generation", "Notation"],
            exclude: ["Fixtures"]  // read by path from the tests, not bundled
        ),
    ],
    swiftLanguageModes: [.v6]
)
