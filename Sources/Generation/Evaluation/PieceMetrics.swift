import Foundation
import Notation

/// Objective measures of a piece, for comparing generated music with a corpus.
///
/// All are computed from a `Score` (a two-staff piano part for the hand measures), so they
/// apply alike to corpus pieces and to generated ones read back from their files.
public struct PieceMetrics: Sendable, Hashable, Codable {
    /// Duration-weighted pitch-class histogram (12 values summing to 1), rotated so the
    /// estimated tonic is index 0, so pieces in different keys compare.
    public var pitchClassHistogram: [Double]
    /// The largest share of notes (by count) inside one major or harmonic-minor scale.
    public var scaleConsistency: Double
    /// Highest minus lowest MIDI number.
    public var pitchRange: Int
    /// Mean number of pitches sounding, over the time something sounds.
    public var polyphony: Double
    /// Share of beats (of the time signature) during which nothing sounds.
    public var emptyBeatRate: Double
    /// Share of bars whose notes all start and end inside the bar in every staff (no tie into or
    /// out of the bar).
    public var completeMeasureRate: Double
    /// Share of bass onsets (notes and chords) that coincide with a treble onset.
    public var handOnsetAlignment: Double
    /// Share of onsets that fall on a sixteenth-note grid or an eighth-triplet grid, measured from
    /// the bar line.
    public var gridOnsetRate: Double
    /// Notes and chords counted.
    public var noteCount: Int
    /// Roman-numeral bigrams, outer-voice parallels and the share of recognisable chords.
    public var harmony: HarmonicMetrics
    /// The treble's 8-note melodic interval patterns, for the memorisation check.
    public var melodicPatterns: MelodicPatterns

    /// Measures a score. `tonicPitchClass` rotates the histogram (0 = C); pass the estimated
    /// key's tonic.
    public init(score: Score, tonicPitchClass: Int = 0) {
        let events = score.events.filter { !$0.event.isGrace }
        let sounding = events.filter { !$0.event.isRest }
        noteCount = sounding.count

        var histogram = [Double](repeating: 0, count: 12)
        var midis: [Int] = []
        for placed in sounding {
            for pitch in placed.event.pitches {
                histogram[((pitch.pitchClass - tonicPitchClass) % 12 + 12) % 12] += placed.event.quarterLength.doubleValue
                midis.append(pitch.midi)
            }
        }
        let total = histogram.reduce(0, +)
        pitchClassHistogram = total > 0 ? histogram.map { $0 / total } : histogram
        pitchRange = (midis.max() ?? 0) - (midis.min() ?? 0)

        // Scale consistency over 12 major and 12 harmonic-minor scales.
        let major: Set<Int> = [0, 2, 4, 5, 7, 9, 11], minor: Set<Int> = [0, 2, 3, 5, 7, 8, 11]
        var best = 0.0
        if !midis.isEmpty {
            for tonic in 0..<12 {
                for scale in [major, minor] {
                    let inside = midis.filter { scale.contains((($0 - tonic) % 12 + 12) % 12) }.count
                    best = max(best, Double(inside) / Double(midis.count))
                }
            }
        }
        scaleConsistency = best

        // Polyphony and empty beats from vertical slices.
        let slices = score.chordified()
        var soundingTime = Rational.zero, weighted = Rational.zero
        for slice in slices where !slice.pitches.isEmpty {
            soundingTime += slice.length
            weighted += slice.length * Rational(slice.pitches.count)
        }
        polyphony = soundingTime > 0 ? (weighted / soundingTime).doubleValue : 0

        let meter = score.parts.first?.staves.first?.measures.first?.timeSignature ?? .commonTime
        let beat = meter.beatLength
        let length = score.length
        let beats = max(1, (length / beat).floor)
        var emptyBeats = 0
        var s = 0
        for b in 0..<beats {
            let start = beat * Rational(b), end = start + beat
            while s < slices.count && slices[s].end <= start { s += 1 }
            var k = s, heard = false
            while k < slices.count && slices[k].offset < end {
                if !slices[k].pitches.isEmpty { heard = true; break }
                k += 1
            }
            if !heard { emptyBeats += 1 }
        }
        emptyBeatRate = Double(emptyBeats) / Double(beats)

        // Complete bars: no tie crosses either barline in any staff.
        var barCount = 0, completeBars = 0
        if let part = score.parts.first {
            for m in 0..<part.measureCount {
                barCount += 1
                let complete = part.staves.allSatisfy { staff in
                    guard m < staff.measures.count else { return false }
                    let elements = staff.measures[m].voices.flatMap(\.elements)
                    let tiedIn = elements.contains { $0.offset == 0 && ($0.event.tie == .stop || $0.event.tie == .continue) }
                    let tiedOut = elements.contains { $0.end == staff.measures[m].length && ($0.event.tie == .start || $0.event.tie == .continue) }
                    return !tiedIn && !tiedOut && staff.measures[m].isComplete
                }
                if complete { completeBars += 1 }
            }
        }
        completeMeasureRate = barCount > 0 ? Double(completeBars) / Double(barCount) : 0

        // Onsets of new sounds: tie continuations are not struck again.
        let struck = sounding.filter { $0.event.tie == nil || $0.event.tie == .start }
        func onsets(staff: Int) -> Set<Rational> {
            Set(struck.filter { $0.part == 0 && $0.staff == staff }.map(\.offset))
        }
        let treble = onsets(staff: 1), bass = onsets(staff: 2)
        handOnsetAlignment = bass.isEmpty ? 0 : Double(bass.filter { treble.contains($0) }.count) / Double(bass.count)

        // Onsets on the sixteenth or triplet-eighth grid, relative to the piece start.
        let allOnsets = struck.map(\.offset)
        let onGrid = allOnsets.filter { ($0 * 4).isInteger || ($0 * 3).isInteger }.count
        gridOnsetRate = allOnsets.isEmpty ? 0 : Double(onGrid) / Double(allOnsets.count)
        harmony = HarmonicMetrics(score: score)
        melodicPatterns = MelodicPatterns(score: score)
    }

    /// Reads a MusicXML or MIDI file and measures its piano part (the part
    /// ``CorpusPreprocessor/pianoPart(of:)`` takes, in the file's own key), with the histogram
    /// rotated to the estimated tonic (C when no key can be estimated).
    ///
    /// - Throws: the reader's error for a file that cannot be read.
    public init(contentsOf url: URL) throws {
        let score = try Score.read(contentsOf: url)
        let tonic = score.estimatedKey()?.key.tonicPitchClass ?? 0
        let part = CorpusPreprocessor().pianoPart(of: score)
        self.init(score: Score(metadata: score.metadata, parts: [part]), tonicPitchClass: tonic)
    }

    /// Total-variation distance between two pitch-class histograms: 0 same, 1 disjoint.
    public static func histogramDistance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } / 2
    }
}
