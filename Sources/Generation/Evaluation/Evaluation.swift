import Foundation

/// Objective metrics of a set of pieces, their mean, and optionally a reference corpus's mean
/// and a model's validation perplexity: the report of `recompose evaluate`.
///
/// ```swift
/// let reference = try Evaluation.Reference(corpus: URL(fileURLWithPath: "Corpus"))
/// let pieces = try files.map { (file: $0.path, metrics: try PieceMetrics(contentsOf: $0)) }
/// let evaluation = Evaluation(pieces: pieces, label: "generated", reference: reference)
/// for row in evaluation.allRows { print(row.file, row.histogramDistance ?? .nan, row.scaleConsistency) }
/// ```
public struct Evaluation: Sendable {
    /// The pieces of a reference corpus, measured: the mean of their pitch-class histograms,
    /// and each piece's row with its distance to that mean (the yardstick for a generated
    /// piece's distance).
    public struct Reference: Sendable {
        /// The duration-weighted pitch-class histogram of all pieces together (each rotated to
        /// its tonic), summing to 1; `nil` if nothing sounds in the corpus.
        public var histogram: [Double]?
        /// The Roman-numeral bigram distribution of all pieces together; `nil` if no piece has
        /// a bigram.
        public var romanBigrams: [String: Double]?
        /// The melodic patterns of the reference pieces, for the memorisation check.
        public var patterns: PatternIndex
        /// Each piece against ``histogram`` and ``romanBigrams``, and its patterns against the
        /// other reference pieces'.
        public var rows: [EvaluationRow]

        /// Measures pieces as a reference.
        public init(pieces: [(file: String, metrics: PieceMetrics)]) {
            var sum = [Double](repeating: 0, count: 12)
            for (_, metrics) in pieces { for i in 0..<12 { sum[i] += metrics.pitchClassHistogram[i] } }
            let total = sum.reduce(0, +)
            let mean = total > 0 ? sum.map { $0 / total } : nil
            histogram = mean
            var bigrams: [String: Int] = [:]
            for (_, metrics) in pieces { bigrams.merge(metrics.harmony.romanBigrams, uniquingKeysWith: +) }
            let distribution = HarmonicMetrics.distribution(bigrams)
            romanBigrams = distribution.isEmpty ? nil : distribution
            let index = PatternIndex(pieces.map(\.metrics.melodicPatterns))
            patterns = index
            rows = pieces.map { [romanBigrams] in
                EvaluationRow(file: $0.file, metrics: $0.metrics, referenceHistogram: mean, referenceBigrams: romanBigrams,
                              copiedPatternRate: index.copiedShare(of: $0.metrics.melodicPatterns, excludingItself: true))
            }
        }

        /// Reads and measures every music file below `folder` (searched recursively); files
        /// that cannot be read are left out.
        ///
        /// - Throws: ``GenerationError/emptyCorpus(_:)`` when the folder holds no music file.
        public init(corpus folder: URL) throws(GenerationError) {
            let files = try CorpusPreprocessor().sampleFiles(in: folder)
            self.init(pieces: files.compactMap { url in (try? PieceMetrics(contentsOf: url)).map { (url.path, $0) } })
        }
    }

    /// Each piece's row, in the order given.
    public var rows: [EvaluationRow]
    /// The mean over the pieces, named `"mean of N LABEL"`.
    public var mean: EvaluationRow
    /// The mean over the reference pieces, named `"mean of N reference pieces"`; `nil` without
    /// a reference or when none of its files could be read.
    public var referenceMean: EvaluationRow?
    /// Each reference piece's row (``Reference/rows``), empty without a reference.
    public var referenceRows: [EvaluationRow]
    /// The model's validation perplexity (``ModelBundle/validationPerplexity``), if given.
    public var validationPerplexity: Double?

    /// Evaluates measured pieces, against a reference corpus if one is given.
    ///
    /// - Parameters:
    ///   - pieces: each piece's name (a file path) and metrics.
    ///   - label: what the pieces are, for the mean's name (`"mean of 3 generated"`).
    ///   - reference: a reference corpus; its mean histogram gives each row's
    ///     ``EvaluationRow/histogramDistance``.
    ///   - validationPerplexity: a model's validation perplexity, to report with the metrics.
    public init(pieces: [(file: String, metrics: PieceMetrics)], label: String = "pieces", reference: Reference? = nil,
                validationPerplexity: Double? = nil) {
        rows = pieces.map {
            EvaluationRow(file: $0.file, metrics: $0.metrics, referenceHistogram: reference?.histogram,
                          referenceBigrams: reference?.romanBigrams,
                          copiedPatternRate: reference?.patterns.copiedShare(of: $0.metrics.melodicPatterns))
        }
        mean = EvaluationRow.mean(rows, label: label)
        referenceRows = reference?.rows ?? []
        referenceMean = reference.flatMap { $0.rows.isEmpty ? nil : EvaluationRow.mean($0.rows, label: "reference pieces") }
        self.validationPerplexity = validationPerplexity
    }

    /// The report's lines in order: each piece, their mean, then the reference's mean if any.
    public var allRows: [EvaluationRow] { rows + [mean] + (referenceMean.map { [$0] } ?? []) }
}
