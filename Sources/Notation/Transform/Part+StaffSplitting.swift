extension Part {
    /// The part on a treble and a bass staff.
    ///
    /// A part that already has two or more staves keeps them (the first gets a treble clef and
    /// the last a bass clef only if they have none set). A one-staff part is split at a pitch:
    /// notes at or above `splitPoint` go to the treble staff, lower ones to the bass staff; a
    /// chord that spans the split point is divided between the staves. Where a staff has no
    /// note, it gets a rest of the same length, so both staves stay complete and in step.
    ///
    /// ```swift
    /// let piano = part.splitIntoStaves()                  // at middle C
    /// let low = part.splitIntoStaves(at: try Pitch("G3"))
    /// ```
    public func splitIntoStaves(at splitPoint: Pitch = Pitch(.C, octave: 4)) -> Part {
        guard staves.count == 1, let source = staves.first else { return self }
        var treble = Staff(clef: .treble, measures: [])
        var bass = Staff(clef: .bass, measures: [])
        for measure in source.measures {
            var high = measure, low = measure
            high.clef = measure.clef.map { _ in .treble }
            low.clef = measure.clef.map { _ in .bass }
            high.voices = measure.voices.map { voice in
                Voice(id: voice.id, elements: voice.elements.compactMap { split($0, keepHigh: true, at: splitPoint) })
            }
            low.voices = measure.voices.map { voice in
                Voice(id: voice.id, elements: voice.elements.compactMap { split($0, keepHigh: false, at: splitPoint) })
            }
            high.directions = measure.directions.filter { $0.staff == nil || $0.staff == 1 }
            low.directions = measure.directions.filter { $0.staff == 2 }
            treble.measures.append(high)
            bass.measures.append(low)
        }
        if let first = treble.measures.indices.first {
            treble.measures[first].clef = .treble
            bass.measures[first].clef = .bass
        }
        var result = self
        result.staves = [treble, bass]
        return result
    }

    /// The part of an element that belongs on one staff: the element itself, a rest of the same
    /// length when none of its pitches belong there, or `nil` for a grace note that does not.
    private func split(_ element: Voice.Element, keepHigh: Bool, at splitPoint: Pitch) -> Voice.Element? {
        func keeps(_ pitch: Pitch) -> Bool { (pitch.midi >= splitPoint.midi) == keepHigh }
        var result = element
        switch element.event {
        case .rest:
            break
        case .note(let note):
            if !keeps(note.pitch) { result.event = .rest(Rest(note.duration)) }
        case .chord(var chord):
            let kept = chord.notes.filter { keeps($0.pitch) }
            if kept.isEmpty {
                result.event = .rest(Rest(chord.duration))
            } else {
                // Beams belong to the stem, written on the lowest tone: move them to the
                // lowest tone that stays.
                var kept = kept
                if let lowest = chord.notes.first, kept[0].pitch != lowest.pitch || kept[0].marks.beams.isEmpty {
                    let beams = chord.notes.lazy.map(\.marks.beams).first { !$0.isEmpty } ?? []
                    if kept[0].marks.beams.isEmpty { kept[0].marks.beams = beams }
                }
                if kept.count == 1 {
                    result.event = .note(kept[0])
                } else {
                    chord.notes = kept
                    result.event = .chord(chord)
                }
            }
        }
        if element.event.isGrace, result.event.isRest { return nil }
        return result
    }
}
