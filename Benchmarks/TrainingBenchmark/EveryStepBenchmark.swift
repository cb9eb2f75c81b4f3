// `train-every-step`: the duet recipe's training (a target at every position, the state carried
// between consecutive windows, conditioning values with every element), timed on synthetic data
// shared with Scripts/keras/benchmark.py --every-step.
import NeuralNetwork

/// Element `e` of stream `s` is element `s · length + e` of the synthetic stream, so every stream
/// is a contiguous run and consecutive windows continue each other, as a piece does.
func everyStepBatches(_ options: Options) throws -> [SequenceBatch] {
    let b = options.batch, t = options.steps, f = options.conditioning
    // One extra element per stream: the last window's last target.
    let length = options.batches * t + 1
    let stream = syntheticStream(count: b * length, notes: options.notes, durations: options.durations, conditioning: f)
    return try (0..<options.batches).map { k in
        var n: [Int32] = [], d: [Int32] = [], tn: [Int32] = [], td: [Int32] = [], c: [Float] = []
        for s in 0..<b {
            let first = s * length + k * t
            n += stream.notes[first..<(first + t)]
            d += stream.durations[first..<(first + t)]
            tn += stream.notes[(first + 1)...(first + t)]
            td += stream.durations[(first + 1)...(first + t)]
            c += stream.conditioning[(first * f)..<((first + t) * f)]
        }
        return try SequenceBatch(batchSize: b, steps: t, notes: n, durations: d, conditioning: c,
                                 targetNotes: tn, targetDurations: td)
    }
}

/// Trains on `--batches` consecutive batches (the first untimed) and returns elements learnt per
/// second (every position of every window is a target), CPU share, peak RSS and the last loss.
func trainEveryStepBenchmark(_ options: Options) throws -> [String: Double] {
    guard (0...20).contains(options.conditioning) else {
        throw InvalidOption(description: "--conditioning takes 0…20 (bits of the synthetic stream's draws)")
    }
    // The first batch is the untimed warm-up.
    guard options.batches >= 2 else { throw InvalidOption(description: "--batches takes at least 2") }
    let configuration = ModelConfiguration(
        noteVocabularySize: options.notes, durationVocabularySize: options.durations,
        lstmUnits: [options.units, options.units, options.units], denseUnits: options.units, dropout: 0.3,
        conditioningSize: options.conditioning)
    var model = try SequenceModel(configuration: configuration, seed: 1)
    var optimizer = Adam()
    var random = SeededRandom(seed: 2)
    let b = options.batch, t = options.steps
    let batches = try everyStepBatches(options)
    var state = RecurrentState(batchSize: b, units: configuration.lstmUnits)
    // One warm-up step (first-touch page faults, thread start-up) is not timed; its final state
    // starts the first timed step, as in Trainer.trainEveryStep.
    try model.trainEveryStep(batches[0], state: &state, optimizer: &optimizer, random: &random, threads: options.threads)
    let start = now()
    let cpuStart = cpuSeconds()
    var loss = 0.0
    for index in 1..<batches.count {
        loss = try model.trainEveryStep(batches[index], state: &state, optimizer: &optimizer, random: &random,
                                        threads: options.threads)
    }
    let seconds = now() - start
    let cpu = cpuSeconds() - cpuStart
    let elements = Double((batches.count - 1) * b * t)
    let flops = 3 * Double(everyStepForwardFLOPs(configuration, steps: t)) * Double((batches.count - 1) * b)
    return [
        "elements": elements, "seconds": seconds, "elementsPerSecond": elements / seconds,
        "effectiveGFLOPs": flops / seconds / 1e9, "loss": loss, "peakRSSMiB": peakRSS(),
        "cpuSeconds": cpu, "cpuShare": cpu / seconds, "elementsPerCPUSecond": elements / cpu,
    ]
}

/// Forward FLOPs of the matrix products for one window when the dense layer and the heads run
/// at every step (``ModelConfiguration/forwardFLOPs(steps:)`` runs them once), the first LSTM's
/// input product counted as dense, as Keras performs it. Scripts/keras/benchmark.py counts the same.
func everyStepForwardFLOPs(_ configuration: ModelConfiguration, steps: Int) -> Int {
    var perStep = 0
    var input = configuration.inputSize
    for u in configuration.lstmUnits {
        perStep += 8 * u * (input + u)
        input = u
    }
    perStep += 2 * input * configuration.denseUnits
    perStep += 2 * configuration.denseUnits * (configuration.noteVocabularySize + configuration.durationVocabularySize)
    return steps * perStep
}

/// The human-readable line of ``trainEveryStepBenchmark(_:)``'s results.
func printEveryStep(_ r: [String: Double], _ options: Options) {
    print(String(format: "train-every-step: %.0f elements (batch %d × %d steps × %d) in %.2f s = %.0f elements/s, "
                     + "%.1f GFLOP/s effective, loss %.3f, peak RSS %.0f MiB, %.1f CPU s (CPU share %.2f, %.0f elements per CPU second)",
                 r["elements"]!, options.batch, options.steps, options.batches - 1, r["seconds"]!, r["elementsPerSecond"]!,
                 r["effectiveGFLOPs"]!, r["loss"]!, r["peakRSSMiB"]!, r["cpuSeconds"]!, r["cpuShare"]!,
                 r["elementsPerCPUSecond"]!))
}
