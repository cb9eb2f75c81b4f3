import Notation

/// What training on a ``PreparedCorpus`` would see: pieces read and, per clef, elements,
/// vocabulary sizes and windows (`recompose prepare --json` prints it as one JSON object).
public struct CorpusStatistics: Sendable, Hashable, Codable {
    /// One clef's stream over the whole corpus.
    public struct Clef: Sendable, Hashable, Codable {
        /// Tokens over all pieces.
        public var elements: Int
        /// Note/chord labels in the vocabulary, `<unk>` included.
        public var noteLabels: Int
        /// Duration labels in the vocabulary, `<unk>` included.
        public var durationLabels: Int
        /// Training windows (with their targets).
        public var trainingSequences: Int
        /// Validation windows.
        public var validationSequences: Int
    }

    /// Pieces read.
    public var pieces: Int
    /// Files that could not be read.
    public var failures: Int
    /// The treble stream.
    public var treble: Clef
    /// The bass stream.
    public var bass: Clef

    /// The statistics of one clef of the stream.
    public subscript(clef: ClefStream) -> Clef { clef == .treble ? treble : bass }
}

extension PreparedCorpus {
    /// Pieces, failures, and each clef's elements, vocabulary sizes and windows.
    public var statistics: CorpusStatistics {
        CorpusStatistics(pieces: pieces.count, failures: failures.count, treble: statistics(.treble), bass: statistics(.bass))
    }

    /// One clef's elements, vocabulary sizes and windows.
    public func statistics(_ clef: ClefStream) -> CorpusStatistics.Clef {
        let (notes, durations) = vocabularies(clef)
        let (training, validation) = datasets(clef, notes: notes, durations: durations)
        return CorpusStatistics.Clef(elements: pieces.reduce(0) { $0 + $1.tokens(clef).count },
                                     noteLabels: notes.count, durationLabels: durations.count,
                                     trainingSequences: training.count, validationSequences: validation.count)
    }

    /// How many pieces were estimated in each key before they were transposed (pieces whose key
    /// could not be estimated are not counted).
    public var originalKeyCounts: [Key: Int] {
        pieces.reduce(into: [:]) { counts, piece in if let key = piece.originalKey { counts[key, default: 0] += 1 } }
    }
}
