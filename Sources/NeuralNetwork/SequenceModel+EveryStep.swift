/// Training with every step a target: the LSTM stack runs over whole windows, every LSTM returns
/// its sequence, the dense layer and the heads apply at every position, and the loss is the mean
/// over all B·T positions of the two heads' cross-entropies (the same unit as the seed's loss,
/// which has one target per window). A window of T elements thus teaches T targets for about the
/// cost the seed pays for one.
///
/// The state is carried between consecutive windows of a piece (truncated back-propagation
/// through time): pass the ``RecurrentState`` a call returns to the call on the next windows.
/// The same weights serve ``step(note:duration:conditioning:state:)`` at generation time, which
/// carries its state the same way.
extension SequenceModel {
    /// What the every-step forward pass keeps for the backward pass.
    struct EveryStepRecord {
        var inputs: [LSTMInput] = []
        var traces: [LSTM.Trace] = []
        var masks: [[Float]] = []
        var denseInput: [Float] = []
        var denseOutput: [Float] = []
        var noteLogits: [Float] = []
        var durationLogits: [Float] = []
        /// Targets, time-major like every row above.
        var targetNotes: [Int32] = []
        var targetDurations: [Int32] = []
    }

    /// Checks ids, conditioning width and state; returns the first LSTM's input, time-major.
    func everyStepInput(_ batch: SequenceBatch, state: RecurrentState?) throws(NetworkError)
        -> (input: LSTMInput, targetNotes: [Int32], targetDurations: [Int32]) {
        let b = batch.batchSize, t = batch.steps, f = configuration.conditioningSize
        guard batch.conditioningWidth == f else {
            throw .invalidInput(
                context: "SequenceBatch", reason: "\(batch.conditioningWidth) conditioning values per element, the network takes \(f)")
        }
        if let state {
            guard state.batchSize == b, state.fits(self) else {
                throw .invalidInput(context: "RecurrentState", reason: "does not match the batch or the model's layers")
            }
        }
        let vn = Int32(configuration.noteVocabularySize), vd = Int32(configuration.durationVocabularySize)
        var indices = [Int32](repeating: 0, count: b * t * 2)
        var targetNotes = [Int32](repeating: 0, count: b * t), targetDurations = targetNotes
        var values = f > 0 ? [Float](repeating: 0, count: b * t * f) : []
        for s in 0..<b {
            for step in 0..<t {
                let k = s * t + step, row = step * b + s
                let note = batch.notes[k], duration = batch.durations[k]
                let nextNote = batch.targetNotes[k], nextDuration = batch.targetDurations[k]
                guard note >= 0, note < vn, nextNote >= 0, nextNote < vn else {
                    throw .invalidInput(context: "window \(s), step \(step)", reason: "note id outside 0..<\(vn)")
                }
                guard duration >= 0, duration < vd, nextDuration >= 0, nextDuration < vd else {
                    throw .invalidInput(context: "window \(s), step \(step)", reason: "duration id outside 0..<\(vd)")
                }
                indices[row * 2] = note
                indices[row * 2 + 1] = vn + duration
                targetNotes[row] = nextNote
                targetDurations[row] = nextDuration
                for j in 0..<f { values[row * f + j] = batch.conditioning[k * f + j] }
            }
        }
        let input: LSTMInput = f > 0
            ? .mixed(indices: indices, activePerRow: 2, values: values, width: f)
            : .oneHot(indices: indices, activePerRow: 2)
        return (input, targetNotes, targetDurations)
    }

