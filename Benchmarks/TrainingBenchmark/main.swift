// Training and generation throughput of the seed architecture, plus the machine's sgemm peak.
// Not a test: run in release mode, e.g. `swift run -c release TrainingBenchmark all`.
// Usage: TrainingBenchmark [sgemm|train|train-every-step|generate|all] [--batches N] [--batch B]
//        [--steps T] [--units U] [--notes V] [--durations D] [--conditioning F] [--threads N]
//        [--blas-threads N] [--json]
// train-every-step (EveryStepBenchmark.swift) is the duet recipe's training; its defaults are
// batch 16, 90 notes, 25 durations (the duet model on Chopin, note-wise tokens), 20 conditioning
// values. It is not part of `all`.
// --threads: the training's own threads (data parallelism over the batch, default 2);
// --blas-threads: OpenBLAS's thread count, set once at load; 0 leaves OpenBLAS's own count
// (every core). Default: OpenBLAS's own for `sgemm` (the machine's peak), else 1 (the library's
// default, which the data-parallel training wants).
import Foundation
import NeuralNetwork
import CNetworkKernels

struct Options {
    var mode = "all"
    var batches = 12
    var batch = 64
    var steps = 100
    var units = 256
    var notes = 300
    var durations = 20
    var conditioning = 20
    var json = false
    var threads = 2
    /// nil: not given on the command line.
    var blasThreads: Int?? = nil
}

func parse() -> Options {
    var options = Options()
    var args = CommandLine.arguments.dropFirst()
    var given: Set<String> = []
    while let arg = args.popFirst() {
        if arg.hasPrefix("--") { given.insert(arg) }
        func int() -> Int { Int(args.popFirst() ?? "") ?? 0 }
        switch arg {
        case "--batches": options.batches = int()
        case "--batch": options.batch = int()
        case "--steps": options.steps = int()
        case "--units": options.units = int()
        case "--notes": options.notes = int()
        case "--durations": options.durations = int()
        case "--conditioning": options.conditioning = int()
        case "--json": options.json = true
        case "--threads": options.threads = int()
        case "--blas-threads":
            let count = int()
            options.blasThreads = .some(count > 0 ? count : nil)
        default: options.mode = arg
        }
    }
    if options.mode == "train-every-step" {
        if !given.contains("--batch") { options.batch = 16 }
        if !given.contains("--notes") { options.notes = 90 }
        if !given.contains("--durations") { options.durations = 25 }
    }
    return options
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// CPU seconds (user + system) used by the process so far, all threads.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
}

/// Peak resident memory in MiB (Linux VmHWM).
func peakRSS() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

/// The synthetic token stream shared with Scripts/keras/benchmark.py: a 31-bit LCG. Element k's
/// `conditioning` values (0/1, at most 20: a draw has 20 bits above bit 10) are bits 11, 12, …
/// of its draw, so the notes and durations stay the same whatever the width.
func syntheticStream(count: Int, notes: Int, durations: Int, conditioning: Int = 0)
    -> (notes: [Int32], durations: [Int32], conditioning: [Float]) {
    var x: UInt64 = 12345
    var n: [Int32] = [], d: [Int32] = [], c: [Float] = []
    for _ in 0..<count {
        x = (x &* 1_103_515_245 &+ 12345) & 0x7FFF_FFFF
        n.append(Int32((x >> 8) % UInt64(notes)))
        d.append(Int32((x >> 4) % UInt64(durations)))
        for j in 0..<conditioning { c.append(Float((x >> (11 + UInt64(j))) & 1)) }
    }
    return (n, d, c)
}

func sgemmBenchmark(_ options: Options) throws -> Double {
    let n = 2048
    let a = (0..<(n * n)).map { Float(($0 % 17) - 8) * 0.01 }
    let b = (0..<(n * n)).map { Float(($0 % 13) - 6) * 0.01 }
    var best = 0.0
    for _ in 0..<5 {
        let start = now()
        _ = try BLAS.multiply(a, b, m: n, n: n, k: n)
        let seconds = now() - start
        best = max(best, 2 * Double(n * n * n) / seconds / 1e9)
    }
    return best
}

