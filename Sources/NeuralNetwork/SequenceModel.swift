import Dispatch
import Foundation
import Synchronization

/// The seed's network: stacked LSTMs over one-hot (note, duration) inputs, dropout between them,
/// a ReLU dense layer and two softmax heads (note/chord, duration), trained with the sum of the
/// two heads' sparse categorical cross-entropies.
///
/// Inputs are one-hot, not embedded: the first LSTM sees the note's one-hot vector and the
/// duration's one-hot vector side by side, exactly as a Keras model fed the concatenated one-hot
/// arrays. Its input product is computed as a sum of two kernel rows, which is the same value
/// without the multiplications by zero.
///
/// Parameter names follow the Keras layers: `lstm_1.kernel`, `lstm_1.recurrent_kernel`,
/// `lstm_1.bias`, …, `dense.kernel`, `dense.bias`, `notes.kernel`, `notes.bias`,
/// `durations.kernel`, `durations.bias`.
///
/// The methods that run the network (``train(_:optimizer:random:threads:)``, the losses,
/// ``predict(_:)``, ``step(note:duration:state:)``) load the matrix-product library on first use
/// unless ``BLAS/load(_:)`` did, which sets process-wide state once (see ``BLAS``); they change
/// none themselves.
public struct SequenceModel: Sendable, Equatable {
    /// The architecture.
    public let configuration: ModelConfiguration
    /// The stacked LSTMs; all but the last return sequences.
    public internal(set) var lstms: [LSTM]
    /// The ReLU layer after the last LSTM.
    public internal(set) var dense: Dense
    /// The note/chord head (logits; softmax in the loss and in predictions).
    public internal(set) var noteHead: Dense
    /// The duration head.
    public internal(set) var durationHead: Dense
    /// The dropout after each LSTM but the last.
    public let dropout: Dropout

    /// A model initialised from `seed` as Keras initialises its layers.
    ///
    /// - Throws: ``NetworkError/invalidConfiguration(_:)`` for a bad configuration.
    public init(configuration: ModelConfiguration, seed: UInt64) throws(NetworkError) {
        try configuration.validate()
        var random = SeededRandom(seed: seed)
        self.configuration = configuration
        var input = configuration.inputSize
        var lstms: [LSTM] = []
        for (index, units) in configuration.lstmUnits.enumerated() {
            let last = index == configuration.lstmUnits.count - 1
            lstms.append(try LSTM(inputSize: input, units: units, returnSequences: !last, random: &random))
            input = units
        }
        self.lstms = lstms
        dense = try Dense(inputSize: input, outputSize: configuration.denseUnits, activation: .relu, random: &random)
        noteHead = try Dense(
            inputSize: configuration.denseUnits, outputSize: configuration.noteVocabularySize,
            activation: .linear, random: &random)
        durationHead = try Dense(
            inputSize: configuration.denseUnits, outputSize: configuration.durationVocabularySize,
            activation: .linear, random: &random)
        dropout = try Dropout(rate: configuration.dropout)
    }

    // MARK: Parameters

    /// The names of all parameter tensors, in the order of ``parameters``.
    public var parameterNames: [String] {
        var names: [String] = []
        for index in lstms.indices {
            let prefix = "lstm_\(index + 1)"
            names += ["\(prefix).kernel", "\(prefix).recurrent_kernel", "\(prefix).bias"]
        }
        names += ["dense.kernel", "dense.bias", "notes.kernel", "notes.bias", "durations.kernel", "durations.bias"]
        return names
    }

    /// All parameter tensors, in the order of ``parameterNames``. Replace them with the checked
    /// ``setParameters(_:)``; the unchecked setter is internal because wrong shapes would make
    /// the matrix products read out of bounds.
    public internal(set) var parameters: [Tensor] {
        get {
            var list: [Tensor] = []
            for lstm in lstms { list += [lstm.kernel, lstm.recurrentKernel, lstm.bias] }
            list += [dense.kernel, dense.bias, noteHead.kernel, noteHead.bias, durationHead.kernel, durationHead.bias]
            return list
        }
        set {
            var k = 0
            for index in lstms.indices {
                lstms[index].kernel = newValue[k]
                lstms[index].recurrentKernel = newValue[k + 1]
                lstms[index].bias = newValue[k + 2]
                k += 3
            }
            dense.kernel = newValue[k]; dense.bias = newValue[k + 1]
            noteHead.kernel = newValue[k + 2]; noteHead.bias = newValue[k + 3]
            durationHead.kernel = newValue[k + 4]; durationHead.bias = newValue[k + 5]
        }
    }

