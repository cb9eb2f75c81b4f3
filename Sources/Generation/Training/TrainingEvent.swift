/// What ``ModelBundle/train(corpus:options:checkpoints:progress:)`` reports while it works, in
/// this order: the corpus once read, then for each clef its start, its progress after every
/// step and epoch, and its end.
public enum TrainingEvent: Sendable {
    /// The corpus has been read (only when training starts from a folder): the pieces, the
    /// files that could not be read, and ``PreparedCorpus/summary`` for a report.
    case corpusPrepared(PreparedCorpus)
    /// A clef's network is about to be trained on this many training and validation windows;
    /// `parameters` is the network's number of trainable weights.
    case clefStarted(ClefStream, trainingWindows: Int, validationWindows: Int, parameters: Int)
    /// After every training step, and at the end of every epoch with its validation loss.
    case progress(ClefStream, TrainingProgress)
    /// A clef's network is trained; the summary is also kept in the bundle's manifest.
    case clefFinished(ClefStream, TrainingSummary)
}
