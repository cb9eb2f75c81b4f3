extension Part {
    /// The part on a treble and a bass staff.
    ///
    /// A part that already has two or more staves keeps them (the first gets a treble clef and
    /// the last a bass clef only if they have none set). A one-staff part is split between the
    /// hands by `separation`: by default each note goes to the hand that plays it at the least
    /// musical cost (see ``HandSeparator``), or, with ``HandSeparation/splitPoint(_:)``, notes at
    /// or above the pitch go to the treble staff and lower ones to the bass staff. A chord may be
    /// divided between the staves. Where a staff has no note, it gets a rest of the same length,
    /// so both staves stay complete and in step.
    ///
    /// ```swift
    /// let piano = part.splitIntoStaves()                    // by musical cost
    /// let low = part.splitIntoStaves(.splitPoint(try Pitch("G3")))
    /// ```
    public func splitIntoStaves(_ separation: HandSeparation = .musicalCost) -> Part {
        guard staves.count == 1, let source = staves.first else { return self }
        // Every note of the staff, in reading order, with its onset: the hands are chosen
        // over the whole staff at once, then read back in the same order.
        var onsets: [Double] = [], ends: [Double] = [], pitches: [Int] = []
        for (measure, start) in zip(source.measures, source.measureOffsets) {
            for voice in measure.voices {
                for element in voice.elements {
                    for pitch in element.event.pitches {
                        onsets.append((start + element.offset).doubleValue)
                        ends.append((start + element.end).doubleValue)
                        pitches.append(pitch.midi)
                    }
                }
            }
        }
        let right = separation.rightHand(onsets: onsets, ends: ends, pitches: pitches)
        var treble = Staff(clef: .treble, measures: [])
        var bass = Staff(clef: .bass, measures: [])
        var next = 0
        for measure in source.measures {
            var high = measure, low = measure
            high.clef = measure.clef.map { _ in .treble }
            low.clef = measure.clef.map { _ in .bass }
            high.voices = []
            low.voices = []
            for voice in measure.voices {
                var highElements: [Voice.Element] = [], lowElements: [Voice.Element] = []
                for element in voice.elements {
                    let count = element.event.pitches.count
                    let hands = right[next..<next + count]
                    next += count
                    if let kept = split(element, keepHigh: true, hands: hands) { highElements.append(kept) }
                    if let kept = split(element, keepHigh: false, hands: hands) { lowElements.append(kept) }
                }
                high.voices.append(Voice(id: voice.id, elements: highElements))
                low.voices.append(Voice(id: voice.id, elements: lowElements))
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

    /// The part on a treble and a bass staff, split at a pitch: the same as
    /// `splitIntoStaves(.splitPoint(splitPoint))`.
    public func splitIntoStaves(at splitPoint: Pitch) -> Part {
        splitIntoStaves(.splitPoint(splitPoint))
    }

    /// The part of an element that belongs on one staff: the element itself, a rest of the same
    /// length when none of its pitches belong there, or `nil` for a grace note that does not.
    /// `hands` says, for each of the element's pitches in order, whether the right hand plays it.
    private func split(_ element: Voice.Element, keepHigh: Bool, hands: ArraySlice<Bool>) -> Voice.Element? {
        var result = element
        switch element.event {
        case .rest:
            break
        case .note(let note):
            if hands[hands.startIndex] != keepHigh { result.event = .rest(Rest(note.duration)) }
        case .chord(var chord):
            let kept = zip(chord.notes, hands).filter { $0.1 == keepHigh }.map(\.0)
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
