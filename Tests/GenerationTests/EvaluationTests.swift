import Foundation
import Testing
import Notation
@testable import Generation
import TestSupport

@Suite struct EvaluationTests {
    func row(_ file: String, distance: Double?, notes: Double) -> EvaluationRow {
        EvaluationRow(file: file, histogramDistance: distance, scaleConsistency: 1, pitchRange: 12, polyphony: 2,
                      emptyBeatRate: 0, completeMeasureRate: 1, handOnsetAlignment: 0.5, gridOnsetRate: 1, notes: notes)
    }

    @Test func theMeanAveragesEachColumnAndNamesTheSet() {
        let mean = EvaluationRow.mean([row("a", distance: 0.2, notes: 10), row("b", distance: nil, notes: 20)], label: "generated")
        #expect(mean.file == "mean of 2 generated")
        #expect(mean.notes == 15)
        #expect(mean.histogramDistance == 0.2)
        #expect(EvaluationRow.mean([row("a", distance: nil, notes: 1)], label: "x").histogramDistance == nil)
        #expect(EvaluationRow.mean([], label: "x").notes.isNaN)
    }

    @Test func aReferenceGivesEachPieceItsDistance() throws {
        let folder = SharedData.packageRoot.appendingPathComponent("Corpus/exercises")
        let reference = try Evaluation.Reference(corpus: folder)
        #expect(reference.rows.count == 26)
        let histogram = try #require(reference.histogram)
        #expect(abs(histogram.reduce(0, +) - 1) < 1e-9)
        let file = folder.appendingPathComponent("exercise-01.musicxml")
        let evaluation = Evaluation(pieces: [(file.path, try PieceMetrics(contentsOf: file))], label: "one",
                                    reference: reference, validationPerplexity: 3)
        #expect(evaluation.allRows.map(\.file) == [file.path, "mean of 1 one", "mean of 26 reference pieces"])
        #expect(evaluation.rows[0].histogramDistance != nil)
        // The piece is one of the reference pieces: every pattern is found (in itself), while
        // the reference's own row counts only the other 25 pieces (leave one out).
        #expect(evaluation.rows[0].copiedPatternRate == 1)
        #expect(try #require(reference.rows[0].copiedPatternRate) < 1)
        var own = evaluation.rows[0]
        own.copiedPatternRate = reference.rows[0].copiedPatternRate
        #expect(own == reference.rows[0])
        #expect(Evaluation(pieces: [(file.path, try PieceMetrics(contentsOf: file))]).allRows.count == 2)
    }
}