    /// Replaces all parameters after checking their count and shapes.
    ///
    /// - Throws: ``NetworkError/shapeMismatch(context:expected:actual:)`` naming the first
    ///   parameter whose shape differs.
    public mutating func setParameters(_ tensors: [Tensor]) throws(NetworkError) {
        let current = parameters
        let names = parameterNames
        guard tensors.count == current.count else {
            throw .shapeMismatch(context: "parameter count", expected: [current.count], actual: [tensors.count])
        }
        for (index, tensor) in tensors.enumerated() where tensor.shape != current[index].shape {
            throw .shapeMismatch(context: names[index], expected: current[index].shape, actual: tensor.shape)
        }
        parameters = tensors
    }

    /// The total number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    // MARK: Forward and backward

    /// What a forward pass keeps for the backward pass.
    struct Record {
        let batch: Int
        let steps: Int
        var inputs: [LSTMInput] = []
        var traces: [LSTM.Trace] = []
        var masks: [[Float]] = []
        var denseInput: [Float] = []
        var denseOutput: [Float] = []
        var noteLogits: [Float] = []
        var durationLogits: [Float] = []
    }

    /// Time-major one-hot indices `[T][B][2]` from a batch, checked against the vocabularies.
    func inputIndices(_ batch: TrainingBatch) throws(NetworkError) -> [Int32] {
        let b = batch.batchSize, t = batch.steps
        let vn = Int32(configuration.noteVocabularySize), vd = Int32(configuration.durationVocabularySize)
        var indices = [Int32](repeating: 0, count: b * t * 2)
        for s in 0..<b {
            for step in 0..<t {
                let note = batch.notes[s * t + step], duration = batch.durations[s * t + step]
                guard note >= 0, note < vn else {
                    throw .invalidInput(context: "window \(s), step \(step)", reason: "note id \(note) outside 0..<\(vn)")
                }
                guard duration >= 0, duration < vd else {
                    throw .invalidInput(
                        context: "window \(s), step \(step)", reason: "duration id \(duration) outside 0..<\(vd)")
                }
                let row = (step * b + s) * 2
                indices[row] = note
                indices[row + 1] = vn + duration
            }
        }
        return indices
    }

    func checkTargets(_ batch: TrainingBatch) throws(NetworkError) {
        for (s, note) in batch.targetNotes.enumerated()
        where note < 0 || Int(note) >= configuration.noteVocabularySize {
            throw .invalidInput(context: "target of window \(s)", reason: "note id \(note) out of range")
        }
        for (s, duration) in batch.targetDurations.enumerated()
        where duration < 0 || Int(duration) >= configuration.durationVocabularySize {
            throw .invalidInput(context: "target of window \(s)", reason: "duration id \(duration) out of range")
        }
    }

    /// Runs the network; `random` non-nil means training mode (dropout on).
    func forward(_ batch: TrainingBatch, random: inout SeededRandom?) throws(NetworkError) -> Record {
        try BLAS.require()
        var record = Record(batch: batch.batchSize, steps: batch.steps)
        let b = batch.batchSize, t = batch.steps
        var input = LSTMInput.oneHot(indices: try inputIndices(batch), activePerRow: 2)
        for (index, lstm) in lstms.enumerated() {
            let trace = lstm.forward(input, batch: b, steps: t)
            record.inputs.append(input)
            record.traces.append(trace)
            if index < lstms.count - 1 {
                var sequence = uninitializedFloats(trace.sequenceOutput.count)
                sequence.withUnsafeMutableBufferPointer { target in
                    _ = target.update(fromContentsOf: trace.sequenceOutput)
                }
                record.masks.append(dropout.forward(&sequence, random: &random))
                input = .dense(sequence)
            } else {
                record.denseInput = Array(trace.lastOutput)
            }
        }
        record.denseOutput = dense.forward(record.denseInput, rows: b)
        record.noteLogits = noteHead.forward(record.denseOutput, rows: b)
        record.durationLogits = durationHead.forward(record.denseOutput, rows: b)
        return record
    }

