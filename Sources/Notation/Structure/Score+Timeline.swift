extension Score {
    /// Every note, chord and rest of the score in time order, each with its part, staff, voice,
    /// measure, beat and offset.
    ///
    /// Elements are sorted by ``TimedElement/offset``; elements at the same offset are in score
    /// order — part, then staff, then document order within the staff (measure, then voice as
    /// the measure lists its voices, then the voice's elements). A grace note therefore comes
    /// before the note of its voice that it leads to, and a chord's pitches stay together in
    /// one element.
    ///
    /// The beat (``MeasurePosition/beat``) is counted as music21 counts it: 1-based, exact, in
    /// beats of the meter in effect — a quarter in 3/4, a half in 2/2, a dotted quarter in 6/8,
    /// 9/8 and 12/8, an eighth in 5/8 and 7/8, and the whole bar in 3/8. A short first measure
    /// is a pickup, counted as the end of a full bar: a quarter-note pickup in 3/4 is on beat
    /// 3, in every voice (music21 counts the notes of a pickup's second voice from beat 1). A
    /// later short measure is a pickup when it completes an earlier short one (the two halves
    /// of a bar split by a repeat sign); other short measures count from beat 1. A staff that
    /// states no time signature is counted in 4/4.
    ///
    /// ```swift
    /// let score = try Score.read(contentsOf: url)
    /// for element in score.timeline where !element.event.isRest {
    ///     for pitch in element.event.pitches {
    ///         print(element.position.measureName, element.beat, pitch.name, element.event.quarterLength)
    ///     }
    /// }
    /// // 0 3 G4 1
    /// // 1 1 C5 1/2
    /// // 1 3/2 D5 1/2
    /// ```
    ///
    /// Cost: one pass over the measures and one sort, O(n log n) time and O(n) memory for n
    /// events, computed anew on each call (keep the array if you use it more than once). The
    /// score itself is not copied: each element shares its note's storage with the score.
    public var timeline: [TimedElement] {
        let grids = parts.map { $0.staves.map(BeatGrid.init) }
        let placed = events
        var elements: [(index: Int, element: TimedElement)] = []
        elements.reserveCapacity(placed.count)
        for (index, event) in placed.enumerated() {
            let grid = grids[event.part][event.staff - 1]
            let measureOffset = grid.bars[event.measureIndex].offset
            let position = grid.position(measureIndex: event.measureIndex, offsetInMeasure: event.offset - measureOffset)
            elements.append((index, TimedElement(placed: event, position: position)))
        }
        // `events` is in score order, so its index breaks ties between equal offsets.
        elements.sort { ($0.element.offset, $0.index) < ($1.element.offset, $1.index) }
        return elements.map(\.element)
    }

    /// The clefs, key signatures, meters, tempo marks and chord symbols of the score in time
    /// order, each with its part, staff, measure and beat.
    ///
    /// The first clef, key and meter of each staff are listed (at the start of its first
    /// measure), then each one that differs from the one before it on the same staff; a mark
    /// that restates the one in effect (a courtesy key signature) is left out. Every tempo mark
    /// that differs from the last one on its staff is listed, and every chord symbol.
    ///
    /// A key, meter, tempo mark or chord symbol stated on every staff of a part at the same
    /// point is listed once for the part, with ``ScoreChange/staff`` `nil`; one stated so by
    /// every part is listed once for the score, with ``ScoreChange/part`` `nil` too. So the
    /// meter of a quartet is one change, and a key that differs between parts (a transposing
    /// instrument's) is one change per part. A clef always names its part and staff.
    ///
    /// Changes are sorted by offset, then part and staff (`nil` first), then kind in the order
    /// of ``ScoreChange/Kind`` (clef, key, meter, tempo, chord symbol), then score order.
    ///
    /// ```swift
    /// for change in score.changes {
    ///     print(change.position.measureName, change.position.beat, change.part ?? -1, change.staff ?? -1, change.kind)
    /// }
    /// // 0 3 -1 -1 key G major
    /// // 0 3 -1 -1 meter 3/4
    /// // 0 3 0 1 clef treble
    /// // 0 3 0 2 clef bass
    /// // 3 1 -1 -1 meter 6/8
    /// ```
    ///
    /// Cost: one pass over the measures and their directions, and a sort of the changes found;
    /// computed anew on each call.
    public var changes: [ScoreChange] {
        var stated: [ScoreChange] = []
        for (partIndex, part) in parts.enumerated() {
            stated += Score.changes(statedIn: part, index: partIndex)
        }
        // Stated on every staff of a part: once for the part.
        let perPart = Score.merging(stated, at: { change in
            change.kind.isClef ? nil : ChangePoint(scope: change.part ?? 0, offset: change.offset, kind: change.kind)
        }, member: { $0.staff ?? 0 }, count: { parts[$0].staves.count }, merge: { $0.staff = nil })
        // Stated by every part: once for the score.
        let perScore = Score.merging(perPart, at: { change in
            change.kind.isClef || change.staff != nil ? nil : ChangePoint(scope: 0, offset: change.offset, kind: change.kind)
        }, member: { $0.part ?? 0 }, count: { _ in parts.count }, merge: { $0.part = nil })
        return perScore.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.offset != y.offset { return x.offset < y.offset }
            if x.part != y.part { return (x.part ?? -1) < (y.part ?? -1) }
            if x.staff != y.staff { return (x.staff ?? 0) < (y.staff ?? 0) }
            if x.kind.rank != y.kind.rank { return x.kind.rank < y.kind.rank }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Where a change is stated, for merging: a part (or the score), an offset and the change.
    private struct ChangePoint: Hashable {
        var scope: Int
        var offset: Rational
        var kind: ScoreChange.Kind
    }

    /// The changes with those stated by every member of a scope (every staff of a part, every
    /// part of the score) at the same point replaced by one, merged by `merge`; in order.
    private static func merging(_ changes: [ScoreChange], at point: (ScoreChange) -> ChangePoint?,
                                member: (ScoreChange) -> Int, count: (Int) -> Int,
                                merge: (inout ScoreChange) -> Void) -> [ScoreChange] {
        var members: [ChangePoint: Set<Int>] = [:]
        for change in changes {
            if let p = point(change) { members[p, default: []].insert(member(change)) }
        }
        var listed: Set<ChangePoint> = []
        var result: [ScoreChange] = []
        for change in changes {
            guard let p = point(change), members[p]?.count == count(p.scope) else {
                result.append(change)
                continue
            }
            if listed.insert(p).inserted {
                var merged = change
                merge(&merged)
                result.append(merged)
            }
        }
        return result
    }

    /// The changes stated on each staff of a part, staff by staff.
    private static func changes(statedIn part: Part, index partIndex: Int) -> [ScoreChange] {
        var found: [ScoreChange] = []
        for (staffIndex, staff) in part.staves.enumerated() {
            let grid = BeatGrid(staff)
            var clef, key, meter, tempo: ScoreChange.Kind?
            for (measureIndex, measure) in staff.measures.enumerated() {
                func note(_ kind: ScoreChange.Kind, at offset: Rational = .zero) {
                    let position = grid.position(measureIndex: measureIndex, offsetInMeasure: offset)
                    found.append(ScoreChange(kind: kind, part: partIndex, staff: staffIndex + 1, position: position))
                }
                func state(_ kind: ScoreChange.Kind?, _ current: inout ScoreChange.Kind?) {
                    guard let kind, kind != current else { return }
                    note(kind)
                    current = kind
                }
                state((measure.clef ?? (measureIndex == 0 ? staff.clef : nil)).map { .clef($0) }, &clef)
                state((measure.keySignature ?? measure.key?.signature).map { .key($0, measure.key) }, &key)
                state(measure.timeSignature.map { .meter($0) }, &meter)
                for direction in measure.directions {
                    switch direction.kind {
                    case .tempo(let mark) where ScoreChange.Kind.tempo(mark) != tempo:
                        tempo = .tempo(mark)
                        note(.tempo(mark), at: direction.offset)
                    case .chordSymbol(let symbol):
                        note(.chordSymbol(symbol), at: direction.offset)
                    default:
                        break
                    }
                }
            }
        }
        return found
    }
}

extension Part {
    /// The part's notes, chords and rests in time order, as ``Score/timeline`` lists them
    /// (``TimedElement/part`` is 0). Costs what ``Score/timeline`` costs; the part is not copied.
    public var timeline: [TimedElement] { Score(parts: [self]).timeline }

    /// The part's clefs, keys, meters, tempo marks and chord symbols in time order, as
    /// ``Score/changes`` lists them for a score of this one part: ``ScoreChange/part`` is
    /// `nil` for a change on every staff and 0 for a clef or a change on some staves only.
    public var changes: [ScoreChange] { Score(parts: [self]).changes }
}
