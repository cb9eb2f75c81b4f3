/// A stretch of a piece in one local key, from ``HarmonicAnalysis/keyRegions``.
public struct KeyRegion: Sendable, Hashable {
    /// The key.
    public var key: Key
    /// The index of the region's first measure (in the top staff).
    public var firstMeasure: Int
    /// Where the region starts.
    public var position: MeasurePosition

    /// A region.
    public init(key: Key, firstMeasure: Int, position: MeasurePosition) {
        self.key = key
        self.firstMeasure = firstMeasure
        self.position = position
    }
}
