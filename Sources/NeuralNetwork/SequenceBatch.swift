/// A batch of windows with a target at every position, for training with every step a target
/// (``SequenceModel/everyStepLossAndGradients(_:state:random:threads:)``).
///
/// Window `b`'s element `t` is an input (note id, duration id and, for a conditioned network,
/// `conditioningSize` dense values) and its target is the element that follows it. Consecutive
/// batches may continue the same pieces: the network's state after one batch is the next one's
/// initial state (truncated back-propagation through time).
public struct SequenceBatch: Sendable, Equatable {
    /// The number of windows B.
    public let batchSize: Int
    /// The window length T.
    public let steps: Int
    /// Note/chord ids, window-major: `notes[b·T + t]`.
    public let notes: [Int32]
    /// Duration ids, window-major.
    public let durations: [Int32]
    /// Conditioning values, window-major `[B][T][width]`; empty for an unconditioned network.
    public let conditioning: [Float]
    /// The note/chord id that follows each element, window-major.
    public let targetNotes: [Int32]
    /// The duration id that follows each element, window-major.
    public let targetDurations: [Int32]

    /// A batch, checked for consistent sizes.
    ///
    /// - Throws: ``NetworkError/shapeMismatch(context:expected:actual:)`` when the arrays do not
    ///   hold B·T inputs and targets, or when the conditioning is not a multiple of B·T.
    public init(
        batchSize: Int, steps: Int, notes: [Int32], durations: [Int32], conditioning: [Float] = [],
        targetNotes: [Int32], targetDurations: [Int32]
    ) throws(NetworkError) {
        guard batchSize > 0, steps > 0 else {
            throw .shapeMismatch(context: "SequenceBatch", expected: [1, 1], actual: [batchSize, steps])
        }
        let rows = batchSize * steps
        guard notes.count == rows, durations.count == rows, targetNotes.count == rows, targetDurations.count == rows
        else {
            throw .shapeMismatch(
                context: "SequenceBatch inputs and targets", expected: [rows],
                actual: [notes.count, durations.count, targetNotes.count, targetDurations.count])
        }
        guard conditioning.count % rows == 0 else {
            throw .shapeMismatch(context: "SequenceBatch conditioning", expected: [rows, -1], actual: [conditioning.count])
        }
        self.batchSize = batchSize
        self.steps = steps
        self.notes = notes
        self.durations = durations
        self.conditioning = conditioning
        self.targetNotes = targetNotes
        self.targetDurations = targetDurations
    }

    /// Conditioning values per element.
    public var conditioningWidth: Int { conditioning.count / (batchSize * steps) }

    /// Windows `range` of this batch.
    func windows(_ range: Range<Int>) throws(NetworkError) -> SequenceBatch {
        let t = steps, w = conditioningWidth
        let rows = (range.lowerBound * t)..<(range.upperBound * t)
        return try SequenceBatch(
            batchSize: range.count, steps: t, notes: Array(notes[rows]), durations: Array(durations[rows]),
            conditioning: Array(conditioning[(rows.lowerBound * w)..<(rows.upperBound * w)]),
            targetNotes: Array(targetNotes[rows]), targetDurations: Array(targetDurations[rows]))
    }
}
