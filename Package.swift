// swift-tools-version: 6.0
import PackageDescription

// What may import what (the README's "Layout" says the same):
//   Notation            — CLibXML2, CZlib. Never launches a process.
//   NotationRendering   — Notation (MuseScore and FluidSynth through Foundation's Process).
//   NeuralNetwork       — CNetworkKernels. Knows nothing of music.
//   Generation          — Notation, NeuralNetwork.
//   CommandLineSupport  — Notation; what the two command-line tools share (JSON lines).
//   recompose           — the user's CLI over all of the above.
//   recompose-dev       — oracle and benchmark commands for the parity scripts (NeuralNetwork for the
//                         PyTorch parity); not installed.
let package = Package(
    name: "Recompose",
    // Built and tested on Linux only. The Apple platforms are the oldest with Synchronization's
    // `Mutex` and `Atomic`, which the libraries use; they are not built here (see the README).
    platforms: [.macOS(.v15), .iOS(.v18)],
    products: [
        .library(name: "Notation", targets: ["Notation"]),
        .library(name: "NotationRendering", targets: ["NotationRendering"]),
        .library(name: "NeuralNetwork", targets: ["NeuralNetwork"]),
        .library(name: "Generation", targets: ["Generation"]),
        .executable(name: "recompose", targets: ["recompose"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // C kernels of the network: CPU feature probes (which OpenBLAS kernels to ask for),
        // the vectorised LSTM cell and a packed matrix product. OpenBLAS itself is opened with
        // dlopen at first use (Sources/NeuralNetwork/BLAS.swift), never linked.
        .target(name: "CNetworkKernels"),
        .target(name: "Notation", dependencies: ["CLibXML2", "CZlib"]),
        .target(name: "NotationRendering", dependencies: ["Notation"]),
        .target(name: "NeuralNetwork", dependencies: ["CNetworkKernels"]),
        .target(name: "Generation", dependencies: ["Notation", "NeuralNetwork"]),
        // What both command-line tools share: JSON lines written through Encodable.
        .target(name: "CommandLineSupport", dependencies: ["Notation"]),
        .executableTarget(
            name: "recompose",
            dependencies: [
                "CommandLineSupport",
                "Notation",
                "NotationRendering",
                "Generation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "recompose-dev",
            dependencies: [
                "CommandLineSupport",
                "Notation",
                "NeuralNetwork",
                "Generation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/recompose-dev"
        ),
        .executableTarget(
            name: "TrainingBenchmark",
            dependencies: ["NeuralNetwork", "CNetworkKernels"],
            path: "Benchmarks/TrainingBenchmark"
        ),
        // Hand-built scores and the path to ../shared, for the test targets.
        .target(name: "TestSupport", dependencies: ["Notation"], path: "Tests/TestSupport"),
        .testTarget(name: "NotationTests", dependencies: ["Notation", "TestSupport"]),
        .testTarget(name: "NotationRenderingTests", dependencies: ["NotationRendering", "Notation", "TestSupport", "CZlib"]),
        .testTarget(
            name: "NeuralNetworkTests",
            dependencies: ["NeuralNetwork", "CNetworkKernels"],
            exclude: ["Fixtures"]  // read by path from the tests, not bundled
        ),
        .testTarget(name: "GenerationTests", dependencies: ["Generation", "NeuralNetwork", "Notation", "NotationRendering", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
