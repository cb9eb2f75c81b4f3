extension Score {
    /// Vertical slices of all parts and staves: each time span in which the set of sounding
    /// pitches stays the same, as one ``TimedEvent`` (a rest where nothing sounds).
    ///
    /// Slices are cut at every onset and release of any note, like music21's `chordify()`;
    /// grace notes are left out. Pitches in a slice are distinct and sorted low to high.
    ///
    /// ```swift
    /// for slice in score.chordified() where !slice.pitches.isEmpty {
    ///     print(slice.offset, slice.pitches)
    /// }
    /// ```
    public func chordified() -> [TimedEvent] {
        let sounding = events.filter { !$0.event.isRest && !$0.event.isGrace && $0.event.quarterLength > 0 }
        var cuts = Set<Rational>()
        for placed in sounding {
            cuts.insert(placed.offset)
            cuts.insert(placed.end)
        }
        let boundaries = cuts.sorted()
        guard boundaries.count >= 2 else { return [] }
        // Sweep: events sorted by onset; keep the active ones.
        let byOnset = sounding.sorted { $0.offset < $1.offset }
        var next = 0
        var active: [PlacedEvent] = []
        var slices: [TimedEvent] = []
        slices.reserveCapacity(boundaries.count)
        if boundaries[0] > 0 { slices.append(TimedEvent(offset: 0, length: boundaries[0], pitches: [])) }
        for i in 0..<(boundaries.count - 1) {
            let start = boundaries[i], stop = boundaries[i + 1]
            active.removeAll { $0.end <= start }
            while next < byOnset.count && byOnset[next].offset <= start {
                if byOnset[next].end > start { active.append(byOnset[next]) }
                next += 1
            }
            let pitches = Array(Set(active.flatMap(\.event.pitches))).sorted()
            slices.append(TimedEvent(offset: start, length: stop - start, pitches: pitches))
        }
        return slices
    }

    /// The chordified score as one single-staff part, barred in the first time signature.
    public func chordifiedScore() -> Score {
        let firstMeasure = parts.first?.staves.first?.measures.first
        let meter = firstMeasure?.timeSignature ?? .commonTime
        let pickup = firstMeasure.flatMap { $0.length < meter.barLength ? $0.length : nil }
        let builder = MeasureBuilder(timeSignature: meter, pickup: pickup, key: firstMeasure?.key)
        let staff = builder.staff(from: chordified(), minimumLength: length)
        return Score(metadata: metadata, parts: [Part(id: "P1", name: "Chords", staves: [staff])])
    }
}