    /// The summed loss of both heads and the gradients of every parameter (order of
    /// ``parameters``). With `random` the pass is in training mode (dropout on), without it
    /// in inference mode. Runs on the calling thread; the matrix products use OpenBLAS's threads
    /// (one unless ``BLAS/Configuration/threads`` says otherwise). The first call may load the
    /// matrix-product library, which sets process-wide state once (see ``BLAS``).
    ///
    /// - Throws: ``NetworkError`` for ids out of range or a missing BLAS.
    public func lossAndGradients(
        _ batch: TrainingBatch, random: inout SeededRandom?
    ) throws(NetworkError) -> (loss: Double, gradients: [Tensor]) {
        try checkTargets(batch)
        var record = try forward(batch, random: &random)
        var dOutput: [Float] = []
        let heads = headsLossAndBackward(
            denseInput: record.denseInput, denseOutput: record.denseOutput, noteLogits: record.noteLogits,
            durationLogits: record.durationLogits, targetNotes: batch.targetNotes,
            targetDurations: batch.targetDurations, rows: batch.batchSize, outputGradient: &dOutput)

        var lstmGradients = lstms.map { $0.zeroGradients() }
        for index in lstms.indices.reversed() {
            // Moved out of the record so the backward pass can reuse its buffers in place, and
            // its buffers returned to the scratch pool once dead.
            var trace = record.traces[index]
            record.traces[index].gates = []
            record.traces[index].cells = []
            record.traces[index].hidden = []
            record.traces[index].tanhCells = []
            var dInput = lstms[index].backward(
                trace: &trace, input: record.inputs[index], outputGradient: dOutput,
                gradients: &lstmGradients[index], needInputGradient: index > 0)
            recycle(&trace.cells)
            recycle(&trace.hidden)
            recycle(&trace.tanhCells)
            if case .dense(var x) = record.inputs[index] {
                record.inputs[index] = .dense([])
                recycle(&x)
            }
            if index > 0 {
                Dropout.apply(record.masks[index - 1], to: &dInput)
                recycle(&record.masks[index - 1])
            }
            recycle(&dOutput)
            dOutput = dInput
        }

        let gradients = SequenceModel.orderedGradients(
            lstms: lstmGradients, dense: heads.dense, notes: heads.notes, durations: heads.durations)
        return (heads.loss, gradients)
    }

    /// The thread count for ``train(_:optimizer:random:threads:)`` that uses the whole machine:
    /// the number of active processors. Results depend on the thread count (dropout masks are
    /// drawn per part), so pass the same count to reproduce a run.
    public static var recommendedThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// One training step: forward with dropout, backward, one optimiser update.
    ///
    /// - Parameters:
    ///   - batch: the windows and their targets.
    ///   - optimizer: the optimiser whose state the update advances.
    ///   - random: the source of dropout masks.
    ///   - threads: how many threads share the batch (see
    ///     ``lossAndGradients(_:random:threads:)``); 1 runs on the calling thread.
    /// - Returns: the batch's loss before the update.
    ///
    /// Process-wide state: none is changed here. The first call loads the matrix-product library
    /// unless ``BLAS/load(_:)`` did; that sets OpenBLAS's thread count once, to 1 by default,
    /// which is what `threads` > 1 wants (see ``BLAS``).
    @discardableResult
    public mutating func train(
        _ batch: TrainingBatch, optimizer: inout Adam, random: inout SeededRandom, threads: Int = 1
    ) throws(NetworkError) -> Double {
        let (loss, gradients) = try lossAndGradients(batch, random: &random, threads: threads)
        // The copy-on-write copy this makes of each weight tensor costs far less than a step.
        var tensors = parameters
        try optimizer.update(parameters: &tensors, gradients: gradients)
        parameters = tensors
        return loss
    }

    /// Training-mode loss and gradients with the batch's windows shared among `threads` threads.
    ///
    /// Windows are independent until their gradients are summed, so each thread runs whole
    /// windows through forward and backward with no synchronisation per time step; the parts'
    /// means are combined weighted by their sizes, which is the mean over the batch. On a
    /// two-core machine this beats one thread driving a two-thread BLAS, whose helper thread
    /// idles (spinning) during every element-wise phase.
    ///
    /// Each thread calls OpenBLAS on its own, so OpenBLAS should run one thread per call: the
    /// default ``BLAS/Configuration/threads``, set once when the library loads. This method does
    /// not change it (threads calling a multi-threaded OpenBLAS at once wait for each other).
    ///
    /// Each part draws its dropout masks from a generator seeded from `random` in part order, so
    /// the result depends on the seed and the thread count, never on timing.
    public func lossAndGradients(
        _ batch: TrainingBatch, random: inout SeededRandom, threads: Int
    ) throws(NetworkError) -> (loss: Double, gradients: [Tensor]) {
        let parts = max(1, min(threads, batch.batchSize))
        if parts == 1 {
            var generator: SeededRandom? = random
            let result = try lossAndGradients(batch, random: &generator)
            if let generator { random = generator }
            return result
        }
        try BLAS.require()
        try checkTargets(batch)
        let seeds = (0..<parts).map { _ in random.next() }
        let subBatches = try split(batch, parts: parts)
        let model = self
        let results = SequenceModel.concurrentMap(parts) { part in
            var generator: SeededRandom? = SeededRandom(seed: seeds[part])
            return Result { () throws(NetworkError) in
                try model.lossAndGradients(subBatches[part], random: &generator)
            }
        }
        var loss = 0.0
        var gradients: [Tensor] = []
        for (part, result) in results.enumerated() {
            let (partLoss, partGradients) = try result.get()
            let weight = Double(subBatches[part].batchSize) / Double(batch.batchSize)
            loss += weight * partLoss
            SequenceModel.accumulate(partGradients, weight: Float(weight), into: &gradients)
        }
        return (loss, gradients)
    }