func trainBenchmark(_ options: Options) throws -> [String: Double] {
    let configuration = ModelConfiguration(
        noteVocabularySize: options.notes, durationVocabularySize: options.durations,
        lstmUnits: [options.units, options.units, options.units], denseUnits: options.units, dropout: 0.3)
    var model = try SequenceModel(configuration: configuration, seed: 1)
    var optimizer = Adam()
    var random = SeededRandom(seed: 2)
    let b = options.batch, t = options.steps
    let stream = syntheticStream(count: options.batches * b + t + 1, notes: options.notes, durations: options.durations)
    func batch(_ index: Int) throws -> TrainingBatch {
        var n: [Int32] = [], d: [Int32] = [], tn: [Int32] = [], td: [Int32] = []
        for s in 0..<b {
            let start = index * b + s
            n += stream.notes[start..<(start + t)]
            d += stream.durations[start..<(start + t)]
            tn.append(stream.notes[start + t])
            td.append(stream.durations[start + t])
        }
        return try TrainingBatch(batchSize: b, steps: t, notes: n, durations: d, targetNotes: tn, targetDurations: td)
    }
    let batches = try (0..<options.batches).map(batch)
    // One warm-up step (first-touch page faults, BLAS thread start-up) is not timed.
    try model.train(batches[0], optimizer: &optimizer, random: &random, threads: options.threads)
    let start = now()
    let cpuStart = cpuSeconds()
    var loss = 0.0
    for index in 1..<batches.count {
        loss = try model.train(batches[index], optimizer: &optimizer, random: &random, threads: options.threads)
    }
    let seconds = now() - start
    let cpu = cpuSeconds() - cpuStart
    let sequences = Double((batches.count - 1) * b)
    // Training ≈ 3 × the forward products (forward, input gradient, weight gradient).
    let flops = 3 * Double(configuration.forwardFLOPs(steps: t)) * sequences
    // What this implementation actually multiplies: the first LSTM's one-hot input product is a
    // row gather forward, a scatter backward, and needs no input gradient.
    let skipped = 3 * Double(2 * configuration.inputSize * 4 * options.units * t) * sequences
    return [
        "sequences": sequences, "seconds": seconds, "sequencesPerSecond": sequences / seconds,
        "effectiveGFLOPs": flops / seconds / 1e9, "performedGFLOPs": (flops - skipped) / seconds / 1e9, "loss": loss, "peakRSSMiB": peakRSS(),
        "cpuSeconds": cpu, "sequencesPerCPUSecond": sequences / cpu,
    ]
}

func generateBenchmark(_ options: Options) throws -> Double {
    let configuration = ModelConfiguration(
        noteVocabularySize: options.notes, durationVocabularySize: options.durations,
        lstmUnits: [options.units, options.units, options.units], denseUnits: options.units, dropout: 0.3)
    let model = try SequenceModel(configuration: configuration, seed: 1)
    var state = model.makeState()
    var note = 0, duration = 0
    let count = 2000
    var start = 0.0
    for k in 0..<(count + 100) {
        if k == 100 { start = now() }
        let p = try model.step(note: note, duration: duration, state: &state)
        // Greedy choice: only the cost of a step matters here.
        note = p.notes.indices.max { p.notes[$0] < p.notes[$1] } ?? 0
        duration = p.durations.indices.max { p.durations[$0] < p.durations[$1] } ?? 0
    }
    return (now() - start) / Double(count) * 1000
}

