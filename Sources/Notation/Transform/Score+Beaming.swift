/// Beams computed from the meter, as music21's `makeBeams` draws them, for scores that arrive
/// without any (quantized MIDI, generated pieces).
///
/// Notes shorter than a quarter are beamed together within a beat group of the meter (a
/// quarter in 2/4, 3/4 and 4/4 for sixteenths, a dotted quarter in 6/8, 9/8 and 12/8, a half
/// in 2/2, 2+3 eighths in 5/8); rests and longer notes break beams; grace notes get none.
/// This follows `TimeSignature.getBeams` of music21 10 step by step, including its pickup
/// handling (a short bar is beamed as if it ended the bar) and its hooks.
extension Score {
    /// The same score with every measure's beams recomputed from the meter in force (measures
    /// before any time signature are left as they are).
    public func beamed() -> Score {
        rebeamed(onlyUnbeamed: false)
    }

    /// The same score with beams computed for the measures that carry none (used by the
    /// MusicXML writer, so a generated piece is written with beams).
    func withMissingBeams() -> Score {
        rebeamed(onlyUnbeamed: true)
    }

    private func rebeamed(onlyUnbeamed: Bool) -> Score {
        var score = self
        for p in score.parts.indices {
            for s in score.parts[p].staves.indices {
                var time: TimeSignature?
                for m in score.parts[p].staves[s].measures.indices {
                    let measure = score.parts[p].staves[s].measures[m]
                    if let t = measure.timeSignature { time = t }
                    guard let time, !onlyUnbeamed || !measure.hasBeams, measure.hasBeamableNotes else { continue }
                    score.parts[p].staves[s].measures[m] = measure.beamed(in: time)
                }
            }
        }
        return score
    }
}

extension Measure {
    /// Whether any note or chord tone of the measure carries a beam.
    public var hasBeams: Bool {
        voices.contains { $0.elements.contains { element in
            switch element.event {
            case .note(let n): return !n.beamMarks.isEmpty
            case .chord(let c): return c.notes.contains { !$0.beamMarks.isEmpty }
            case .rest: return false
            }
        } }
    }

    fileprivate var hasBeamableNotes: Bool {
        voices.contains { $0.elements.contains { !$0.event.isRest && Measure.beamLevels($0.event.duration.type) > 0 } }
    }

    /// The same measure with each voice's beams computed from `time` (music21's `makeBeams`);
    /// beams already present are replaced.
    public func beamed(in time: TimeSignature) -> Measure {
        var measure = self
        for v in measure.voices.indices {
            let elements = measure.voices[v].elements
            let beams = Measure.beams(for: elements, in: time)
            for (i, element) in elements.enumerated() {
                measure.voices[v].elements[i].event = Measure.setting(beams[i], on: element.event)
            }
        }
        return measure
    }

    private static func setting(_ beams: [Beam], on event: Event) -> Event {
        switch event {
        case .note(var n):
            n.marks.beams = beams
            return .note(n)
        case .chord(var c):
            // Beams belong to the chord's stem: MusicXML writes them on the first tone.
            var notes = c.notes
            for i in notes.indices { notes[i].marks.beams = i == 0 ? beams : [] }
            c.notes = notes
            return .chord(c)
        case .rest:
            return event
        }
    }

    /// The number of beams a note type takes: 1 for an eighth, 2 for a sixteenth, …
    static func beamLevels(_ type: NoteType) -> Int {
        switch type {
        case .eighth: return 1
        case .sixteenth: return 2
        case .thirtySecond: return 3
        case .sixtyFourth: return 4
        case .hundredTwentyEighth: return 5
        case .twoHundredFiftySixth: return 6
        case .fiveHundredTwelfth: return 7
        case .thousandTwentyFourth: return 8
        default: return 0
        }
    }

    /// music21's beam kinds while they are being worked out.
    private enum Kind { case start, stop, `continue`, partialLeft, partialRight }

    /// The ends of the beam groups of `time` at a beam level (music21's
    /// `TimeSignature._setDefaultBeamPartitions` and `beamSequence.getLevel`).
    static func beamGroupEnds(_ time: TimeSignature, depth: Int) -> [Rational] {
        let unit = Rational(4, time.denominator)
        let bar = time.barLength
        var parts: [Int]    // group sizes in units of the beat type
        var subdivide: [Int]? = nil
        switch (time.numerator, time.denominator) {
        case (1...3, 8), (1...5, 16), (1...11, 32): parts = [time.numerator]
        case (2...4, _):
            parts = Array(repeating: 1, count: time.numerator)
            if time.denominator == 4 { subdivide = Array(repeating: 2, count: time.numerator) }
        case (5, _):
            parts = [2, 3]
            if time.denominator == 4 { subdivide = [2, 3] }
        case (7, _): parts = [2, 2, 3]
        case (6, _), (9, _), (12, _), (15, _), (18, _), (21, _):
            parts = Array(repeating: 3, count: time.numerator / 3)
        default: parts = [time.numerator]
        }
        var ends: [Rational] = []
        var at = Rational.zero
        for (i, size) in parts.enumerated() {
            let length = unit * Rational(size)
            if depth > 0, let subdivide {
                let piece = length / Rational(subdivide[i])
                for _ in 0..<subdivide[i] { at += piece; ends.append(at) }
            } else {
                at += length
                ends.append(at)
            }
        }
        if ends.last != bar { ends[ends.count - 1] = bar }
        return ends
    }