    /// Runs the network over every position; `random` non-nil means training mode (dropout on).
    func everyStepForward(
        _ batch: SequenceBatch, state: RecurrentState?, random: inout SeededRandom?
    ) throws(NetworkError) -> (record: EveryStepRecord, state: RecurrentState) {
        try BLAS.require()
        let b = batch.batchSize, t = batch.steps
        let (first, targetNotes, targetDurations) = try everyStepInput(batch, state: state)
        var record = EveryStepRecord(targetNotes: targetNotes, targetDurations: targetDurations)
        var final = RecurrentState(batchSize: b, hidden: [], cells: [])
        var input = first
        for (index, lstm) in lstms.enumerated() {
            let initial = state.map { ($0.hidden[index], $0.cells[index]) }
            let trace = lstm.forward(input, batch: b, steps: t, initialState: initial)
            let u = lstm.units
            final.hidden.append(Array(trace.hidden[(t * b * u)...]))
            final.cells.append(Array(trace.cells[(t * b * u)...]))
            record.inputs.append(input)
            record.traces.append(trace)
            var sequence = uninitializedFloats(t * b * u)
            sequence.withUnsafeMutableBufferPointer { target in _ = target.update(fromContentsOf: trace.sequenceOutput) }
            if index < lstms.count - 1 {
                record.masks.append(dropout.forward(&sequence, random: &random))
                input = .dense(sequence)
            } else {
                record.denseInput = sequence
            }
        }
        let rows = b * t
        record.denseOutput = dense.forward(record.denseInput, rows: rows)
        record.noteLogits = noteHead.forward(record.denseOutput, rows: rows)
        record.durationLogits = durationHead.forward(record.denseOutput, rows: rows)
        return (record, final)
    }

    /// The mean over every position of both heads' cross-entropies, its gradients (order of
    /// ``parameters``) and the state after the windows, on the calling thread. With `random` the
    /// pass is in training mode (dropout on).
    func everyStepLossAndGradients(
        _ batch: SequenceBatch, state: RecurrentState?, random: inout SeededRandom?
    ) throws(NetworkError) -> (loss: Double, gradients: [Tensor], state: RecurrentState) {
        var (record, final) = try everyStepForward(batch, state: state, random: &random)
        var dOutput: [Float] = []
        let heads = headsLossAndBackward(
            denseInput: record.denseInput, denseOutput: record.denseOutput, noteLogits: record.noteLogits,
            durationLogits: record.durationLogits, targetNotes: record.targetNotes,
            targetDurations: record.targetDurations, rows: batch.batchSize * batch.steps, outputGradient: &dOutput)

        var lstmGradients = lstms.map { $0.zeroGradients() }
        for index in lstms.indices.reversed() {
            var trace = record.traces[index]
            record.traces[index] = LSTM.Trace(batch: 0, steps: 0, units: 0, gates: [], cells: [], hidden: [], tanhCells: [])
            // Every layer's output is a sequence here, the last one's too.
            var layer = lstms[index]
            layer.returnSequences = true
            var dInput = layer.backward(
                trace: &trace, input: record.inputs[index], outputGradient: dOutput,
                gradients: &lstmGradients[index], needInputGradient: index > 0)
            recycle(&trace.cells)
            recycle(&trace.hidden)
            recycle(&trace.tanhCells)
            if index > 0 {
                Dropout.apply(record.masks[index - 1], to: &dInput)
                recycle(&record.masks[index - 1])
            }
            recycle(&dOutput)
            dOutput = dInput
        }
        let gradients = SequenceModel.orderedGradients(
            lstms: lstmGradients, dense: heads.dense, notes: heads.notes, durations: heads.durations)
        return (heads.loss, gradients, final)
    }

