/// The vertical slices of a score with each voice's pitch in each: one sweep over the notes,
/// cut at every onset and release of any note, as music21's `chordify()` cuts.
struct SliceSweep {
    /// A slice before naming: its span, pitches, each voice's top pitch and fermata.
    struct Slice {
        var offset: Rational
        var length: Rational
        var pitches: [Pitch]
        var voicePitches: [Pitch?]
        var hasFermata: Bool
    }

    var voices: [AnalysisVoice] = []
    var slices: [Slice] = []

    /// Sweeps the sounding (non-grace, non-rest) notes of `score`. A part is one voice unless
    /// it has several staves or voices; then each staff's voice is one.
    init(_ score: Score) {
        let sounding = score.events.filter { !$0.event.isRest && !$0.event.isGrace && $0.event.quarterLength > 0 }
        // Voices: per part, the (staff, voice) pairs in order of first appearance.
        var perPart: [Int: [AnalysisVoice]] = [:]
        var seen = Set<AnalysisVoice>()
        for placed in sounding {
            let v = AnalysisVoice(part: placed.part, staff: placed.staff, voice: placed.voice)
            if seen.insert(v).inserted { perPart[placed.part, default: []].append(v) }
        }
        var voiceIndex: [AnalysisVoice: Int] = [:]
        var partVoice: [Int: Int] = [:]
        for part in perPart.keys.sorted() {
            let found = perPart[part]!
            if found.count == 1 {
                partVoice[part] = voices.count
                voices.append(found[0])
            } else {
                for v in found.sorted(by: { ($0.staff, found.firstIndex(of: $0)!) < ($1.staff, found.firstIndex(of: $1)!) }) {
                    voiceIndex[v] = voices.count
                    voices.append(v)
                }
            }
        }
        func index(of placed: PlacedEvent) -> Int {
            partVoice[placed.part] ?? voiceIndex[AnalysisVoice(part: placed.part, staff: placed.staff, voice: placed.voice)]!
        }
        var cuts = Set<Rational>()
        for placed in sounding {
            cuts.insert(placed.offset)
            cuts.insert(placed.end)
        }
        let boundaries = cuts.sorted()
        guard boundaries.count >= 2 else { return }
        let byOnset = sounding.sorted { $0.offset < $1.offset }
        var next = 0
        var active: [(event: PlacedEvent, voice: Int)] = []
        slices.reserveCapacity(boundaries.count)
        if boundaries[0] > 0 {
            slices.append(Slice(offset: 0, length: boundaries[0], pitches: [],
                                voicePitches: Array(repeating: nil, count: voices.count), hasFermata: false))
        }
        for i in 0..<(boundaries.count - 1) {
            let start = boundaries[i], stop = boundaries[i + 1]
            active.removeAll { $0.event.end <= start }
            var fermata = false
            while next < byOnset.count && byOnset[next].offset <= start {
                let placed = byOnset[next]
                if placed.end > start {
                    active.append((placed, index(of: placed)))
                    if placed.offset == start && SliceSweep.hasFermata(placed.event) { fermata = true }
                }
                next += 1
            }
            var voicePitches = [Pitch?](repeating: nil, count: voices.count)
            var all = Set<Pitch>()
            for (placed, voice) in active {
                for pitch in placed.event.pitches {
                    all.insert(pitch)
                    if let current = voicePitches[voice], current.midi >= pitch.midi { continue }
                    voicePitches[voice] = pitch
                }
            }
            slices.append(Slice(offset: start, length: stop - start, pitches: all.sorted(),
                                voicePitches: voicePitches, hasFermata: fermata))
        }
    }

    private static func hasFermata(_ event: Event) -> Bool {
        switch event {
        case .note(let note): return note.articulations.contains(.fermata)
        case .chord(let chord): return chord.notes.contains { $0.articulations.contains(.fermata) }
        case .rest: return false
        }
    }
}
