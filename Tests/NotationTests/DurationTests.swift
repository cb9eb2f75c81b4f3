import Testing
@testable import Notation

@Suite struct DurationTests {
    @Test func plainAndDottedLengths() {
        #expect(Duration(.quarter).quarterLength == 1)
        #expect(Duration(.whole).quarterLength == 4)
        #expect(Duration(.breve).quarterLength == 8)
        #expect(Duration(.eighth).quarterLength == Rational(1, 2))
        #expect(Duration(.sixteenth).quarterLength == Rational(1, 4))
        #expect(Duration(.thousandTwentyFourth).quarterLength == Rational(1, 256))
        #expect(Duration(.quarter, dots: 1).quarterLength == Rational(3, 2))
        #expect(Duration(.quarter, dots: 2).quarterLength == Rational(7, 4))
        #expect(Duration(.half, dots: 3).quarterLength == Rational(15, 4))
        #expect(Duration(.eighth, dots: 1).quarterLength == Rational(3, 4))
        #expect(Duration(.whole, dots: 4).quarterLength == Rational(31, 4))
    }

    @Test func tupletLengths() {
        #expect(Duration(.eighth, tuplets: [.triplet]).quarterLength == Rational(1, 3))
        #expect(Duration(.quarter, tuplets: [.triplet]).quarterLength == Rational(2, 3))
        #expect(Duration(.sixteenth, tuplets: [Tuplet(5, 4)]).quarterLength == Rational(1, 5))
        #expect(Duration(.eighth, dots: 1, tuplets: [.triplet]).quarterLength == Rational(1, 2))
        // Nested: a triplet inside a quintuplet multiplies both ratios.
        #expect(Duration(.eighth, tuplets: [Tuplet(5, 4), .triplet]).quarterLength == Rational(4, 15))
        #expect(Duration(.sixteenth, tuplets: [.triplet, .triplet]).quarterLength == Rational(1, 9))
        #expect(Tuplet.triplet.multiplier == Rational(2, 3))
        #expect(Tuplet(7, 4).description == "7:4")
    }

    @Test func labelsRoundTrip() throws {
        let cases: [(Duration, String)] = [
            (Duration(.quarter), "quarter"),
            (Duration(.eighth, dots: 1), "eighth."),
            (Duration(.half, dots: 2), "half.."),
            (Duration(.sixteenth, tuplets: [.triplet]), "16th 3:2"),
            (Duration(.eighth, tuplets: [.triplet, Tuplet(5, 4)]), "eighth 3:2 5:4"),
            (Duration(.thirtySecond, dots: 1, tuplets: [Tuplet(7, 4)]), "32nd. 7:4"),
            (Duration(.breve), "breve"),
        ]
        for (duration, label) in cases {
            #expect(duration.label == label)
            #expect(try Duration(label: label) == duration)
        }
    }

    @Test func rejectsBadLabels() {
        for bad in ["", "crotchet", "quarter 3", "quarter 3:0", "quarter a:b", "quarter.....", "quarter 3:2:1"] {
            #expect(throws: NotationError.invalidDurationLabel(bad)) { try Duration(label: bad) }
        }
    }

    @Test func singleDurationsFromLengths() {
        #expect(Duration(quarterLength: 1) == Duration(.quarter))
        #expect(Duration(quarterLength: Rational(3, 2)) == Duration(.quarter, dots: 1))
        #expect(Duration(quarterLength: Rational(7, 2)) == Duration(.half, dots: 2))
        #expect(Duration(quarterLength: 6) == Duration(.whole, dots: 1))
        #expect(Duration(quarterLength: Rational(1, 3)) == Duration(.eighth, tuplets: [.triplet]))
        #expect(Duration(quarterLength: Rational(2, 3)) == Duration(.quarter, tuplets: [.triplet]))
        #expect(Duration(quarterLength: Rational(1, 5)) == Duration(.sixteenth, tuplets: [Tuplet(5, 4)]))
        #expect(Duration(quarterLength: Rational(1, 6)) == Duration(.sixteenth, tuplets: [.triplet]))
        #expect(Duration(quarterLength: Rational(5, 4)) == nil)
        #expect(Duration(quarterLength: Rational(5, 2)) == nil)
        #expect(Duration(quarterLength: 0) == nil)
        #expect(Duration(quarterLength: -1) == nil)
    }

    @Test func decomposition() {
        func labels(_ length: Rational) -> [String] { Duration.decompose(length).map(\.label) }
        #expect(labels(Rational(5, 4)) == ["quarter", "16th"])
        #expect(labels(Rational(7, 3)) == ["half", "eighth 3:2"])
        #expect(labels(Rational(5, 2)) == ["half", "eighth"])
        #expect(labels(Rational(1, 5)) == ["16th 5:4"])
        #expect(labels(5) == ["whole", "quarter"])
        #expect(labels(Rational(9, 4)) == ["half", "16th"])
        #expect(labels(Rational(11, 4)) == ["half", "eighth."])
        #expect(labels(3) == ["half."])
        #expect(labels(0) == [])
        #expect(labels(-2) == [])
        // Every decomposition adds up to the length asked for.
        for length in [Rational(5, 4), Rational(7, 3), Rational(5, 2), Rational(1, 5), Rational(13, 8), Rational(17, 6)] {
            let total = Duration.decompose(length).reduce(Rational.zero) { $0 + $1.quarterLength }
            #expect(total == length, "decomposition of \(length)")
        }
    }

    @Test func noteTypes() {
        #expect(NoteType(quarterLength: Rational(1, 2)) == .eighth)
        #expect(NoteType(quarterLength: 3) == nil)
        #expect(NoteType.longest(notExceeding: 3) == .half)
        #expect(NoteType.longest(notExceeding: Rational(1, 1000)) == nil)
        #expect(NoteType.eighth < .quarter)
        #expect(NoteType.sixteenth.rawValue == "16th")
    }
}