    /// Training-mode mean loss over every position of the windows, its gradients and the state
    /// after them, the windows shared among `threads` threads as in
    /// ``lossAndGradients(_:random:threads:)`` (each part draws its dropout masks from a
    /// generator seeded from `random` in part order).
    ///
    /// - Parameters:
    ///   - batch: the windows and their per-position targets.
    ///   - state: the state the windows start from (`nil`: zeros, every window a piece's start);
    ///     gradients do not flow into it.
    ///   - random: the source of the parts' dropout seeds.
    ///   - threads: how many threads share the windows; 1 runs on the calling thread.
    /// - Throws: ``NetworkError`` for ids out of range, a conditioning width or a state that does
    ///   not fit the model, or a missing BLAS.
    public func everyStepLossAndGradients(
        _ batch: SequenceBatch, state: RecurrentState?, random: inout SeededRandom, threads: Int = 1
    ) throws(NetworkError) -> (loss: Double, gradients: [Tensor], state: RecurrentState) {
        let parts = max(1, min(threads, batch.batchSize))
        if parts == 1 {
            var generator: SeededRandom? = random
            let result = try everyStepLossAndGradients(batch, state: state, random: &generator)
            if let generator { random = generator }
            return result
        }
        try BLAS.require()
        let seeds = (0..<parts).map { _ in random.next() }
        let (subBatches, subStates, ranges) = try split(batch, state: state, parts: parts)
        let model = self
        let results = SequenceModel.concurrentMap(parts) { part in
            var generator: SeededRandom? = SeededRandom(seed: seeds[part])
            return Result { () throws(NetworkError) in
                try model.everyStepLossAndGradients(subBatches[part], state: subStates[part], random: &generator)
            }
        }
        var loss = 0.0
        var gradients: [Tensor] = []
        var final = RecurrentState(batchSize: batch.batchSize, units: lstms.map(\.units))
        for (part, result) in results.enumerated() {
            let (partLoss, partGradients, partState) = try result.get()
            let weight = Double(subBatches[part].batchSize) / Double(batch.batchSize)
            loss += weight * partLoss
            final.setRows(Array(ranges[part]), from: partState)
            SequenceModel.accumulate(partGradients, weight: Float(weight), into: &gradients)
        }
        return (loss, gradients, final)
    }

    /// One every-step training step: forward with dropout, backward, one optimiser update.
    ///
    /// - Parameters:
    ///   - batch: the windows and their per-position targets.
    ///   - state: the windows' initial state; on return, their state after the windows (for
    ///     the next windows of the same pieces).
    ///   - optimizer: the optimiser whose state the update advances.
    ///   - random: the source of dropout masks.
    ///   - threads: how many threads share the windows.
    /// - Returns: the batch's mean loss per position before the update.
    @discardableResult
    public mutating func trainEveryStep(
        _ batch: SequenceBatch, state: inout RecurrentState, optimizer: inout Adam, random: inout SeededRandom,
        threads: Int = 1
    ) throws(NetworkError) -> Double {
        let (loss, gradients, final) = try everyStepLossAndGradients(batch, state: state, random: &random, threads: threads)
        var tensors = parameters
        try optimizer.update(parameters: &tensors, gradients: gradients)
        parameters = tensors
        state = final
        return loss
    }

    /// The inference-mode mean loss over every position and the state after the windows, the
    /// windows shared among `threads` threads.
    ///
    /// - Throws: as ``everyStepLossAndGradients(_:state:random:threads:)``.
    public func everyStepLoss(
        _ batch: SequenceBatch, state: RecurrentState?, threads: Int = 1
    ) throws(NetworkError) -> (loss: Double, state: RecurrentState) {
        let parts = max(1, min(threads, batch.batchSize))
        let (subBatches, subStates, ranges) = parts == 1
            ? ([batch], [state], [0..<batch.batchSize]) : try split(batch, state: state, parts: parts)
        let model = self
        let results = SequenceModel.concurrentMap(parts) { part in
            Result { () throws(NetworkError) in
                var none: SeededRandom? = nil
                let (record, final) = try model.everyStepForward(subBatches[part], state: subStates[part], random: &none)
                let notes = SoftmaxCrossEntropy.lossAndGradient(
                    logits: record.noteLogits, targets: record.targetNotes, classes: model.configuration.noteVocabularySize)
                let durations = SoftmaxCrossEntropy.lossAndGradient(
                    logits: record.durationLogits, targets: record.targetDurations,
                    classes: model.configuration.durationVocabularySize)
                return (notes.loss + durations.loss, final)
            }
        }
        var loss = 0.0
        var final = RecurrentState(batchSize: batch.batchSize, units: lstms.map(\.units))
        for (part, result) in results.enumerated() {
            let (partLoss, partState) = try result.get()
            loss += Double(subBatches[part].batchSize) / Double(batch.batchSize) * partLoss
            final.setRows(Array(ranges[part]), from: partState)
        }
        return (loss, final)
    }