    /// The summed loss of both heads in inference mode (no dropout), the batch's windows shared
    /// among `threads` threads as in ``lossAndGradients(_:random:threads:)`` (1: the calling
    /// thread). The value does not depend on `threads` beyond rounding. The first call may load
    /// the matrix-product library, which sets process-wide state once (see ``BLAS``).
    ///
    /// - Throws: ``NetworkError`` for ids out of range or a missing BLAS.
    public func loss(_ batch: TrainingBatch, threads: Int = 1) throws(NetworkError) -> Double {
        let parts = max(1, min(threads, batch.batchSize))
        guard parts > 1 else { return try inferenceLoss(batch) }
        try BLAS.require()
        try checkTargets(batch)
        let subBatches = try split(batch, parts: parts)
        let model = self
        let results = SequenceModel.concurrentMap(parts) { part in
            Result { () throws(NetworkError) in try model.inferenceLoss(subBatches[part]) }
        }
        var loss = 0.0
        for (part, result) in results.enumerated() {
            loss += Double(subBatches[part].batchSize) / Double(batch.batchSize) * (try result.get())
        }
        return loss
    }

    /// The inference-mode loss on the calling thread.
    func inferenceLoss(_ batch: TrainingBatch) throws(NetworkError) -> Double {
        try checkTargets(batch)
        var none: SeededRandom? = nil
        let record = try forward(batch, random: &none)
        let notes = SoftmaxCrossEntropy.lossAndGradient(
            logits: record.noteLogits, targets: batch.targetNotes, classes: configuration.noteVocabularySize)
        let durations = SoftmaxCrossEntropy.lossAndGradient(
            logits: record.durationLogits, targets: batch.targetDurations,
            classes: configuration.durationVocabularySize)
        return notes.loss + durations.loss
    }

    /// Next-element probabilities after each window of a batch (targets are ignored), in
    /// inference mode: `notes` `[B][noteVocabularySize]`, `durations` `[B][durationVocabularySize]`.
    /// Runs on the calling thread. The first call may load the matrix-product library, which sets
    /// process-wide state once (see ``BLAS``).
    public func predict(_ batch: TrainingBatch) throws(NetworkError) -> (notes: [Float], durations: [Float]) {
        var none: SeededRandom? = nil
        let record = try forward(batch, random: &none)
        return (
            SoftmaxCrossEntropy.softmax(
                record.noteLogits, rows: batch.batchSize, classes: configuration.noteVocabularySize),
            SoftmaxCrossEntropy.softmax(
                record.durationLogits, rows: batch.batchSize, classes: configuration.durationVocabularySize)
        )
    }

    // MARK: Data parallelism

    /// The batch's windows in `parts` consecutive sub-batches whose sizes differ by at most one.
    func split(_ batch: TrainingBatch, parts: Int) throws(NetworkError) -> [TrainingBatch] {
        var subBatches: [TrainingBatch] = []
        var start = 0
        let t = batch.steps
        for part in 0..<parts {
            let size = batch.batchSize / parts + (part < batch.batchSize % parts ? 1 : 0)
            subBatches.append(try TrainingBatch(
                batchSize: size, steps: t,
                notes: Array(batch.notes[(start * t)..<((start + size) * t)]),
                durations: Array(batch.durations[(start * t)..<((start + size) * t)]),
                targetNotes: Array(batch.targetNotes[start..<(start + size)]),
                targetDurations: Array(batch.targetDurations[start..<(start + size)])))
            start += size
        }
        return subBatches
    }

    /// `body(0) … body(count - 1)`, run concurrently (`DispatchQueue.concurrentPerform`), in
    /// index order. The package's one pattern for a parallel loop: each iteration stores its
    /// result in its own slot of an array behind a `Mutex` (taken once per iteration, so it
    /// costs nothing next to the work).
    static func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = body(index)
            slots.withLock { $0[index] = result }
        }
        return slots.withLock { $0.map { $0! } }
    }
}
