/// Turns a MIDI performance into notation: onsets and ends snapped to a grid, simultaneous
/// notes gathered into chords, voices where notes overlap, staves per hand, measures from the
/// time signature, and pitches spelled in the key.
///
/// Everything it decides is in ``Options`` and everything it did is in the
/// ``QuantizationReport``:
///
/// ```swift
/// let file = try MIDIReader().read(contentsOf: url)
/// let result = try Quantizer(options: .init(allowsTriplets: false)).score(from: file)
/// print(result.report)   // how far notes moved
/// result.score.parts[0].staves.count   // 2 for a piano file
/// ```
///
/// Staves: a file whose notes sit in two tracks with the same program (a piano's right and
/// left hands) becomes one part with a staff per track, the higher track on top; a file with
/// all its notes in one track and channel, spread over both sides of ``Options/splitPitch``,
/// becomes a piano part with its notes shared between the hands by ``Options/handSeparation``;
/// more tracks of one piano sound (hands split over several tracks, or a fugue's voices)
/// become one two-staff part, tracks named for the right hand or lying at or above the split
/// pitch on top; anything else gets a part per track (or per channel of a
/// format-0 file).
///
/// Sustain-pedal presses (controller 64, in any track) become pedal marks under the lowest staff
/// of the first part. The result is a fixed point of writing and reading: ``MIDIWriter`` output of the score,
/// read and quantized again with the same options, gives the same score.
public struct Quantizer: Sendable {
    /// What quantization produced.
    public struct Result: Sendable {
        /// The notated score.
        public var score: Score
        /// How far the notes moved, and what was merged or cut.
        public var report: QuantizationReport
    }

    /// The options.
    public var options: Options

    /// The longest piece quantized, in quarter notes (about 14 hours at 120 bpm).
    public static let maximumLength = 100_000

