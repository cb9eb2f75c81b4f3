import Testing
import Notation
@testable import Generation

@Suite struct PieceMetricsTests {
    func p(_ name: String) -> Pitch { Pitch.parse(name)! }

    /// Treble: C4 E4 G4 C5 quarters, then a whole rest bar. Bass: C3 whole, then C3 half tied
    /// from 5/2 across nothing — built by hand below.
    func piano(treble: [TimedEvent], bass: [TimedEvent], length: Rational) -> Score {
        let t = MeasureBuilder(clef: .treble).staff(from: treble, minimumLength: length)
        let b = MeasureBuilder(clef: .bass).staff(from: bass, minimumLength: length)
        return Score(parts: [Part(staves: [t, b])])
    }

    @Test func measuresAHandCheckedPiece() {
        let treble = ["C4", "E4", "G4", "C5"].enumerated().map {
            TimedEvent(offset: Rational($0.offset), length: 1, pitches: [p($0.element)])
        }
        let bass = [TimedEvent(offset: 0, length: 2, pitches: [p("C3")]),
                    TimedEvent(offset: 2, length: 2, pitches: [p("G2")])]
        let metrics = PieceMetrics(score: piano(treble: treble, bass: bass, length: 8))
        #expect(metrics.noteCount == 6)
        #expect(metrics.pitchRange == 72 - 43)
        // Durations by pitch class: C = 1 + 1 + 2 = 4, E = 1, G = 1 + 2 = 3 of 8.
        #expect(metrics.pitchClassHistogram[0] == 0.5)
        #expect(metrics.pitchClassHistogram[4] == 0.125)
        #expect(metrics.pitchClassHistogram[7] == 0.375)
        #expect(metrics.scaleConsistency == 1)
        // Two pitches sound throughout bar 1; bar 2 is silent.
        #expect(metrics.polyphony == 2)
        #expect(metrics.emptyBeatRate == 0.5)
        #expect(metrics.completeMeasureRate == 1)
        #expect(metrics.handOnsetAlignment == 1)
        #expect(metrics.gridOnsetRate == 1)
    }

    @Test func detectsTiesAcrossBarlinesAndMisalignedHands() {
        let treble = [TimedEvent(offset: Rational(7, 2), length: 1, pitches: [p("D4")])]
        let bass = [TimedEvent(offset: Rational(1, 5), length: 1, pitches: [p("C3")]),
                    TimedEvent(offset: 2, length: 1, pitches: [p("C#3")])]
        let metrics = PieceMetrics(score: piano(treble: treble, bass: bass, length: 8))
        // The treble note crosses the first barline: neither bar is complete.
        #expect(metrics.completeMeasureRate == 0)
        #expect(metrics.handOnsetAlignment == 0)
        // 1/5 is on neither grid; 2 and 7/2 are.
        #expect(abs(metrics.gridOnsetRate - 2.0 / 3.0) < 1e-12)
        #expect(metrics.scaleConsistency < 1)
        #expect(PieceMetrics.histogramDistance([1, 0], [0, 1]) == 1)
        #expect(PieceMetrics.histogramDistance([0.5, 0.5], [0.5, 0.5]) == 0)
    }
}
