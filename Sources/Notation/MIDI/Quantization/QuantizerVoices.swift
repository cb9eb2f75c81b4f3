extension Quantizer {
    /// Running sums for the report.
    struct Statistics {
        var onsetSum = 0.0, onsetMax = 0.0, endSum = 0.0, endMax = 0.0
        var count = 0

        mutating func add(onsetShift: Double, endShift: Double) {
            onsetSum += onsetShift
            onsetMax = max(onsetMax, onsetShift)
            endSum += endShift
            endMax = max(endMax, endShift)
            count += 1
        }

        func finish(into report: inout QuantizationReport) {
            guard count > 0 else { return }
            report.meanOnsetDisplacement = onsetSum / Double(count)
            report.maximumOnsetDisplacement = onsetMax
            report.meanEndDisplacement = endSum / Double(count)
            report.maximumEndDisplacement = endMax
        }
    }

    /// A note on the grid, not yet in a voice.
    private struct GridNote: Hashable {
        var onset: Rational
        var end: Rational
        var pitch: Int
        var velocity: Int

        /// Whether two lists hold the same notes (or the same timing), in any order.
        static func same(_ a: [GridNote], _ b: [GridNote], timingOnly: Bool = false) -> Bool {
            guard a.count == b.count else { return false }
            func key(_ n: GridNote) -> (Rational, Rational, Int, Int) { (n.onset, n.end, n.pitch, timingOnly ? 0 : n.velocity) }
            let x = a.sorted { key($0) < key($1) }, y = b.sorted { key($0) < key($1) }
            return zip(x, y).allSatisfy { key($0) == key($1) }
        }
    }

    /// The state of one voice while notes are dealt out.
    private struct VoiceState {
        var lastEvent: Int  // index into the events
        var lastOnset: Rational
        var end: Rational
    }

    /// Quantizes one staff's notes (sorted by onset) into timed events with voices.
    func quantizeStaff(_ notes: [MIDINote], grid: Grid, spellers: [(offset: Rational, speller: PitchSpeller)],
                       asWritten: ([TimedEvent]) -> [MIDINote],
                       report: inout QuantizationReport, stats: inout Statistics) -> [TimedEvent] {
        var gridNotes = snap(notes, grid: grid, report: &report, stats: &stats)
        // Cutting, extending and dealing into voices change notes, after which they may group
        // differently. Writing the result as MIDI and quantizing it again must give it back, so
        // that path is emulated here — the ticks ``MIDIWriter`` writes, paired as ``MIDIReader``
        // pairs them, snapped and dealt again — until nothing changes.
        var events = assignVoices(gridNotes, grid: grid, spellers: spellers, report: &report)
        let writtenGrid = Grid(ticksPerQuarter: MIDIWriter.defaultTicksPerQuarter, divisors: grid.divisors)
        for _ in 0..<8 {
            var scratch = QuantizationReport()
            var scratchStats = Statistics()
            let again = snap(asWritten(events), grid: writtenGrid, report: &scratch, stats: &scratchStats)
            // When dealing changed no timing, the events' own notes (each chord at its loudest
            // velocity) deal out to the same events, so reading back exactly those ends the loop.
            let own = events.flatMap { event in
                event.pitches.map { GridNote(onset: event.offset, end: event.end, pitch: $0.midi, velocity: event.velocity ?? 0) }
            }
            let reference = GridNote.same(own, gridNotes, timingOnly: true) ? own : gridNotes
            if GridNote.same(again, reference) { break }
            gridNotes = again
            events = assignVoices(gridNotes, grid: grid, spellers: spellers, report: &scratch)
            report.maximumVoices = max(report.maximumVoices, scratch.maximumVoices)
        }
        return events
    }

    /// Snaps notes (sorted by onset) to the grid: chord groups share their first note's onset,
    /// ends snap to the onset's grids.
    private func snap(_ notes: [MIDINote], grid: Grid, report: inout QuantizationReport,
                      stats: inout Statistics) -> [GridNote] {
        let tpq = Double(grid.ticksPerQuarter)
        let windowTicks = options.chordWindowLength.doubleValue * tpq
        var gridNotes: [GridNote] = []
        gridNotes.reserveCapacity(notes.count)
        // A note joins the group of an earlier note when it starts within the chord window of it
        // and also ends within the window of it (as music21 groups), and when joining keeps the
        // rhythm a musician reads (see `joinsChord`); otherwise it is placed by its own onset.
        let spreadTicks = options.keepsArpeggios ? grid.ticksPerQuarter / 16 : Int.max
        var gathered = [Bool](repeating: false, count: notes.count)
        for i in notes.indices where !gathered[i] {
            let first = notes[i]
            let onset = grid.snap(first.on)
            var group = [i]
            var j = i + 1
            while j < notes.count && Double(notes[j].on - first.on) < windowTicks {
                if !gathered[j] && Double(abs(notes[j].off - first.off)) <= windowTicks
                    && Quantizer.joinsChord(notes[j], at: onset, first: first, grid: grid, spreadTicks: spreadTicks,
                                            pitches: group.lazy.map { notes[$0].pitch }) {
                    gathered[j] = true
                    group.append(j)
                }
                j += 1
            }
            for index in group {
                let note = notes[index]
                var end = grid.snap(note.off, onGridOf: onset)
                stats.add(onsetShift: abs(onset.doubleValue - Double(note.on) / tpq),
                          endShift: abs(end.doubleValue - Double(note.off) / tpq))
                if onset.doubleValue * tpq != Double(note.on) { report.onsetsMoved += 1 }
                if end <= onset {
                    end = onset + grid.step(at: onset)
                    report.notesLengthened += 1
                }
                gridNotes.append(GridNote(onset: onset, end: end, pitch: Int(note.pitch), velocity: Int(note.velocity)))
            }
        }
        return gridNotes
    }

    /// Whether a note within the chord window of `first` becomes part of its chord at `onset`.
    ///
    /// Not when the key is already in the chord (a key struck again is a new note, never a
    /// doubled pitch). Otherwise when it snaps to the same grid point anyway, or when it starts
    /// within `spreadTicks` (1/16 of a quarter: a chord played slightly spread) of the first
    /// note and no beat lies between the chord's onset and its own: a note on or just past a
    /// beat or barline keeps that beat. Notes further apart — a rolled chord, an arpeggio —
    /// keep their own onsets and their order.
    static func joinsChord<Pitches: Sequence<UInt8>>(_ note: MIDINote, at onset: Rational, first: MIDINote, grid: Grid,
                                                     spreadTicks: Int, pitches: Pitches) -> Bool {
        if pitches.contains(note.pitch) { return false }
        let own = grid.snap(note.on)
        if own == onset { return true }
        return note.on - first.on <= spreadTicks && Rational(own.floor) <= onset
    }

    /// Deals grid notes out into chords and voices.
    private func assignVoices(_ notes: [GridNote], grid: Grid, spellers: [(offset: Rational, speller: PitchSpeller)],
                              report: inout QuantizationReport) -> [TimedEvent] {
        // Group by onset; within an onset, notes that end together form one chord.
        let gridNotes = notes.sorted { ($0.onset, $1.pitch) < ($1.onset, $0.pitch) }
        var events: [TimedEvent] = []
        events.reserveCapacity(gridNotes.count)
        var voices: [VoiceState] = []
        var spellerIndex = 0
        var start = 0
        while start < gridNotes.count {
            let onset = gridNotes[start].onset
            var stop = start
            while stop < gridNotes.count && gridNotes[stop].onset == onset { stop += 1 }
            while spellerIndex + 1 < spellers.count && spellers[spellerIndex + 1].offset <= onset { spellerIndex += 1 }
            let speller = spellers[spellerIndex].speller
            if grid.isTriplet(onset) { report.tripletOnsets += stop - start }
            // Chords by end, the one holding the highest note first (it takes voice 1).
            var chords: [(end: Rational, notes: [GridNote])] = []
            for note in gridNotes[start..<stop] {
                // A key never sounds twice in one chord: a second strike of it is a chord of its own.
                if let index = chords.firstIndex(where: { $0.end == note.end && !$0.notes.contains { $0.pitch == note.pitch } }) {
                    chords[index].notes.append(note)
                } else {
                    chords.append((note.end, [note]))
                }
            }
            for chord in chords {
                let pitches = chord.notes.map { speller.spell($0.pitch) }.sorted()
                let velocity = chord.notes.map(\.velocity).max()
                if pitches.count > 1 { report.chords += 1 }
                report.notesOut += pitches.count
                let voice = chooseVoice(onset: onset, grid: grid, voices: &voices, events: &events, report: &report)
                if voice < 0 {
                    // Every voice already starts a chord here: join the first one.
                    let target = voices[0].lastEvent
                    events[target].pitches = (events[target].pitches + pitches).sorted()
                    continue
                }
                let event = TimedEvent(offset: onset, length: chord.end - onset, pitches: pitches,
                                       velocity: velocity, voice: String(voice + 1))
                if voice == voices.count {
                    voices.append(VoiceState(lastEvent: events.count, lastOnset: onset, end: chord.end))
                } else {
                    voices[voice] = VoiceState(lastEvent: events.count, lastOnset: onset, end: chord.end)
                }
                events.append(event)
            }
            start = stop
        }
        report.maximumVoices = max(report.maximumVoices, voices.count)
        return events
    }

    /// The voice for a chord at `onset`: a free one, else one whose last chord overlaps by at
    /// most the tolerance (cut), else a new one, else the earliest-ending one (cut). Returns
    /// `voices.count` for a new voice and −1 when every voice already starts a chord here.
    private func chooseVoice(onset: Rational, grid: Grid, voices: inout [VoiceState], events: inout [TimedEvent],
                             report: inout QuantizationReport) -> Int {
        if let free = voices.firstIndex(where: { $0.end <= onset }) {
            let held = onset - voices[free].lastOnset
            // Close only when the longer note is still whole steps of a grid its onset lies on.
            if voices[free].end < onset && onset - voices[free].end < options.gapTolerance
                && grid.divisors.contains(where: { (voices[free].lastOnset * Rational($0)).isInteger && (held * Rational($0)).isInteger }) {
                let index = voices[free].lastEvent
                events[index].length = onset - voices[free].lastOnset
                voices[free].end = onset
                report.notesExtended += events[index].pitches.count
            }
            return free
        }
        func cut(_ v: Int) {
            let index = voices[v].lastEvent
            events[index].length = onset - voices[v].lastOnset
            voices[v].end = onset
            report.notesShortened += events[index].pitches.count
        }
        var best: Int?
        for (v, state) in voices.enumerated() where state.lastOnset < onset && state.end - onset <= options.overlapTolerance {
            if best == nil || state.end < voices[best!].end { best = v }
        }
        if let v = best { cut(v); return v }
        if voices.count < max(options.maximumVoices, 1) { return voices.count }
        var earliest: Int?
        for (v, state) in voices.enumerated() where state.lastOnset < onset {
            if earliest == nil || state.end < voices[earliest!].end { earliest = v }
        }
        guard let v = earliest else { return -1 }
        cut(v)
        return v
    }
}
