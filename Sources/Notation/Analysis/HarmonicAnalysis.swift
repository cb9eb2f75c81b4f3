/// The harmony of a score: its vertical slices with their keys and Roman numerals, its local
/// keys, the voice leading between every two voices, and the cadences at its phrase ends.
///
/// ```swift
/// let analysis = try HarmonicAnalysis(score, key: .global)
/// for slice in analysis.slices where slice.roman != nil {
///     print(slice.position.measureName, slice.position.offsetInMeasure, slice.roman!.figure)
/// }
/// for finding in analysis.voiceLeading where finding.kind == .parallelFifth {
///     print(analysis.slices[finding.slice].position.measureName, finding.voices)
/// }
/// ```
///
/// - **Slices** are cut at every onset and release of any note (music21's `chordify()`); each
///   one's ``HarmonicSlice/roman`` names all its pitches as music21's `romanNumeralFromChord`
///   does, and ``HarmonicSlice/harmony`` names its chord tones only, after the non-chord-tone
///   rule below: the smallest set of tones (other than the bass), preferably
///   ones moving by step in their voice, whose removal leaves a triad or seventh chord.
/// - **Local keys** (``keyRegions``): the key of each measure is estimated (as
///   ``KeyEstimator`` does for a whole piece) from the measures in a window around it,
///   ``localKeyRadius`` measures either side (music21's windowed key analysis); a key held for
///   fewer than two measures is absorbed by the one before it.
/// - **Voice leading** (``voiceLeading``): for every two consecutive slices in which two voices
///   both sound and at least one changes pitch, the ``VoiceLeadingQuartet`` of the two voices
///   (the upper voice being the one listed first in ``voices``), reported at the second slice;
///   and ``VoiceLeadingFinding/Kind/largeLeap`` for a voice moving more than an octave between
///   two consecutive slices.
/// - **Cadences** (``cadences``): at each phrase end — a slice where a fermata starts, the
///   last sounding slice before a rest in every voice, and the last slice of the piece — the
///   final chord's chord tones are compared with the last recognised chord of another root
///   before it in the phrase (slices that are no chord, such as a suspension over the bass,
///   are passed over), in the
///   final chord's key: V (or V7) → I is a perfect authentic cadence when both chords are in
///   root position and the soprano ends on the tonic, otherwise imperfect, as is vii° → I;
///   IV → I is plagal; V → vi (VI in minor) deceptive; a phrase ending on a major V (with
///   anything before it) a half cadence. Other endings are not reported.
public struct HarmonicAnalysis: Sendable {
    /// Measures either side of a measure that the local key is estimated from.
    public static let localKeyRadius = 2

    /// The voices, top part first (for a chorale, the parts: 0 is the soprano).
    public var voices: [AnalysisVoice]
    /// The slices in time order, rests included.
    public var slices: [HarmonicSlice]
    /// The key of the whole piece (``Score/estimatedKey(weighting:)``).
    public var globalKey: Key
    /// The local keys, in order; a modulation is where one region follows another.
    public var keyRegions: [KeyRegion]
    /// The voice-leading findings, by slice, then by voices.
    public var voiceLeading: [VoiceLeadingFinding]
    /// The cadences, in order.
    public var cadences: [Cadence]

    /// Analyses a score, naming chords in the local, global or given key.
    ///
    /// Cost: one sweep over the notes (O(n log n)) and constant work per slice and voice pair.
    ///
    /// - Throws: ``NotationError`` (`nothingToAnalyze`) when the score has no pitched note.
    public init(_ score: Score, key choice: AnalysisKey = .local) throws(NotationError) {
        let name = score.metadata.title.flatMap { $0.isEmpty ? nil : $0 } ?? "score"
        guard let estimate = score.estimatedKey() else { throw .nothingToAnalyze(name) }
        let sweep = SliceSweep(score)
        guard sweep.slices.contains(where: { !$0.pitches.isEmpty }) else { throw .nothingToAnalyze(name) }
        voices = sweep.voices
        globalKey = estimate.key
        let grid = score.parts.first?.staves.first.map(BeatGrid.init)
        let positions = HarmonicAnalysis.positions(of: sweep.slices.map(\.offset), in: grid)
        let local = HarmonicAnalysis.localKeys(score, grid: grid, fallback: estimate.key)
        keyRegions = local.regions
        func localKey(_ position: MeasurePosition) -> Key {
            local.keys.indices.contains(position.measureIndex) ? local.keys[position.measureIndex] : estimate.key
        }
        var named: [HarmonicSlice] = []
        named.reserveCapacity(sweep.slices.count)
        for (i, slice) in sweep.slices.enumerated() {
            let key: Key? = slice.pitches.isEmpty ? nil : {
                switch choice {
                case .local: return localKey(positions[i])
                case .global: return estimate.key
                case .given(let given): return given
                }
            }()
            var harmonic = HarmonicSlice(offset: slice.offset, length: slice.length, position: positions[i],
                                         pitches: slice.pitches, voicePitches: slice.voicePitches,
                                         hasFermata: slice.hasFermata, key: key, roman: nil, nonChordTones: [],
                                         harmony: nil, isRecognisedChord: false)
            if let key {
                let reading = ChordToneReading(slice.pitches, stepwise: HarmonicAnalysis.stepwise(sweep.slices, at: i))
                harmonic.roman = RomanNumeral(pitches: slice.pitches, in: key)
                harmonic.nonChordTones = reading.nonChordTones
                harmonic.harmony = reading.nonChordTones.isEmpty
                    ? harmonic.roman : RomanNumeral(pitches: reading.chordTones, in: key)
                harmonic.isRecognisedChord = reading.isRecognised
            }
            named.append(harmonic)
        }
        slices = named
        voiceLeading = HarmonicAnalysis.voiceLeading(sweep.slices, voices: sweep.voices.count)
        cadences = CadenceFinder.cadences(in: named)
    }

