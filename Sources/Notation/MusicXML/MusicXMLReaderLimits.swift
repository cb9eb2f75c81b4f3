extension MusicXMLReader {
    /// Bounds beyond which a file is refused with ``MusicXMLError/Problem/limitExceeded(_:)``
    /// instead of being read, so a hostile or broken file cannot take unbounded memory or time.
    ///
    /// The defaults are far above any real score (the largest of music21's corpus has 20 parts
    /// and about 30,000 notes). Some bounds are fixed by the reader itself and need no option:
    /// a note's tuplets nest at most 16 deep (MusicXML's bracket numbers 1…16) and multiply to
    /// its `<time-modification>` (numbers up to 1,000), time grids finer than 2^20 per quarter and parts longer than 2^20
    /// quarter notes are refused as invalid values, and libxml2 refuses nesting deeper than
    /// 256 elements and entity expansion bombs.
    ///
    /// ```swift
    /// var limits = MusicXMLReader.Limits()
    /// limits.maximumNotes = 10_000
    /// let score = try MusicXMLReader(limits: limits).read(contentsOf: url)
    /// ```
    public struct Limits: Sendable, Hashable {
        /// Bytes of the file as given, and of the score document inflated from a `.mxl` archive.
        public var maximumFileSize: Int
        /// Parts in the score (`<part>` elements with distinct ids).
        public var maximumParts: Int
        /// Measures in one part.
        public var maximumMeasures: Int
        /// Notes and rests in the whole score.
        public var maximumNotes: Int
        /// The largest `<divisions>` value (divisions per quarter note).
        public var maximumDivisions: Int
        /// Tempo marks (`<metronome>`, `<sound tempo>`) in the whole score.
        public var maximumTempoEvents: Int

        /// Creates limits; the defaults suit any real score.
        public init(maximumFileSize: Int = 128 * 1024 * 1024, maximumParts: Int = 1_000,
                    maximumMeasures: Int = 100_000, maximumNotes: Int = 2_000_000,
                    maximumDivisions: Int = 1_000_000_000, maximumTempoEvents: Int = 100_000) {
            self.maximumFileSize = maximumFileSize
            self.maximumParts = maximumParts
            self.maximumMeasures = maximumMeasures
            self.maximumNotes = maximumNotes
            self.maximumDivisions = maximumDivisions
            self.maximumTempoEvents = maximumTempoEvents
        }
    }
}

/// What one document has used of its ``MusicXMLReader/Limits``, shared by every part's builder.
final class MusicXMLBudget {
    let limits: MusicXMLReader.Limits
    var notes = 0
    var tempos = 0

    init(limits: MusicXMLReader.Limits) { self.limits = limits }

    func addNote(_ x: XMLStream) throws(MusicXMLError) {
        notes += 1
        guard notes <= limits.maximumNotes else {
            throw x.error(.limitExceeded("more than \(limits.maximumNotes) notes and rests"))
        }
    }

    func addTempo(_ x: XMLStream) throws(MusicXMLError) {
        tempos += 1
        guard tempos <= limits.maximumTempoEvents else {
            throw x.error(.limitExceeded("more than \(limits.maximumTempoEvents) tempo marks"))
        }
    }
}