    /// Next-element probabilities at every position, window-major `[B][T][classes]`, in
    /// inference mode, and the state after the windows.
    public func everyStepPredict(
        _ batch: SequenceBatch, state: RecurrentState?
    ) throws(NetworkError) -> (notes: [Float], durations: [Float], state: RecurrentState) {
        var none: SeededRandom? = nil
        let (record, final) = try everyStepForward(batch, state: state, random: &none)
        let b = batch.batchSize, t = batch.steps
        let vn = configuration.noteVocabularySize, vd = configuration.durationVocabularySize
        let timeNotes = SoftmaxCrossEntropy.softmax(record.noteLogits, rows: b * t, classes: vn)
        let timeDurations = SoftmaxCrossEntropy.softmax(record.durationLogits, rows: b * t, classes: vd)
        var notes = [Float](repeating: 0, count: b * t * vn), durations = [Float](repeating: 0, count: b * t * vd)
        for s in 0..<b {
            for step in 0..<t {
                let from = step * b + s, to = s * t + step
                for j in 0..<vn { notes[to * vn + j] = timeNotes[from * vn + j] }
                for j in 0..<vd { durations[to * vd + j] = timeDurations[from * vd + j] }
            }
        }
        return (notes, durations, final)
    }

    /// The natural log-probability the network gives each position's target — its note's and
    /// its duration's together — window-major `[B][T]`, in inference mode, computed from the
    /// logits as the loss is (``SoftmaxCrossEntropy/targetLogProbabilities(logits:targets:classes:)``),
    /// and the state after the windows.
    ///
    /// - Throws: as ``everyStepLossAndGradients(_:state:random:threads:)``.
    public func everyStepTargetLogProbabilities(
        _ batch: SequenceBatch, state: RecurrentState?
    ) throws(NetworkError) -> (logProbabilities: [Double], state: RecurrentState) {
        var none: SeededRandom? = nil
        let (record, final) = try everyStepForward(batch, state: state, random: &none)
        let b = batch.batchSize, t = batch.steps
        let notes = SoftmaxCrossEntropy.targetLogProbabilities(
            logits: record.noteLogits, targets: record.targetNotes, classes: configuration.noteVocabularySize)
        let durations = SoftmaxCrossEntropy.targetLogProbabilities(
            logits: record.durationLogits, targets: record.targetDurations, classes: configuration.durationVocabularySize)
        // Time-major rows (step · B + window) to window-major.
        var result = [Double](repeating: 0, count: b * t)
        for s in 0..<b {
            for step in 0..<t { result[s * t + step] = notes[step * b + s] + durations[step * b + s] }
        }
        return (result, final)
    }

    /// The batch in `parts` consecutive groups of windows, with their states.
    func split(_ batch: SequenceBatch, state: RecurrentState?, parts: Int) throws(NetworkError)
        -> ([SequenceBatch], [RecurrentState?], [Range<Int>]) {
        if let state, state.batchSize != batch.batchSize || !state.fits(self) {
            throw .invalidInput(context: "RecurrentState", reason: "does not match the batch or the model's layers")
        }
        var batches: [SequenceBatch] = [], states: [RecurrentState?] = [], ranges: [Range<Int>] = []
        var start = 0
        for part in 0..<parts {
            let size = batch.batchSize / parts + (part < batch.batchSize % parts ? 1 : 0)
            let range = start..<(start + size)
            batches.append(try batch.windows(range))
            states.append(state?.rows(Array(range)))
            ranges.append(range)
            start += size
        }
        return (batches, states, ranges)
    }
}
