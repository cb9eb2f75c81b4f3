extension Staff {
    /// The index in ``measures`` of the first measure printed with `number`
    /// (``Measure/number``), or `nil` if there is none.
    ///
    /// Bar numbers need not be unique (a piece whose numbering restarts, a bar `"12a"` after
    /// bar 12 has number 12 too), so this is the first match. O(n) in the number of measures.
    ///
    /// ```swift
    /// if let i = staff.measureIndex(number: 9) { print(staff.measureOffsets[i]) }
    /// ```
    public func measureIndex(number: Int) -> Int? {
        measures.firstIndex { $0.number == number }
    }

    /// The first measure printed with `number`, or `nil` if there is none (see
    /// ``measureIndex(number:)``).
    public func measure(number: Int) -> Measure? {
        measureIndex(number: number).map { measures[$0] }
    }
}

extension Part {
    /// The first measure printed with `number` on one staff (1-based, top to bottom), or `nil`
    /// if there is no such staff or measure.
    ///
    /// ```swift
    /// let leftHand = piano.measure(number: 4, staff: 2)
    /// ```
    public func measure(number: Int, staff: Int = 1) -> Measure? {
        guard staves.indices.contains(staff - 1) else { return nil }
        return staves[staff - 1].measure(number: number)
    }
}

extension Score {
    /// The measure printed with `number` on every staff of every part that has one, top to
    /// bottom: the vertical slice of the score at that bar.
    ///
    /// ```swift
    /// for (part, staff, measure) in score.measures(number: 12) {
    ///     print(part, staff, measure.voices.count)
    /// }
    /// ```
    public func measures(number: Int) -> [(part: Int, staff: Int, measure: Measure)] {
        var result: [(part: Int, staff: Int, measure: Measure)] = []
        for (partIndex, part) in parts.enumerated() {
            for (staffIndex, staff) in part.staves.enumerated() {
                if let measure = staff.measure(number: number) { result.append((partIndex, staffIndex + 1, measure)) }
            }
        }
        return result
    }
}