    /// The beam group around `offset` at a level: its start and end, or nil outside the bar.
    private static func span(_ offset: Rational, _ ends: [Rational]) -> (start: Rational, end: Rational)? {
        guard offset >= .zero else { return nil }
        var start = Rational.zero
        for end in ends {
            if offset < end { return (start, end) }
            start = end
        }
        return nil
    }

    /// The beams of each element of a voice (empty for unbeamed ones), music21's
    /// `makeBeams` for one voice followed by `getBeams`.
    static func beams(for elements: [Voice.Element], in time: TimeSignature) -> [[Beam]] {
        var result = [[Beam]](repeating: [], count: elements.count)
        guard elements.count > 1 else { return result }
        let indices = elements.indices.filter { !elements[$0].event.isGrace }
        let bar = time.barLength
        let total = indices.reduce(Rational.zero) { $0 + elements[$1].event.quarterLength }
        guard total <= bar, indices.count > 1 else { return result }
        let highest = indices.map { elements[$0].end }.max() ?? .zero
        let startOffset = highest < bar ? bar - highest : .zero

        // Naive beams: one unset level per beam the note type takes; rests get none.
        var list: [[Kind?]?] = indices.map { i in
            let event = elements[i].event
            let levels = event.isRest ? 0 : beamLevels(event.duration.type)
            return levels > 0 ? [Kind?](repeating: nil, count: levels) : nil
        }
        // A beamable note between two unbeamable ones stays unbeamed.
        var last: [Kind?]?? = .some(nil)
        for i in list.indices {
            let next: [Kind?]? = i + 1 < list.count ? list[i + 1] : nil
            if (last ?? nil) == nil && next == nil { list[i] = nil }
            last = .some(list[i])
        }
        func has(_ beams: [Kind?]?, _ depth: Int) -> Bool { (beams?.count ?? 0) > depth }
        let count = list.count
        for depth in 0..<8 {
            let ends = beamGroupEnds(time, depth: depth)
            for i in 0..<count {
                guard has(list[i], depth) else { continue }
                let beamNumber = depth + 1
                let element = elements[indices[i]]
                let start = element.offset + startOffset
                let end = start + element.event.quarterLength
                let startNext = end
                let isFirst = i == 0, isLast = i == count - 1
                let next = isLast ? nil : list[i + 1]
                let previous = isFirst ? nil : list[i - 1]
                guard let (spanStart, spanEnd) = span(start, ends) else { list[i] = nil; continue }
                var nextSpanStart = Rational.zero
                if next != nil {
                    guard let s = span(startNext, ends) else { list[i] = nil; continue }
                    nextSpanStart = s.start
                }
                if end == spanEnd && (start == spanStart || (previous == nil && beamNumber == 1)) {
                    list[i] = nil
                    continue
                }
                let kind: Kind
                if isFirst && startOffset == .zero {
                    kind = has(next, depth) ? .start : .partialRight
                } else if isLast {
                    kind = has(previous, depth) ? .stop : .partialLeft
                } else if !has(previous, depth) {
                    if beamNumber == 1 && next == nil { list[i] = nil; continue }
                    else if next == nil && beamNumber > 1 { kind = .partialLeft }
                    else if startNext >= spanEnd { kind = .partialLeft }
                    else if !has(next, depth) { kind = .partialRight }
                    else { kind = .start }
                } else if let p = previous?[depth], p == .stop || p == .partialLeft {
                    kind = next != nil ? (has(next, depth) ? .start : .partialRight) : .partialLeft
                } else if !has(next, depth) {
                    kind = .stop
                } else if startNext < spanEnd {
                    kind = .continue
                } else if startNext >= nextSpanStart {
                    kind = .stop
                } else {
                    continue
                }
                list[i]![depth] = kind
            }
        }
        // sanitizePartialBeams: only partials → none; fix hooks pointing the wrong way.
        for i in list.indices {
            guard let beams = list[i] else { continue }
            if !beams.contains(where: { $0 == .start || $0 == .stop || $0 == .continue }) { list[i] = nil; continue }
            var hasStart = false, hasStop = false
            for d in beams.indices {
                switch beams[d] {
                case .start?: hasStart = true
                case .stop?: hasStop = true
                case .partialLeft? where hasStart: list[i]![d] = .partialRight
                case .partialRight? where hasStop: list[i]![d] = .partialLeft
                default: break
                }
            }
        }
        // mergeConnectingPartialBeams: a right hook followed by a left hook is one beam.
        for i in 0..<max(0, count - 1) {
            guard let this = list[i], let next = list[i + 1] else { continue }
            for d in this.indices where this[d] == .partialRight && d < next.count {
                switch next[d] {
                case .partialLeft?: list[i]![d] = .start; list[i + 1]![d] = .stop
                case .start?: list[i]![d] = .start; list[i + 1]![d] = .continue
                case nil: list[i]![d] = .start
                default: break
                }
            }
        }
        for i in 1..<max(1, count) {
            guard let this = list[i], let previous = list[i - 1] else { continue }
            for d in this.indices where this[d] == .partialLeft && d < previous.count && previous[d] == .stop {
                list[i]![d] = .stop
                list[i - 1]![d] = .continue
            }
        }
        for (i, beams) in list.enumerated() {
            guard let beams else { continue }
            result[indices[i]] = beams.enumerated().compactMap { d, kind in
                guard let kind else { return nil }
                let value: Beam.Value
                switch kind {
                case .start: value = .begin
                case .stop: value = .end
                case .continue: value = .continue
                case .partialLeft: value = .backwardHook
                case .partialRight: value = .forwardHook
                }
                return Beam(value, number: d + 1)
            }
        }
        return result
    }
}
