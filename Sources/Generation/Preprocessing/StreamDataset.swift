import NeuralNetwork

/// Pieces cut into consecutive windows for training with every step a target: window k of a
/// piece holds elements `k·T ..< (k+1)·T` as inputs and the element after each as its target,
/// and the next window continues where it stops, so the network's state can be carried from one
/// to the next (truncated back-propagation through time).
///
/// A piece of n elements gives ⌊(n − 1) / T⌋ windows; the few elements after the last whole
/// window are not trained on (fewer than T per piece).
public struct StreamDataset: Sendable {
    /// Window `index` of piece `piece`.
    public struct Window: Sendable, Hashable {
        /// Index of the piece in ``StreamDataset/pieces``.
        public var piece: Int
        /// The window's first element is `index · length`.
        public var index: Int
    }

    /// The pieces.
    public let pieces: [EncodedPiece]
    /// Each piece's conditioning values, `[count][conditioningWidth]` (empty when the width is 0).
    public let conditioning: [[Float]]
    /// Conditioning values per element.
    public let conditioningWidth: Int
    /// The window length T.
    public let length: Int

    /// A dataset over `pieces` with their conditioning (one array per piece, or none at all).
    ///
    /// - Precondition: `length` ≥ 1, and each conditioning array holds `width` values per element.
    public init(pieces: [EncodedPiece], conditioning: [[Float]] = [], width: Int = 0, length: Int) {
        precondition(length >= 1, "window length must be positive")
        precondition(width == 0 || conditioning.count == pieces.count, "one conditioning array per piece")
        precondition(width == 0 || zip(pieces, conditioning).allSatisfy { $1.count == $0.count * width },
                     "conditioning of \(width) values per element")
        self.pieces = pieces
        self.conditioning = width == 0 ? [] : conditioning
        self.conditioningWidth = width
        self.length = length
    }

    /// The number of windows of piece `p`.
    public func windowCount(_ p: Int) -> Int { max(0, (pieces[p].count - 1) / length) }

    /// The number of targets the dataset teaches per epoch (windows × T).
    public var targetCount: Int { pieces.indices.reduce(0) { $0 + windowCount($1) * length } }

    /// The pieces in `order` dealt to `streams` streams, each piece whole to the stream with the
    /// fewest windows so far: what each row of consecutive batches reads.
    public func streams(_ streams: Int, order: [Int]) -> [[Window]] {
        var result = [[Window]](repeating: [], count: max(1, streams))
        for p in order where windowCount(p) > 0 {
            let shortest = result.indices.min { result[$0].count < result[$1].count } ?? 0
            for k in 0..<windowCount(p) { result[shortest].append(Window(piece: p, index: k)) }
        }
        return result
    }

    /// The network's batch of these windows, one row each.
    public func batch(_ windows: [Window]) throws(NetworkError) -> SequenceBatch {
        let t = length, w = conditioningWidth
        var notes = [Int32](repeating: 0, count: windows.count * t), durations = notes
        var nextNotes = notes, nextDurations = notes
        var values = [Float](repeating: 0, count: windows.count * t * w)
        for (row, window) in windows.enumerated() {
            let piece = pieces[window.piece], first = window.index * t
            for step in 0..<t {
                let k = row * t + step, e = first + step
                notes[k] = piece.notes[e]
                durations[k] = piece.durations[e]
                nextNotes[k] = piece.notes[e + 1]
                nextDurations[k] = piece.durations[e + 1]
                for j in 0..<w { values[k * w + j] = conditioning[window.piece][e * w + j] }
            }
        }
        return try SequenceBatch(batchSize: windows.count, steps: t, notes: notes, durations: durations,
                                 conditioning: values, targetNotes: nextNotes, targetDurations: nextDurations)
    }
}
