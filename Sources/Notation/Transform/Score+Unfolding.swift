/// Playing out repeats: repeat barlines (with `times`), first and second endings, D.C., D.S.,
/// Fine and To Coda, into a score that is read straight through.
extension Score {
    /// The score as performed: every bar in the order it is played, renumbered from 1 (a
    /// pickup stays 0), each with its written number in ``Measure/originalNumber``.
    ///
    /// ```swift
    /// let performed = try score.unfolded()
    /// performed.parts[0].staves[0].measures.map(\.originalNumber)   // [1, 2, 1, 3, 4]
    /// ```
    ///
    /// The rules: a backward repeat goes back to the last forward repeat, or else to the bar
    /// after the previous backward repeat (or the start), and is taken `times − 1` times
    /// (once by default); an ending (volta) is played on the passes its numbers name ("1, 2"),
    /// a pass that no ending of a group names ends the repeat past the group, and an ending
    /// that stops in a backward-repeat bar without having started is that bar's ending for
    /// every pass but the last;
    /// D.C. goes to the start and D.S. to the segno, once each; after such a jump repeats are
    /// not taken again, the last ending of a group is played, Fine ends the piece and To Coda
    /// goes to the next coda. Jumps come from `<sound>` marks (``Playback``) and from the
    /// words "D.C.", "Da Capo", "D.S.", "Dal Segno", "Fine", "To Coda" and "al Coda"; segno and
    /// coda signs are targets. The order is worked out on the union of the marks of every
    /// part and staff, and every staff is played in that order. Bars that a jump re-enters get
    /// the key, time signature and clef in force there.
    ///
    /// Ties, slurs and beams across a jump are left as written.
    ///
    /// - Throws: ``NotationError/invalidRepeat(_:_:)`` for an ending that is never closed, a
    ///   D.S. with no segno, a To Coda with no coda after it — never a loop.
    public func unfolded() throws(NotationError) -> Score {
        let count = parts.flatMap(\.staves).map(\.measures.count).max() ?? 0
        guard count > 0 else { return self }
        let marks = try RepeatMarks(self, count: count)
        let order = try marks.playingOrder()
        var result = self
        for p in result.parts.indices {
            for s in result.parts[p].staves.indices {
                result.parts[p].staves[s].measures = Score.play(result.parts[p].staves[s].measures, in: order)
            }
        }
        return result
    }

    /// The bars of one staff in playing order, renumbered, with the state in force restored
    /// where the order jumps and repeat marks removed.
    private static func play(_ measures: [Measure], in order: [Int]) -> [Measure] {
        guard !measures.isEmpty else { return [] }
        // Key, time and clef in force at each bar, for bars entered by a jump.
        var keys: [(Key?, KeySignature?)] = [], times: [TimeSignature?] = [], clefs: [Clef?] = []
        var key: (Key?, KeySignature?) = (nil, nil), time: TimeSignature?, clef: Clef?
        for m in measures {
            if m.key != nil || m.keySignature != nil { key = (m.key, m.keySignature) }
            time = m.timeSignature ?? time
            clef = m.clef ?? clef
            keys.append(key); times.append(time); clefs.append(clef)
        }
        var result: [Measure] = []
        result.reserveCapacity(order.count)
        var previous: Int?
        let pickup = measures[0].number == 0
        for index in order where index < measures.count {
            var m = measures[index]
            m.originalNumber = m.number
            m.number = result.count + (pickup ? 0 : 1)
            if let previous, previous != index - 1 {
                if m.key == nil && m.keySignature == nil, keys[index] != keys[previous] {
                    m.key = keys[index].0
                    m.keySignature = keys[index].1
                }
                if m.timeSignature == nil, times[index] != times[previous] { m.timeSignature = times[index] }
                if m.clef == nil, clefs[index] != clefs[previous] { m.clef = clefs[index] }
            }
            m.label = nil
            m.barlines = m.barlines.compactMap { barline in
                var barline = barline
                barline.repeat = nil
                barline.times = nil
                barline.ending = nil
                return barline.style == nil && barline.fermatas.isEmpty ? nil : barline
            }
            m.directions.removeAll { if case .playback = $0.kind { true } else { false } }
            result.append(m)
            previous = index
        }
        return result
    }
}