    /// Creates a quantizer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Quantizes a MIDI file into a score.
    ///
    /// - Throws: ``MIDIError`` with reason ``MIDIError/Reason/smpteDivisionUnsupported`` for
    ///   SMPTE-timed files, which have no quarter notes to quantize to, and
    ///   ``MIDIError/Reason/valueOutOfRange(_:)`` for pieces longer than ``maximumLength``.
    public func score(from file: MIDIFile) throws(MIDIError) -> Result {
        guard let tpq = file.division.ticksPerQuarter else {
            throw MIDIError(.fatal, .smpteDivisionUnsupported, offset: 12)
        }
        let grid = Grid(ticksPerQuarter: tpq, divisors: options.effectiveDivisors)
        // A damaged or hostile file can place a note years in: refuse rather than build millions
        // of empty bars.
        let lastTick = file.tracks.map(\.endTick).max() ?? 0
        guard lastTick / tpq <= Quantizer.maximumLength else {
            throw MIDIError(.fatal, .valueOutOfRange("piece of \(lastTick / tpq) quarter notes, more than \(Quantizer.maximumLength)"),
                            offset: 0)
        }
        var conductor = ConductorInfo(file: file, grid: grid)
        let notes = file.notes
        var report = QuantizationReport()
        report.notesIn = notes.count

        // Spelling key: the option, else the file's key signatures (the mode checked against
        // the notes, since many files write a minor piece's signature as major), else an estimate.
        if options.key == nil {
            // Each signature's mode is judged by the notes it governs (up to the next one).
            let onsets = notes.map { grid.snap($0.on) }
            for index in conductor.keys.indices {
                let start = conductor.keys[index].offset
                let end = index + 1 < conductor.keys.count ? conductor.keys[index + 1].offset : nil
                var governed: [MIDINote] = []
                for (note, onset) in zip(notes, onsets) where onset >= start {
                    if let end, onset >= end { continue }
                    governed.append(note)
                }
                conductor.keys[index].key = Quantizer.mode(of: conductor.keys[index].key.signature,
                                                           histogram: pitchClassHistogram(governed.isEmpty ? notes : governed))
            }
        }
        let key: Key
        var keyChanges: [(offset: Rational, key: Key)] = []
        if let fixed = options.key {
            key = fixed
        } else if let first = conductor.keys.first, first.offset == 0 {
            key = first.key
            keyChanges = Array(conductor.keys.dropFirst())
        } else {
            // No signature at the start: estimate the opening key from the notes before the
            // first signature (all notes when there is none); later signatures still apply.
            let firstSignature = conductor.keys.first?.offset
            let opening = firstSignature.map { start in notes.filter { grid.snap($0.on) < start } } ?? notes
            key = Quantizer.key(histogram: pitchClassHistogram(opening.isEmpty ? notes : opening)) ?? .cMajor
            keyChanges = conductor.keys
        }
        var current = key
        keyChanges = keyChanges.filter { change in
            defer { current = change.key }
            return change.key != current
        }
        var spellers: [(offset: Rational, speller: PitchSpeller)] = [(.zero, PitchSpeller(key: key))]
        for change in keyChanges { spellers.append((change.offset, PitchSpeller(key: change.key))) }

        let layout = staffLayout(notes: notes, file: file)
        var stats = Statistics()
        var parts: [Part] = []
        var scoreEnd = Rational.zero
        var quantizedStaves: [[[TimedEvent]]] = []
        let firstMeter = options.timeSignature ?? conductor.meters.first(where: { $0.offset == 0 })?.timeSignature ?? .commonTime
        func builder(clef: Clef) -> MeasureBuilder {
            var builder = MeasureBuilder(timeSignature: firstMeter, key: key, clef: clef)
            if options.timeSignature == nil { builder.timeSignatureChanges = conductor.meters.filter { $0.offset > 0 } }
            builder.keyChanges = keyChanges
            return builder
        }
        for partLayout in layout {
            var staves: [[TimedEvent]] = []
            for (staffIndex, staffNotes) in partLayout.staves.enumerated() {
                let staffBuilder = builder(clef: partLayout.clefs[staffIndex])
                let barlines = staffBuilder.barlines(covering: staffNotes.isEmpty ? 1 : grid.snap(staffNotes.map(\.off).max() ?? 0) + 1)
                let asWritten: ([TimedEvent]) -> [MIDINote] = { Quantizer.asWritten($0, barlines: barlines) }
                let events = quantizeStaff(staffNotes, grid: grid, spellers: spellers, asWritten: asWritten,
                                           report: &report, stats: &stats)
                scoreEnd = max(scoreEnd, events.map(\.end).max() ?? .zero)
                staves.append(events)
            }
            quantizedStaves.append(staves)
        }

        for (partIndex, partLayout) in layout.enumerated() {
            var part = Part(id: "P\(partIndex + 1)", name: partLayout.name, instrument: partLayout.instrument)
            for (staffIndex, events) in quantizedStaves[partIndex].enumerated() {
                var staff = builder(clef: partLayout.clefs[staffIndex]).staff(from: events, minimumLength: scoreEnd)
                if partIndex == 0 && staffIndex == 0, let bpm = conductor.firstTempo, !staff.measures.isEmpty {
                    staff.measures[0].directions.append(Direction(offset: .zero, staff: 1,
                                                                  kind: .tempo(Tempo((bpm * 100).rounded() / 100))))
                    Quantizer.addTempoMarks(conductor.tempoChanges, to: &staff)
                }
                // Pedal marks go under the lowest staff of the first part, as pianists read them.
                if partIndex == 0 && staffIndex == partLayout.staves.count - 1 {
                    Quantizer.addPedalMarks(Quantizer.pedalMarks(file, grid: grid), to: &staff, number: staffIndex + 1)
                }
                part.staves.append(staff)
            }
            parts.append(part)
        }
        stats.finish(into: &report)
        var metadata = Metadata()
        if file.format != .single, let title = file.tracks.first?.name, !title.isEmpty,
           !(file.tracks.first?.hasNotes ?? true) {
            metadata.title = title
        }
        if let first = file.tracks.first { MIDIMetadata.read(first, into: &metadata) }
        return Result(score: Score(metadata: metadata, parts: parts), report: report)
    }

