/// One line of an ``Evaluation``: a piece's metrics as `recompose evaluate` reports them, or
/// the mean over several pieces.
///
/// Encoded as the JSON line of `recompose evaluate --json`, with the property names as keys
/// (`histogramDistance` left out when there is no reference).
public struct EvaluationRow: Sendable, Hashable, Codable {
    /// The file, or `"mean of N LABEL"` for a mean.
    public var file: String
    /// Total-variation distance of the pitch-class histogram to the reference corpus's mean;
    /// `nil` without a reference.
    public var histogramDistance: Double?
    /// ``PieceMetrics/scaleConsistency``.
    public var scaleConsistency: Double
    /// ``PieceMetrics/pitchRange``, in semitones.
    public var pitchRange: Double
    /// ``PieceMetrics/polyphony``.
    public var polyphony: Double
    /// ``PieceMetrics/emptyBeatRate``.
    public var emptyBeatRate: Double
    /// ``PieceMetrics/completeMeasureRate``.
    public var completeMeasureRate: Double
    /// ``PieceMetrics/handOnsetAlignment``.
    public var handOnsetAlignment: Double
    /// ``PieceMetrics/gridOnsetRate``.
    public var gridOnsetRate: Double
    /// ``PieceMetrics/noteCount``.
    public var notes: Double
    /// Total-variation distance of the Roman-numeral bigram distribution
    /// (``HarmonicMetrics/romanBigrams``) to the reference corpus's; `nil` without a reference.
    public var romanBigramDistance: Double?
    /// ``HarmonicMetrics/outerParallelsPer100Beats``.
    public var outerParallelsPer100Beats: Double = 0
    /// ``HarmonicMetrics/recognisedChordRate``.
    public var recognisedChordRate: Double = 0
    /// Share of the piece's 8-note melodic interval patterns (``MelodicPatterns``) that occur
    /// verbatim in the reference corpus (for a reference piece: in the other reference pieces);
    /// `nil` without a reference or for a melody shorter than one pattern.
    public var copiedPatternRate: Double?

    /// Creates a row from its values.
    public init(file: String, histogramDistance: Double?, scaleConsistency: Double, pitchRange: Double,
                polyphony: Double, emptyBeatRate: Double, completeMeasureRate: Double, handOnsetAlignment: Double,
                gridOnsetRate: Double, notes: Double, romanBigramDistance: Double? = nil,
                outerParallelsPer100Beats: Double = 0, recognisedChordRate: Double = 0,
                copiedPatternRate: Double? = nil) {
        self.file = file
        self.histogramDistance = histogramDistance
        self.scaleConsistency = scaleConsistency
        self.pitchRange = pitchRange
        self.polyphony = polyphony
        self.emptyBeatRate = emptyBeatRate
        self.completeMeasureRate = completeMeasureRate
        self.handOnsetAlignment = handOnsetAlignment
        self.gridOnsetRate = gridOnsetRate
        self.notes = notes
        self.romanBigramDistance = romanBigramDistance
        self.outerParallelsPer100Beats = outerParallelsPer100Beats
        self.recognisedChordRate = recognisedChordRate
        self.copiedPatternRate = copiedPatternRate
    }

    /// The row of one piece; `referenceHistogram` (a reference corpus's mean pitch-class
    /// histogram) gives the ``histogramDistance``, `referenceBigrams` (its Roman-numeral bigram
    /// distribution) the ``romanBigramDistance``, `copiedPatternRate` the memorisation check
    /// (``PatternIndex/copiedShare(of:excludingItself:)``).
    public init(file: String, metrics m: PieceMetrics, referenceHistogram: [Double]? = nil,
                referenceBigrams: [String: Double]? = nil, copiedPatternRate: Double? = nil) {
        self.init(file: file, histogramDistance: referenceHistogram.map { PieceMetrics.histogramDistance(m.pitchClassHistogram, $0) },
                  scaleConsistency: m.scaleConsistency, pitchRange: Double(m.pitchRange), polyphony: m.polyphony,
                  emptyBeatRate: m.emptyBeatRate, completeMeasureRate: m.completeMeasureRate,
                  handOnsetAlignment: m.handOnsetAlignment, gridOnsetRate: m.gridOnsetRate, notes: Double(m.noteCount),
                  romanBigramDistance: referenceBigrams.map {
                      HarmonicMetrics.distance(HarmonicMetrics.distribution(m.harmony.romanBigrams), $0)
                  },
                  outerParallelsPer100Beats: m.harmony.outerParallelsPer100Beats,
                  recognisedChordRate: m.harmony.recognisedChordRate, copiedPatternRate: copiedPatternRate)
    }

    /// The mean of each column over `rows`, named `"mean of N LABEL"`: NaN for a column of no
    /// rows; the histogram distance averaged over the rows that have one, `nil` if none has.
    public static func mean(_ rows: [EvaluationRow], label: String) -> EvaluationRow {
        func average(_ value: (EvaluationRow) -> Double?) -> Double {
            let values = rows.compactMap(value)
            return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        }
        return EvaluationRow(
            file: "mean of \(rows.count) \(label)",
            histogramDistance: rows.contains { $0.histogramDistance != nil } ? average(\.histogramDistance) : nil,
            scaleConsistency: average(\.scaleConsistency), pitchRange: average(\.pitchRange), polyphony: average(\.polyphony),
            emptyBeatRate: average(\.emptyBeatRate), completeMeasureRate: average(\.completeMeasureRate),
            handOnsetAlignment: average(\.handOnsetAlignment), gridOnsetRate: average(\.gridOnsetRate),
            notes: average(\.notes),
            romanBigramDistance: rows.contains { $0.romanBigramDistance != nil } ? average(\.romanBigramDistance) : nil,
            outerParallelsPer100Beats: average(\.outerParallelsPer100Beats),
            recognisedChordRate: average(\.recognisedChordRate),
            copiedPatternRate: rows.contains { $0.copiedPatternRate != nil } ? average(\.copiedPatternRate) : nil)
    }
}
