/// Cuts a flat list of timed events into measures: splits at barlines with ties, splits lengths
/// no single note can show into tied notes, and fills gaps with rests.
///
/// ```swift
/// let builder = MeasureBuilder(timeSignature: TimeSignature(3, 4))
/// let staff = builder.staff(from: [
///     TimedEvent(offset: 0, length: Rational(5, 2), pitches: [try Pitch("C4")]),
///     TimedEvent(offset: Rational(5, 2), length: 2, pitches: [try Pitch("E4")]),
/// ])
/// // bar 1: C4 half. tied… ; bar 2: C4 eighth (tie stop), E4 eighth… tied to bar 2's rest
/// ```
///
/// The result is always metrically complete: every voice that plays in a bar fills it exactly
/// (voice 1 in every bar). Overlapping events in one voice are cut where the next one starts.
public struct MeasureBuilder: Sendable {
    /// The meter of every bar.
    public var timeSignature: TimeSignature
    /// Length of an opening pickup bar, if the piece starts with one.
    public var pickup: Rational?
    /// The key, written in the first bar.
    public var key: Key?
    /// The clef, written in the first bar.
    public var clef: Clef
    /// Later time signatures and where they start (quarter notes from the start). A change that
    /// falls inside a bar ends that bar early, so the new meter starts a bar.
    public var timeSignatureChanges: [(offset: Rational, timeSignature: TimeSignature)] = []
    /// Later keys and where they start; each is written in the bar that starts nearest before it.
    public var keyChanges: [(offset: Rational, key: Key)] = []

    /// Creates a builder.
    public init(timeSignature: TimeSignature = .commonTime, pickup: Rational? = nil, key: Key? = nil, clef: Clef = .treble) {
        self.timeSignature = timeSignature
        self.pickup = pickup.flatMap { $0 > 0 && $0 < timeSignature.barLength ? $0 : nil }
        self.key = key
        self.clef = clef
    }

    /// The start of each bar up to (and including) the end of the last bar that `length` needs.
    public func barlines(covering length: Rational) -> [Rational] {
        barPlan(covering: length).lines
    }

    /// The barlines and the bars (by index) where a new time signature starts.
    private func barPlan(covering length: Rational) -> (lines: [Rational], meters: [Int: TimeSignature]) {
        let changes = timeSignatureChanges.filter { $0.offset > 0 }.sorted { $0.offset < $1.offset }
        var meter = timeSignature
        var next = 0
        var lines: [Rational] = [.zero]
        var meters: [Int: TimeSignature] = [:]
        var cursor = Rational.zero
        repeat {
            while next < changes.count && changes[next].offset <= cursor {
                if changes[next].timeSignature != meter {
                    meter = changes[next].timeSignature
                    meters[lines.count - 1] = meter
                }
                next += 1
            }
            var barEnd = cursor + (lines.count == 1 ? (pickup ?? meter.barLength) : meter.barLength)
            if next < changes.count && changes[next].offset < barEnd { barEnd = changes[next].offset }
            lines.append(barEnd)
            cursor = barEnd
        } while cursor < length
        return (lines, meters)
    }

    /// Builds a staff from events, at least `minimumLength` long (in whole bars).
    public func staff(from events: [TimedEvent], minimumLength: Rational = .zero) -> Staff {
        let end = max(minimumLength, events.map(\.end).max() ?? .zero)
        let (lines, meters) = barPlan(covering: max(end, Rational(1, 1_000_000)))
        let measureCount = lines.count - 1
        var measures = (0..<measureCount).map { index -> Measure in
            Measure(number: pickup == nil ? index + 1 : index, length: lines[index + 1] - lines[index])
        }
        measures[0].key = key
        measures[0].keySignature = key?.signature
        measures[0].timeSignature = timeSignature
        measures[0].clef = clef
        for (index, meter) in meters where index > 0 { measures[index].timeSignature = meter }
        for change in keyChanges where change.offset > 0 {
            var index = 0
            while index + 1 < measureCount && lines[index + 1] <= change.offset { index += 1 }
            measures[index].key = change.key
            measures[index].keySignature = change.key.signature
        }

        var cache: [Rational: [Duration]] = [:]
        let voiceIDs = Array(Set(events.map(\.voice))).sorted { ($0.count, $0) < ($1.count, $1) }
        for voiceID in (voiceIDs.isEmpty ? ["1"] : voiceIDs) {
            let voiceEvents = events.filter { $0.voice == voiceID && $0.length > 0 }.sorted { $0.offset < $1.offset }
            var perMeasure = [[Voice.Element]](repeating: [], count: measureCount)
            var cursor = Rational.zero
            for (index, event) in voiceEvents.enumerated() {
                let start = max(event.offset, cursor)
                var stop = event.end
                if index + 1 < voiceEvents.count { stop = min(stop, max(voiceEvents[index + 1].offset, start)) }
                guard stop > start else { continue }
                if start > cursor { place(rest: cursor, stop: start, lines: lines, into: &perMeasure, cache: &cache) }
                place(event: event, start: start, stop: stop, lines: lines, into: &perMeasure, cache: &cache)
                cursor = stop
            }
            for m in 0..<measureCount {
                let played = !perMeasure[m].isEmpty
                guard played || voiceID == (voiceIDs.first ?? "1") else { continue }
                // Fill the bar's holes with rests.
                var filled: [Voice.Element] = []
                var at = Rational.zero
                for element in perMeasure[m] {
                    if element.offset > at { filled += rests(from: at, to: element.offset, cache: &cache) }
                    filled.append(element)
                    at = element.end
                }
                if at < measures[m].length { filled += rests(from: at, to: measures[m].length, cache: &cache) }
                measures[m].voices.append(Voice(id: voiceID, elements: filled))
            }
        }
        return Staff(clef: clef, measures: measures)
    }