    /// The notes of a staff's events as ``MIDIWriter`` writes them and ``MIDINote/pair(_:)``
    /// reads them back: ticks at the writer's resolution; releases before attacks at equal
    /// ticks; attacks at equal ticks in the writer's order (by the bar a note ends in, then by
    /// voice), which decides how a key struck again while it sounds is paired.
    static func asWritten(_ events: [TimedEvent], barlines: [Rational]) -> [MIDINote] {
        struct Edge {
            var tick: Int, isOn: Bool, bar: Int, voice: Int, key: Int, velocity: UInt8
        }
        let tpq = Rational(MIDIWriter.defaultTicksPerQuarter)
        var edges: [Edge] = []
        edges.reserveCapacity(events.count * 4)
        for event in events {
            let on = (event.offset * tpq).floor, off = (event.end * tpq).floor
            let velocity = UInt8(clamping: max(1, min(127, event.velocity ?? 80)))
            // The bar holding the note's last piece: where the writer completes it.
            var low = 0, high = max(barlines.count - 2, 0)
            while low < high {
                let mid = (low + high + 1) / 2
                if barlines[mid] < event.end { low = mid } else { high = mid - 1 }
            }
            let voice = Int(event.voice) ?? 0
            for pitch in event.pitches where (0...127).contains(pitch.midi) {
                edges.append(Edge(tick: on, isOn: true, bar: low, voice: voice, key: pitch.midi, velocity: velocity))
                edges.append(Edge(tick: off, isOn: false, bar: low, voice: voice, key: pitch.midi, velocity: 0))
            }
        }
        edges.sort { a, b in
            if a.tick != b.tick { return a.tick < b.tick }
            if a.isOn != b.isOn { return !a.isOn }
            if a.bar != b.bar { return a.bar < b.bar }
            return a.voice < b.voice
        }
        // First-in first-out per key, as MIDINote.pair does.
        var notes: [MIDINote] = []
        notes.reserveCapacity(edges.count / 2)
        var held = [[Int]](repeating: [], count: 128)
        for edge in edges {
            if edge.isOn {
                held[edge.key].append(notes.count)
                notes.append(MIDINote(track: 1, channel: 0, pitch: UInt8(edge.key), velocity: edge.velocity,
                                      on: edge.tick, off: edge.tick))
            } else if !held[edge.key].isEmpty {
                notes[held[edge.key].removeFirst()].off = edge.tick
            }
        }
        notes.sort { a, b in
            if a.on != b.on { return a.on < b.on }
            if a.pitch != b.pitch { return a.pitch < b.pitch }
            return a.off < b.off
        }
        return notes
    }

    /// Which of several piano tracks go on the upper staff: those named for the right hand,
    /// not those named for the left, otherwise those whose mean key is at or above
    /// `splitPitch`; each staff gets at least one track.
    static func upperStaffTracks(_ tracks: [(track: Int, name: String?, notes: [MIDINote])], splitPitch: Int) -> Set<Int> {
        func mean(_ notes: [MIDINote]) -> Double {
            notes.isEmpty ? 0 : Double(notes.reduce(0) { $0 + Int($1.pitch) }) / Double(notes.count)
        }
        var upper = Set<Int>()
        for entry in tracks {
            let name = entry.name?.lowercased() ?? ""
            if name.contains("right") || (!name.contains("left") && mean(entry.notes) >= Double(splitPitch)) {
                upper.insert(entry.track)
            }
        }
        let byMean = tracks.sorted { mean($0.notes) > mean($1.notes) }
        if upper.isEmpty, let top = byMean.first { upper.insert(top.track) }
        if upper.count == tracks.count, let bottom = byMean.last { upper.remove(bottom.track) }
        return upper
    }

    /// Metronome marks for the tempo changes after the first, in the bars where they fall.
    static func addTempoMarks(_ changes: [(offset: Rational, bpm: Double)], to staff: inout Staff) {
        var index = 0, start = Rational.zero
        for change in changes {
            while index < staff.measures.count && start + staff.measures[index].length <= change.offset {
                start += staff.measures[index].length
                index += 1
            }
            guard index < staff.measures.count else { return }
            staff.measures[index].directions.append(Direction(offset: change.offset - start, staff: 1,
                                                              kind: .tempo(Tempo(change.bpm))))
        }
    }