/// GFLOP/s of the products one training step is made of (diagnostics).
func shapesBenchmark() throws {
    // (name, m, n, k, transA, transB): one data-parallel part (32 windows × 100 steps).
    let shapes: [(String, Int, Int, Int, Bool, Bool)] = [
        ("recurrent step [32×256]·[256×1024]", 32, 1024, 256, false, false),
        ("backward step [32×1024]·[1024×256]ᵀ", 32, 256, 1024, false, true),
        ("input projection [3200×256]·[256×1024]", 3200, 1024, 256, false, false),
        ("weight gradient [3200×256]ᵀ·[3200×1024]", 256, 1024, 3200, true, false),
        ("input gradient [3200×1024]·[256×1024]ᵀ", 3200, 256, 1024, false, true),
        ("reference [2048×2048]·[2048×2048]", 2048, 2048, 2048, false, false),
    ]
    guard try BLAS.info().threads == 1 else {
        print("shapes: run with --blas-threads 1 (the default)")
        return
    }
    for (name, m, n, k, ta, tb) in shapes {
        let a = [Float](repeating: 0.01, count: m * k), b = [Float](repeating: 0.02, count: k * n)
        var c = [Float](repeating: 0, count: m * n)
        let repeats = max(1, 4_000_000_000 / (2 * m * n * k))
        func run() {
            a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in c.withUnsafeMutableBufferPointer { c in
                BLASBench.gemm(ta, tb, m, n, k, a.baseAddress!, b.baseAddress!, c.baseAddress!)
            } } }
        }
        run()
        let start = now()
        for _ in 0..<repeats { run() }
        let seconds = now() - start
        print(String(format: "1 thread %@: %.1f GFLOP/s", name, Double(2 * m * n * k * repeats) / seconds / 1e9))
    }
    // The packed kernel on the two per-step shapes.
    for (name, m, n, k) in [("packed recurrent step", 32, 1024, 256), ("packed backward step", 32, 256, 1024)] {
        let a = [Float](repeating: 0.01, count: m * k), b = [Float](repeating: 0.02, count: k * n)
        var packed = [Float](repeating: 0, count: k * n)
        recompose_pack_b(b, k, n, n, 0, &packed)
        var c = [Float](repeating: 0, count: m * n)
        let repeats = max(1, 4_000_000_000 / (2 * m * n * k))
        let start = now()
        for _ in 0..<repeats { recompose_gemm_packed_accumulate(m, n, k, a, k, packed, &c, n) }
        let seconds = now() - start
        print(String(format: "1 thread %@ [%d×%d]·[%d×%d]: %.1f GFLOP/s", name, m, k, k, n, Double(2 * m * n * k * repeats) / seconds / 1e9))
    }
}

let options = parse()
// Loads OpenBLAS before anything else, with the thread count asked for.
let blasThreads = options.blasThreads ?? (options.mode == "sgemm" ? nil : 1)
try BLAS.load(BLAS.Configuration(threads: blasThreads))
if options.mode == "shapes" { try shapesBenchmark() }
if CommandLine.arguments.dropFirst().first == "save" {
    // Writes a small seeded model (for checking the files with other readers) and exits.
    let path = CommandLine.arguments.last ?? "model"
    let model = try SequenceModel(
        configuration: ModelConfiguration(noteVocabularySize: 7, durationVocabularySize: 4, lstmUnits: [6, 5], denseUnits: 8),
        seed: 3)
    try model.save(to: URL(fileURLWithPath: path), metadata: ["format": "recompose"])
    print("saved \(path): \(model.parameterNames.count) tensors, first scalars \(model.parameters[0].scalars.prefix(3))")
    exit(0)
}
let info = try BLAS.info()
var results: [String: Double] = [:]
if !options.json {
    print("BLAS: \(info.library), core \(info.coreName), OPENBLAS_CORETYPE \(info.coreType ?? "unset")"
        + " (\(info.coreTypeChosenByLoader ? "chosen from CPUID" : "from environment")), \(info.threads) threads")
}
if options.mode == "sgemm" || options.mode == "all" {
    let gflops = try sgemmBenchmark(options)
    results["sgemmGFLOPs"] = gflops
    if !options.json { print(String(format: "sgemm 2048³: %.1f GFLOP/s", gflops)) }
}
if options.mode == "train" || options.mode == "all" {
    let r = try trainBenchmark(options)
    results.merge(r) { $1 }
    if !options.json {
        print(String(format: "train: %.0f sequences in %.2f s = %.1f sequences/s, %.1f GFLOP/s effective (%.1f performed), loss %.3f, peak RSS %.0f MiB, %.1f CPU s (%.1f sequences per CPU second)",
                     r["sequences"]!, r["seconds"]!, r["sequencesPerSecond"]!, r["effectiveGFLOPs"]!, r["performedGFLOPs"]!, r["loss"]!, r["peakRSSMiB"]!, r["cpuSeconds"]!, r["sequencesPerCPUSecond"]!))
    }
}
if options.mode == "train-every-step" {
    let r: [String: Double]
    do {
        r = try trainEveryStepBenchmark(options)
    } catch let error as InvalidOption {
        FileHandle.standardError.write(Data("TrainingBenchmark: \(error)\n".utf8))
        exit(2)
    }
    results.merge(r) { $1 }
    if !options.json { printEveryStep(r, options) }
}
if options.mode == "generate" || options.mode == "all" {
    let ms = try generateBenchmark(options)
    results["millisecondsPerElement"] = ms
    if !options.json { print(String(format: "generate: %.3f ms per element (stateful step)", ms)) }
}
if options.json {
    let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