    private func rests(from start: Rational, to stop: Rational, cache: inout [Rational: [Duration]]) -> [Voice.Element] {
        var at = start
        return MeasureBuilder.decompose(stop - start, cache: &cache).map { duration in
            defer { at += duration.quarterLength }
            return Voice.Element(offset: at, event: .rest(Rest(duration)))
        }
    }

    private func place(rest start: Rational, stop: Rational, lines: [Rational], into perMeasure: inout [[Voice.Element]],
                       cache: inout [Rational: [Duration]]) {
        for (m, from, to) in segments(start: start, stop: stop, lines: lines) {
            perMeasure[m] += rests(from: from, to: to, cache: &cache)
        }
    }

    private func place(event: TimedEvent, start: Rational, stop: Rational, lines: [Rational],
                       into perMeasure: inout [[Voice.Element]], cache: inout [Rational: [Duration]]) {
        if event.pitches.isEmpty { place(rest: start, stop: stop, lines: lines, into: &perMeasure, cache: &cache); return }
        var pieces: [(measure: Int, offset: Rational, duration: Duration)] = []
        for (m, from, to) in segments(start: start, stop: stop, lines: lines) {
            var at = from
            for duration in MeasureBuilder.decompose(to - from, cache: &cache) {
                pieces.append((m, at, duration))
                at += duration.quarterLength
            }
        }
        let pitches = event.pitches.sorted()
        for (index, piece) in pieces.enumerated() {
            let tie: Tie? = pieces.count == 1 ? nil : index == 0 ? .start : index == pieces.count - 1 ? .stop : .continue
            let sound: Event
            if pitches.count == 1 {
                sound = .note(Note(pitches[0], piece.duration, tie: tie, velocity: event.velocity))
            } else {
                // Notes made whole first: each change to `Chord.notes` re-sorts them.
                sound = .chord(Chord(notes: pitches.map { Note($0, piece.duration, tie: tie, velocity: event.velocity) }))
            }
            perMeasure[piece.measure].append(Voice.Element(offset: piece.offset, event: sound))
        }
    }

    /// `Duration.decompose`, remembered: a piece repeats few lengths, and each decomposition
    /// tries dozens of note shapes.
    private static func decompose(_ length: Rational, cache: inout [Rational: [Duration]]) -> [Duration] {
        if let known = cache[length] { return known }
        let parts = Duration.decompose(length)
        cache[length] = parts
        return parts
    }

    /// The parts of [start, stop) in each bar, with offsets relative to the bar.
    private func segments(start: Rational, stop: Rational, lines: [Rational]) -> [(Int, Rational, Rational)] {
        var result: [(Int, Rational, Rational)] = []
        // Binary search for the bar containing `start`.
        var low = 0, high = lines.count - 2
        while low < high {
            let mid = (low + high + 1) / 2
            if lines[mid] <= start { low = mid } else { high = mid - 1 }
        }
        var m = low
        var at = start
        while at < stop && m < lines.count - 1 {
            let barEnd = lines[m + 1]
            let to = min(stop, barEnd)
            if to > at { result.append((m, at - lines[m], to - lines[m])) }
            at = to
            m += 1
        }
        return result
    }
}