    /// Whether one track's notes need a staff per hand: more than two octaves from lowest to
    /// highest, and at least a tenth of them on each side of the split pitch.
    static func needsTwoStaves(_ notes: [MIDINote], splitPitch: Int) -> Bool {
        guard let low = notes.map(\.pitch).min(), let high = notes.map(\.pitch).max(), Int(high) - Int(low) > 24 else {
            return false
        }
        let below = notes.reduce(0) { $0 + (Int($1.pitch) < splitPitch ? 1 : 0) }
        return below * 10 >= notes.count && (notes.count - below) * 10 >= notes.count
    }

    // MARK: - Key

    /// Notes per pitch class: the input of key estimation. Counts rather than durations, so
    /// that the estimate is the same before and after quantization (which changes lengths but
    /// keeps every note), and a written score reads back in the same key.
    /// Key estimation counts notes (not durations) with the Krumhansl–Kessler profile: onset
    /// counts are what a performance gives reliably before quantization.
    static let keyEstimator = KeyEstimator(profile: .krumhanslKessler)

    /// The best-correlating major or minor key of a note-count histogram, `nil` if it is empty.
    /// A major key a semitone above C is written D♭ (five flats) rather than C♯ (seven sharps),
    /// as key signatures of MIDI files have it.
    static func key(histogram: [Double]) -> Key? {
        guard histogram.contains(where: { $0 > 0 }), var key = keyEstimator.estimate(histogram: histogram)?.key else { return nil }
        if key.mode == .major, key.tonicPitchClass == 1 { key = Key(.D, alter: -1, .major) }
        return key
    }

    /// The mode a key signature most likely means: its major key or its relative minor,
    /// whichever correlates better with the histogram (major when there are no notes).
    static func mode(of signature: KeySignature, histogram: [Double]) -> Key {
        let major = Key(signature: signature, mode: .major), minor = Key(signature: signature, mode: .minor)
        guard histogram.contains(where: { $0 > 0 }) else { return major }
        let profile = keyEstimator.profile
        let majorFit = KeyEstimator.correlations(histogram, profile.weights(for: .major))[major.tonicPitchClass]
        let minorFit = KeyEstimator.correlations(histogram, profile.weights(for: .minor))[minor.tonicPitchClass]
        return minorFit > majorFit ? minor : major
    }

    private func pitchClassHistogram(_ notes: [MIDINote]) -> [Double] {
        var histogram = [Double](repeating: 0, count: 12)
        for note in notes { histogram[Int(note.pitch) % 12] += 1 }
        return histogram
    }

    // MARK: - Staves

    struct PartLayout {
        var name: String?
        var instrument: Instrument
        var staves: [[MIDINote]]
        var clefs: [Clef]
    }