    /// The measure positions of offsets in increasing order, in the bars of `grid`.
    private static func positions(of offsets: [Rational], in grid: BeatGrid?) -> [MeasurePosition] {
        guard let grid, !grid.bars.isEmpty else {
            return offsets.map {
                MeasurePosition(measureIndex: 0, measureNumber: 1, measureOffset: 0, offsetInMeasure: $0,
                                beat: 1 + $0, timeSignature: .commonTime)
            }
        }
        var bar = 0
        return offsets.map { offset in
            while bar + 1 < grid.bars.count && grid.bars[bar + 1].offset <= offset { bar += 1 }
            return grid.position(measureIndex: bar, offsetInMeasure: offset - grid.bars[bar].offset)
        }
    }

    /// The pitch classes that move by step (one or two semitones) in their voice between slice
    /// `i` and the slice before or after it.
    private static func stepwise(_ slices: [SliceSweep.Slice], at i: Int) -> Set<Int> {
        var result = Set<Int>()
        for (voice, pitch) in slices[i].voicePitches.enumerated() {
            guard let pitch else { continue }
            for j in [i - 1, i + 1] where slices.indices.contains(j) {
                if let other = slices[j].voicePitches[voice], (1...2).contains(abs(other.midi - pitch.midi)) {
                    result.insert(pitch.pitchClass)
                }
            }
        }
        return result
    }

    /// The findings between consecutive slices, every pair of voices.
    private static func voiceLeading(_ slices: [SliceSweep.Slice], voices: Int) -> [VoiceLeadingFinding] {
        var found: [VoiceLeadingFinding] = []
        guard slices.count >= 2 else { return found }
        for k in 1..<slices.count {
            let before = slices[k - 1].voicePitches, after = slices[k].voicePitches
            for i in 0..<voices {
                guard let a = before[i], let b = after[i] else { continue }
                if abs(b.midi - a.midi) > 12 { found.append(VoiceLeadingFinding(kind: .largeLeap, voices: [i], slice: k)) }
                for j in (i + 1)..<max(voices, i + 1) {
                    guard let c = before[j], let d = after[j], !(a == b && c == d) else { continue }
                    for kind in VoiceLeadingQuartet(upper: (a, b), lower: (c, d)).findings {
                        found.append(VoiceLeadingFinding(kind: kind, voices: [i, j], slice: k))
                    }
                }
            }
        }
        return found
    }

    /// The key regions: each measure's windowed estimate, short regions absorbed.
    private static func localKeys(_ score: Score, grid: BeatGrid?, fallback: Key) -> (keys: [Key], regions: [KeyRegion]) {
        let measures = max(grid?.bars.count ?? 1, 1)
        var histograms = [[Double]](repeating: [Double](repeating: 0, count: 12), count: measures)
        for placed in score.events where !placed.event.isRest && !placed.event.isGrace {
            let m = min(placed.measureIndex, measures - 1)
            let length = placed.event.quarterLength.doubleValue
            for pitch in placed.event.pitches { histograms[m][pitch.pitchClass] += length }
        }
        let estimator = KeyEstimator()
        var keys: [Key] = []
        for m in 0..<measures {
            var window = [Double](repeating: 0, count: 12)
            for w in max(0, m - localKeyRadius)...min(measures - 1, m + localKeyRadius) {
                for pc in 0..<12 { window[pc] += histograms[w][pc] }
            }
            keys.append(estimator.estimate(histogram: window)?.key ?? keys.last ?? fallback)
        }
        // Absorb keys held for fewer than two measures into the key before.
        var m = 1
        while m < keys.count {
            if keys[m] != keys[m - 1] {
                var end = m
                while end + 1 < keys.count && keys[end + 1] == keys[m] { end += 1 }
                if end == m && m + 1 < keys.count {
                    keys[m] = keys[m - 1]
                }
            }
            m += 1
        }
        var regions: [KeyRegion] = []
        for (m, key) in keys.enumerated() where regions.last?.key != key {
            let position = grid.map { $0.position(measureIndex: m, offsetInMeasure: 0) }
                ?? MeasurePosition(measureIndex: 0, measureNumber: 1, measureOffset: 0, offsetInMeasure: 0,
                                   beat: 1, timeSignature: .commonTime)
            regions.append(KeyRegion(key: key, firstMeasure: m, position: position))
        }
        return (keys, regions)
    }
}
