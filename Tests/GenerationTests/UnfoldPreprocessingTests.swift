import Foundation
import Testing
import Notation
@testable import Generation
import TestSupport

/// Preprocessing plays MusicXML repeats out before tokenising.
@Suite(.requires(shared: SharedData.testSuite))
struct UnfoldPreprocessingTests {
    @Test("45b (1, 2, 1, 3, 4 with first and second endings) is tokenised as performed")
    func repeatsArePlayedOut() throws {
        let url = SharedData.url(SharedData.testSuite).appendingPathComponent("45b-RepeatWithAlternatives.xml")
        let preprocessor = CorpusPreprocessor(options: PreprocessingOptions())
        let piece = try preprocessor.prepare(file: url)
        let written = try Score.read(contentsOf: url)
        func trebleNotes(_ score: Score) throws -> Int {
            let tokens = preprocessor.tokens(of: preprocessor.pianoPart(of: try preprocessor.transposeToTargetKey(score).score)).treble
            return tokens.count + preprocessor.tokens(of: preprocessor.pianoPart(of: try preprocessor.transposeToTargetKey(score).score)).bass.count
        }
        // 45b: four bars of one note each, played 1 2 1 3 4 — by the file's XML.
        #expect(written.parts[0].staves[0].measures.count == 4)
        #expect(try written.unfolded().parts[0].staves[0].measures.count == 5)
        #expect(piece.treble.count + piece.bass.count == (try trebleNotes(try written.unfolded())))
        #expect(piece.treble.count + piece.bass.count > (try trebleNotes(written)))
    }
}