    private func staffLayout(notes: [MIDINote], file: MIDIFile) -> [PartLayout] {
        // Group by track, or by channel when a single track holds several channels.
        var groups: [Int: [MIDINote]] = [:]
        let noteTracks = Set(notes.map(\.track))
        let byChannel = noteTracks.count == 1 && Set(notes.map(\.channel)).count > 1
        for note in notes { groups[byChannel ? Int(note.channel) : note.track, default: []].append(note) }
        let keys = groups.keys.sorted()

        func instrument(track: Int) -> Instrument {
            var result = Instrument(name: nil, midiProgram: nil)
            guard file.tracks.indices.contains(track) else { return .piano }
            for event in file.tracks[track].events {
                switch event.message {
                case .programChange(let channel, let program) where result.midiProgram == nil:
                    result.midiProgram = Int(program)
                    result.midiChannel = Int(channel) + 1
                case .meta(.instrumentName(let name)) where result.name == nil:
                    result.name = name
                default: break
                }
            }
            if result.midiProgram == nil { result.midiProgram = 0 }
            if result.midiChannel == nil, let channel = notes.first(where: { $0.track == track })?.channel {
                result.midiChannel = Int(channel) + 1
            }
            return result
        }
        func mean(_ notes: [MIDINote]) -> Double {
            notes.isEmpty ? 0 : Double(notes.reduce(0) { $0 + Int($1.pitch) }) / Double(notes.count)
        }
        func clef(for notes: [MIDINote]) -> Clef {
            notes.isEmpty || mean(notes) >= 57 ? .treble : .bass
        }

        // Two tracks are two hands of one instrument only when they play the same program.
        let sameInstrument = keys.count == 2 && !byChannel
            && instrument(track: keys[0]).midiProgram == instrument(track: keys[1]).midiProgram
        // More tracks of one piano sound (hands split over tracks, or a fugue's voices) make one
        // two-staff piano part.
        let pianoPrograms = keys.map { instrument(track: $0).midiProgram ?? 0 }
        if keys.count > 2 && !byChannel && Set(pianoPrograms).count == 1 && (0...7).contains(pianoPrograms[0]) {
            let upper = Quantizer.upperStaffTracks(keys.map { key in
                (track: key, name: file.tracks[key].name, notes: groups[key] ?? [])
            }, splitPitch: options.splitPitch)
            var staves = [notes.filter { upper.contains($0.track) }, notes.filter { !upper.contains($0.track) }]
            // Order and clefs as for two tracks, so that the score written back as two tracks
            // reads the same.
            if mean(staves[1]) > mean(staves[0]) { staves.swapAt(0, 1) }
            var piano = instrument(track: keys[0])
            if piano.name == nil { piano.name = "Piano" }
            return [PartLayout(name: "Piano", instrument: piano, staves: staves, clefs: staves.map { clef(for: $0) })]
        }
        if keys.count == 1 || sameInstrument {
            var staves: [[MIDINote]]
            if keys.count == 1 {
                let all = groups[keys[0]] ?? []
                // One track is one staff unless it needs two: a melody (a one-staff part written
                // out by MIDIWriter) stays one staff, a piano's two hands in one track are split.
                guard Quantizer.needsTwoStaves(all, splitPitch: options.splitPitch) else {
                    let track = byChannel ? (all.first?.track ?? 0) : keys[0]
                    let name = file.tracks.indices.contains(track) ? file.tracks[track].name : nil
                    return [PartLayout(name: name, instrument: instrument(track: track), staves: [all], clefs: [clef(for: all)])]
                }
                // Notes struck in the same 64th-note slot count as struck together; the
                // separation reads onsets and releases in quarter notes.
                let ticksPerQuarter = max(1, file.division.ticksPerQuarter ?? 480)
                let step = max(1, ticksPerQuarter / 16)
                let right = options.handSeparation.rightHand(onsets: all.map { Double($0.on / step * step) / Double(ticksPerQuarter) },
                                                             ends: all.map { Double($0.off) / Double(ticksPerQuarter) },
                                                             pitches: all.map { Int($0.pitch) })
                staves = [zip(all, right).filter(\.1).map(\.0), zip(all, right).filter { !$0.1 }.map(\.0)]
            } else {
                staves = keys.map { groups[$0] ?? [] }
                // The higher hand goes on top, whatever the track order.
                if mean(staves[1]) > mean(staves[0]) { staves.swapAt(0, 1) }
            }
            let track = keys.first ?? 0
            var piano = instrument(track: byChannel ? 0 : track)
            if piano.name == nil { piano.name = "Piano" }
            let clefs = keys.count == 1 ? [Clef.treble, .bass] : staves.map { clef(for: $0) }
            return [PartLayout(name: "Piano", instrument: piano, staves: staves, clefs: clefs)]
        }
        return keys.map { key in
            let group = groups[key] ?? []
            let track = byChannel ? (group.first?.track ?? 0) : key
            let name = file.tracks.indices.contains(track) ? file.tracks[track].name : nil
            return PartLayout(name: name, instrument: instrument(track: track), staves: [group], clefs: [clef(for: group)])
        }
    }
}
