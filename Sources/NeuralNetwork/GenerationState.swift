/// The carried state of every LSTM layer (h and c) for step-by-step generation.
///
/// Generation feeds one element at a time and keeps this state, so each new element costs one
/// step of each layer instead of re-running a whole window.
public struct GenerationState: Sendable, Equatable {
    /// h per layer, each `[units]`.
    public var hidden: [[Float]]
    /// c per layer, each `[units]`.
    public var cells: [[Float]]
}

extension SequenceModel {
    /// The zero state a fresh sequence starts from (as Keras's LSTM without `initial_state`).
    public func makeState() -> GenerationState {
        GenerationState(
            hidden: lstms.map { [Float](repeating: 0, count: $0.units) },
            cells: lstms.map { [Float](repeating: 0, count: $0.units) })
    }

    /// Feeds one element, advances `state`, and returns the probabilities of the next element.
    ///
    /// Feeding a window's elements one by one from ``makeState()`` gives the same probabilities
    /// as ``predict(_:)`` on that window. The first call may load the matrix-product library,
    /// which sets process-wide state once (see ``BLAS``).
    ///
    /// - Throws: ``NetworkError/invalidInput(context:reason:)`` for ids outside the
    ///   vocabularies or a state of the wrong shape, ``NetworkError/blasUnavailable(_:)``.
    public func step(
        note: Int, duration: Int, state: inout GenerationState
    ) throws(NetworkError) -> (notes: [Float], durations: [Float]) {
        try step(note: note, duration: duration, conditioning: [], state: &state)
    }

    /// Feeds one element with its conditioning values (``ModelConfiguration/conditioningSize``
    /// of them; an empty array stands for zeros), advances `state`, and returns the
    /// probabilities of the next element: generation with a network trained by
    /// ``trainEveryStep(_:state:optimizer:random:threads:)``.
    ///
    /// - Throws: as ``step(note:duration:state:)``, and
    ///   ``NetworkError/invalidInput(context:reason:)`` for a conditioning of the wrong width.
    public func step(
        note: Int, duration: Int, conditioning: [Float], state: inout GenerationState
    ) throws(NetworkError) -> (notes: [Float], durations: [Float]) {
        try BLAS.require()
        let f = configuration.conditioningSize
        guard conditioning.isEmpty || conditioning.count == f else {
            throw .invalidInput(context: "step", reason: "\(conditioning.count) conditioning values, the network takes \(f)")
        }
        guard note >= 0, note < configuration.noteVocabularySize else {
            throw .invalidInput(context: "step", reason: "note id \(note) outside 0..<\(configuration.noteVocabularySize)")
        }
        guard duration >= 0, duration < configuration.durationVocabularySize else {
            throw .invalidInput(
                context: "step", reason: "duration id \(duration) outside 0..<\(configuration.durationVocabularySize)")
        }
        guard state.hidden.count == lstms.count, state.cells.count == lstms.count,
              zip(lstms, zip(state.hidden, state.cells)).allSatisfy({ $0.units == $1.0.count && $0.units == $1.1.count })
        else {
            throw .invalidInput(context: "step", reason: "state does not match the model's layers")
        }
        let indices = [Int32(note), Int32(configuration.noteVocabularySize + duration)]
        var input = f > 0
            ? LSTMInput.mixed(
                indices: indices, activePerRow: 2,
                values: conditioning.isEmpty ? [Float](repeating: 0, count: f) : conditioning, width: f)
            : LSTMInput.oneHot(indices: indices, activePerRow: 2)
        for (index, lstm) in lstms.enumerated() {
            let trace = lstm.forward(
                input, batch: 1, steps: 1, initialState: (state.hidden[index], state.cells[index]))
            state.hidden[index] = Array(trace.lastOutput)
            state.cells[index] = Array(trace.cells[lstm.units...])
            input = .dense(state.hidden[index])
        }
        let denseOutput = dense.forward(state.hidden[lstms.count - 1], rows: 1)
        let notes = SoftmaxCrossEntropy.softmax(
            noteHead.forward(denseOutput, rows: 1), rows: 1, classes: configuration.noteVocabularySize)
        let durations = SoftmaxCrossEntropy.softmax(
            durationHead.forward(denseOutput, rows: 1), rows: 1, classes: configuration.durationVocabularySize)
        return (notes, durations)
    }
}
