import NeuralNetwork
/// Fixed-length training windows over encoded pieces, each with the element that follows it
/// as the target (the seed's "sequences of 100").
///
/// Windows are not copied: the dataset stores each piece once and a (piece, start) pair per
/// window, so a corpus of 100,000 elements with windows of 100 costs 800 KB, not 80 MB.
/// Windows never cross from one piece into the next.
public struct SequenceDataset: Sendable {
    /// A window: `length` elements of piece `piece` from `start`, target at `start + length`.
    public struct Window: Sendable, Hashable {
        /// Index of the piece in ``SequenceDataset/pieces``.
        public var piece: Int
        /// Index of the window's first element in the piece.
        public var start: Int
    }

    /// The pieces.
    public let pieces: [EncodedPiece]
    /// The window length (the seed used 100).
    public let length: Int
    /// Every window of every piece.
    public let windows: [Window]

    /// Builds all windows of `length` elements (with a next element as target) of the pieces.
    public init(pieces: [EncodedPiece], length: Int) {
        precondition(length >= 1, "window length must be positive")
        self.pieces = pieces
        self.length = length
        var windows: [Window] = []
        for (p, piece) in pieces.enumerated() where piece.count > length {
            for start in 0..<(piece.count - length) { windows.append(Window(piece: p, start: start)) }
        }
        self.windows = windows
    }

    /// The number of windows.
    public var count: Int { windows.count }

    /// Fills row-major `[batch, length]` input arrays and `[batch]` targets for the windows at
    /// `indices` (indices into ``windows``).
    public func batch(_ indices: some Collection<Int>) -> Batch {
        var batch = Batch(size: indices.count, length: length)
        for (row, w) in indices.enumerated() {
            let window = windows[w], piece = pieces[window.piece]
            let base = row * length
            for t in 0..<length {
                batch.notes[base + t] = piece.notes[window.start + t]
                batch.durations[base + t] = piece.durations[window.start + t]
            }
            batch.targetNotes[row] = piece.notes[window.start + length]
            batch.targetDurations[row] = piece.durations[window.start + length]
        }
        return batch
    }

    /// Splits pieces (not windows) into training and validation sets: a fraction of whole
    /// pieces, chosen by a seeded shuffle, is held out, so no validation window shares music
    /// with a training window.
    public static func splitByPiece(_ pieces: [EncodedPiece], validationFraction: Double, seed: UInt64)
        -> (training: [EncodedPiece], validation: [EncodedPiece]) {
        guard pieces.count >= 2, validationFraction > 0 else { return (pieces, []) }
        var generator = SeededRandom(seed: seed)
        var order = Array(pieces.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(generator.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        let held = min(pieces.count - 1, max(1, Int((Double(pieces.count) * validationFraction).rounded())))
        let validationSet = Set(order.prefix(held))
        return (pieces.indices.filter { !validationSet.contains($0) }.map { pieces[$0] },
                pieces.indices.filter { validationSet.contains($0) }.map { pieces[$0] })
    }
}

extension SequenceDataset {
    /// Inputs and targets of a batch of windows, row-major.
    public struct Batch: Sendable {
        /// Rows.
        public var size: Int
        /// Elements per row.
        public var length: Int
        /// Note indices, `[size, length]`.
        public var notes: [Int32]
        /// Duration indices, `[size, length]`.
        public var durations: [Int32]
        /// The next note index after each window, `[size]`.
        public var targetNotes: [Int32]
        /// The next duration index after each window, `[size]`.
        public var targetDurations: [Int32]

        init(size: Int, length: Int) {
            self.size = size
            self.length = length
            notes = Array(repeating: 0, count: size * length)
            durations = Array(repeating: 0, count: size * length)
            targetNotes = Array(repeating: 0, count: size)
            targetDurations = Array(repeating: 0, count: size)
        }
    }
}
