import Testing
@testable import Notation

/// Where the MusicXML writer opens and closes `<tuplet>` brackets (hand-worked groupings).
@Suite("TupletBracket")
struct TupletBracketTests {
    static func note(_ type: NoteType, _ tuplets: [Tuplet] = []) -> Event {
        .note(Note(Pitch(midi: 60), Duration(type, tuplets: tuplets)))
    }
    static let t3 = [Tuplet.triplet]

    @Test("six triplet eighths are two groups of three")
    func twoGroups() {
        let events = Array(repeating: Self.note(.eighth, Self.t3), count: 6)
        #expect(MusicXMLTextBuilder.tupletBrackets(events) == [.start, .none, .stop, .start, .none, .stop])
    }

    @Test("a triplet quarter and a triplet eighth fill one group")
    func mixedValues() {
        let events = [Self.note(.quarter, Self.t3), Self.note(.eighth, Self.t3), Self.note(.quarter)]
        #expect(MusicXMLTextBuilder.tupletBrackets(events) == [.start, .stop, .none])
    }

    @Test("an unfinished group closes where the ratio changes; a lone tuplet note gets no bracket")
    func unfinished() {
        let events = [Self.note(.eighth, Self.t3), Self.note(.eighth, Self.t3), Self.note(.quarter),
                      Self.note(.eighth, Self.t3), Self.note(.half)]
        #expect(MusicXMLTextBuilder.tupletBrackets(events) == [.start, .stop, .none, .none, .none])
    }

    @Test("five quintuplet sixteenths are one group; rests count")
    func quintuplet() {
        let q = [Tuplet(5, 4)]
        let events = [Self.note(.sixteenth, q), .rest(Rest(Duration(.sixteenth, tuplets: q)))]
            + Array(repeating: Self.note(.sixteenth, q), count: 3)
        #expect(MusicXMLTextBuilder.tupletBrackets(events) == [.start, .none, .none, .none, .stop])
    }
}
