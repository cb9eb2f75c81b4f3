import Foundation
import Testing
@testable import Notation
import TestSupport

/// `Score.unfolded()`: orders worked out by hand from the written marks (Scripts/parity/unfold.sh
/// compares files with music21's expandRepeats).
@Suite struct UnfoldingTests {
    /// One staff of `count` one-note bars; `marks` edits bar `i` (0-based).
    func score(_ count: Int, _ marks: (inout [Measure]) -> Void) -> Score {
        var measures = (0..<count).map { i in
            Measure(number: i + 1, length: 1, voices: [Voice(id: "1", elements: [
                Voice.Element(offset: 0, event: .note(Note(Pitch(.C, octave: 4), Duration(.quarter)))),
            ])])
        }
        marks(&measures)
        return Score(parts: [Part(id: "P1", staves: [Staff(measures: measures)])])
    }

    func order(_ score: Score) throws -> [Int] {
        try score.unfolded().parts[0].staves[0].measures.map { $0.originalNumber ?? -1 }
    }

    @Test("a repeat with first and second endings; bars renumbered, written numbers kept")
    func endings() throws {
        let s = score(4) { m in
            m[1].barlines = [Barline(.left, ending: .init(number: "1", type: "start")),
                             Barline(.right, repeat: .backward, ending: .init(number: "1", type: "stop"))]
            m[2].barlines = [Barline(.left, ending: .init(number: "2", type: "start")),
                             Barline(.right, ending: .init(number: "2", type: "discontinue"))]
        }
        #expect(try order(s) == [1, 2, 1, 3, 4])
        #expect(try s.unfolded().parts[0].staves[0].measures.map(\.number) == [1, 2, 3, 4, 5])
        #expect(try s.unfolded().parts[0].staves[0].measures.allSatisfy { $0.barlines.isEmpty })
    }

    @Test("times=3 plays a section three times; an ending for passes 1, 2")
    func timesAndSharedEnding() throws {
        let s = score(4) { m in
            m[1].barlines = [Barline(.left, repeat: .forward)]
            m[2].barlines = [Barline(.right, repeat: .backward, times: 3)]
        }
        #expect(try order(s) == [1, 2, 3, 2, 3, 2, 3, 4])
        let shared = score(4) { m in
            m[0].barlines = [Barline(.left, repeat: .forward)]
            m[1].barlines = [Barline(.left, ending: .init(number: "1, 2", type: "start")),
                             Barline(.right, repeat: .backward, times: 3, ending: .init(number: "1, 2", type: "stop"))]
            m[2].barlines = [Barline(.left, ending: .init(number: "3", type: "start")),
                             Barline(.right, ending: .init(number: "3", type: "stop"))]
        }
        #expect(try order(shared) == [1, 2, 1, 2, 1, 3, 4])
    }

    @Test("a lone first ending (no second-ending bracket) ends its repeat; the next repeat is played")
    func loneFirstEnding() throws {
        // The shape of the Maple Leaf Rag's first strains: ||: 1 [1. 2 :|| 3 ||: 4 [1. 5 :|| [2. 6 ]
        let s = score(6) { m in
            m[0].barlines = [Barline(.left, repeat: .forward)]
            m[1].barlines = [Barline(.left, ending: .init(number: "1", type: "start")),
                             Barline(.right, repeat: .backward, ending: .init(number: "1", type: "stop"))]
            m[3].barlines = [Barline(.left, repeat: .forward)]
            m[4].barlines = [Barline(.left, ending: .init(number: "1", type: "start")),
                             Barline(.right, repeat: .backward, ending: .init(number: "1", type: "stop"))]
            m[5].barlines = [Barline(.left, ending: .init(number: "2", type: "start")),
                             Barline(.right, ending: .init(number: "2", type: "stop"))]
        }
        #expect(try order(s) == [1, 2, 1, 3, 4, 5, 4, 6])
    }

    @Test("an ending stopped in a repeating bar but never started is that bar's first ending")
    func strayEndingStop() throws {
        // Mozart K. 458 i: bar 232 `:||` with <ending type="stop" number=""/>, bar 233 ending 2.
        let s = score(4) { m in
            m[0].barlines = [Barline(.left, repeat: .forward)]
            m[1].barlines = [Barline(.right, repeat: .backward, ending: .init(number: "", type: "stop"))]
            m[2].barlines = [Barline(.left, ending: .init(number: "2", type: "start")),
                             Barline(.right, ending: .init(number: "2", type: "discontinue"))]
        }
        #expect(try order(s) == [1, 2, 1, 3, 4])
    }

    @Test("D.C. al Fine and D.S. al Coda")
    func jumps() throws {
        let daCapo = score(4) { m in
            m[1].directions = [Direction(offset: 1, kind: .playback(Playback(fine: true)))]
            m[3].directions = [Direction(offset: 1, kind: .words("D.C. al Fine"))]
        }
        #expect(try order(daCapo) == [1, 2, 3, 4, 1, 2])
        let segno = score(6) { m in
            m[1].directions = [Direction(offset: 0, kind: .segno)]
            m[2].directions = [Direction(offset: 1, kind: .words("To Coda"))]
            m[3].directions = [Direction(offset: 1, kind: .playback(Playback(dalSegno: "")))]
            m[4].directions = [Direction(offset: 0, kind: .coda)]
        }
        #expect(try order(segno) == [1, 2, 3, 4, 2, 3, 5, 6])
    }

    @Test("an ending never closed and a D.S. without segno are typed errors")
    func errors() {
        let open = score(3) { m in m[1].barlines = [Barline(.left, ending: .init(number: "1", type: "start"))] }
        #expect { try open.unfolded() } throws: { ($0 as? NotationError)?.code == .invalidRepeat }
        let noSegno = score(3) { m in m[2].directions = [Direction(offset: 0, kind: .words("D.S. al Fine"))] }
        #expect { try noSegno.unfolded() } throws: { ($0 as? NotationError)?.code == .invalidRepeat }
    }

    @Test("45b from the test suite unfolds to 1 2 1 3 4", .requires(shared: SharedData.testSuite))
    func testSuite45b() throws {
        let score = try MusicXMLReader().read(contentsOf: MusicXMLTestData.suite("45b"))
        #expect(try order(score) == [1, 2, 1, 3, 4])
    }
}
