/// A batch of input windows with their next-element targets, for training or evaluation.
///
/// Each of the `batchSize` windows has `steps` elements; an element is a note/chord id and a
/// duration id. The target is the element that follows the window.
public struct TrainingBatch: Sendable, Equatable {
    /// The number of windows B.
    public let batchSize: Int
    /// The window length T.
    public let steps: Int
    /// Note/chord ids, window-major: `notes[b·T + t]`.
    public let notes: [Int32]
    /// Duration ids, window-major: `durations[b·T + t]`.
    public let durations: [Int32]
    /// The next note/chord id after each window.
    public let targetNotes: [Int32]
    /// The next duration id after each window.
    public let targetDurations: [Int32]

    /// A batch, checked for consistent sizes.
    ///
    /// - Throws: ``NetworkError/shapeMismatch(context:expected:actual:)`` when the arrays do not
    ///   hold B·T inputs and B targets.
    public init(
        batchSize: Int, steps: Int, notes: [Int32], durations: [Int32],
        targetNotes: [Int32], targetDurations: [Int32]
    ) throws(NetworkError) {
        guard batchSize > 0, steps > 0 else {
            throw .shapeMismatch(context: "TrainingBatch", expected: [1, 1], actual: [batchSize, steps])
        }
        guard notes.count == batchSize * steps, durations.count == batchSize * steps else {
            throw .shapeMismatch(
                context: "TrainingBatch inputs", expected: [batchSize * steps],
                actual: [notes.count, durations.count])
        }
        guard targetNotes.count == batchSize, targetDurations.count == batchSize else {
            throw .shapeMismatch(
                context: "TrainingBatch targets", expected: [batchSize],
                actual: [targetNotes.count, targetDurations.count])
        }
        self.batchSize = batchSize
        self.steps = steps
        self.notes = notes
        self.durations = durations
        self.targetNotes = targetNotes
        self.targetDurations = targetDurations
    }
}
