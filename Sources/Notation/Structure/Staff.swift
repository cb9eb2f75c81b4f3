/// One staff of a part: a sequence of measures under a clef.
public struct Staff: Sendable, Hashable, Codable {
    /// The clef at the start of the staff.
    public var clef: Clef
    /// The measures, in order.
    public var measures: [Measure]

    /// Creates a staff.
    public init(clef: Clef = .treble, measures: [Measure] = []) {
        self.clef = clef
        self.measures = measures
    }

    /// Total length in quarter notes.
    public var length: Rational { measures.reduce(.zero) { $0 + $1.length } }

    /// The offset of each measure from the start of the staff.
    public var measureOffsets: [Rational] {
        var offsets: [Rational] = []
        offsets.reserveCapacity(measures.count)
        var cursor = Rational.zero
        for measure in measures {
            offsets.append(cursor)
            cursor += measure.length
        }
        return offsets
    }
}
