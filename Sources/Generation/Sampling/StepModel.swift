/// A model that predicts the next element one step at a time, carrying its state.
///
/// Generation feeds each element once: the recurrent state carries the history, so producing
/// an element costs one step, not a re-run of a 100-element window as the seed's `predict` loop
/// did.
public protocol StepModel {
    /// Forgets all history.
    mutating func resetState()
    /// Feeds one element (vocabulary indices) and returns unnormalised log-probabilities of the
    /// next note/chord/rest and of its duration.
    mutating func step(note: Int32, duration: Int32) -> (notes: [Float], durations: [Float])
    /// Feeds one element with its conditioning values (``HandConditioning``), as a
    /// ``Recipe/duet`` model reads them. The default ignores them and calls
    /// ``step(note:duration:)``.
    mutating func step(note: Int32, duration: Int32, conditioning: [Float]) -> (notes: [Float], durations: [Float])
}

extension StepModel {
    /// Ignores the conditioning: a model that does not read it.
    public mutating func step(note: Int32, duration: Int32, conditioning: [Float]) -> (notes: [Float], durations: [Float]) {
        step(note: note, duration: duration)
    }
}
