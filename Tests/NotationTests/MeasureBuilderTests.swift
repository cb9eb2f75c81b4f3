import Testing
@testable import Notation

@Suite struct MeasureBuilderTests {
    let c4 = Pitch(.C, octave: 4), e4 = Pitch(.E, octave: 4), g4 = Pitch(.G, octave: 4)

    @Test func splitsAtBarlinesAndUnwritableLengthsWithTies() {
        // 3/4: C4 lasting 5/2 from the downbeat, then E4 lasting 2 from 5/2 (crosses the barline).
        let builder = MeasureBuilder(timeSignature: TimeSignature(3, 4))
        let staff = builder.staff(from: [
            TimedEvent(offset: 0, length: Rational(5, 2), pitches: [c4]),
            TimedEvent(offset: Rational(5, 2), length: 2, pitches: [e4]),
        ])
        #expect(staff.measures.count == 2)
        #expect(staff.measures.map(\.number) == [1, 2])
        #expect(staff.measures[0].timeSignature == TimeSignature(3, 4))
        let bar1 = staff.measures[0].voices[0].elements
        #expect(bar1.map(\.event.duration.label) == ["half", "eighth", "eighth"])
        #expect(bar1.map(\.offset) == [0, 2, Rational(5, 2)])
        #expect(bar1.map(\.event.tie) == [.start, .stop, .start])
        #expect(bar1.map(\.event.pitches) == [[c4], [c4], [e4]])
        let bar2 = staff.measures[1].voices[0].elements
        #expect(bar2.map(\.event.duration.label) == ["quarter.", "quarter."])
        #expect(bar2.map(\.event.tie) == [.stop, nil])
        #expect(bar2[1].event.isRest)
        #expect(staff.measures.allSatisfy { $0.isComplete })
    }

    @Test func fillsGapsWithRestsAndBuildsChords() {
        let builder = MeasureBuilder(timeSignature: .commonTime)
        let staff = builder.staff(from: [
            TimedEvent(offset: 1, length: 1, pitches: [g4, c4, e4]),
        ])
        #expect(staff.measures.count == 1)
        let elements = staff.measures[0].voices[0].elements
        #expect(elements.count == 3)
        #expect(elements[0].event.isRest)
        #expect(elements[0].event.quarterLength == 1)
        guard case .chord(let chord) = elements[1].event else { Issue.record("expected a chord"); return }
        #expect(chord.pitches == [c4, e4, g4])
        #expect(elements[2].offset == 2)
        #expect(elements[2].event.duration.label == "half")
        #expect(staff.measures[0].isComplete)
    }

    @Test func pickupBarAndTriplets() {
        let builder = MeasureBuilder(timeSignature: TimeSignature(2, 4), pickup: 1)
        let third = Rational(1, 3)
        let staff = builder.staff(from: [
            TimedEvent(offset: 0, length: third, pitches: [c4]),
            TimedEvent(offset: third, length: third, pitches: [e4]),
            TimedEvent(offset: 2 * third, length: third, pitches: [g4]),
            TimedEvent(offset: 1, length: 2, pitches: [c4]),
        ])
        #expect(staff.measures.map(\.number) == [0, 1])
        #expect(staff.measures.map(\.length) == [1, 2])
        let pickup = staff.measures[0].voices[0].elements
        #expect(pickup.map(\.event.duration.label) == ["eighth 3:2", "eighth 3:2", "eighth 3:2"])
        #expect(staff.measures[1].voices[0].elements.map(\.event.duration.label) == ["half"])
    }

    @Test func secondVoiceOnlyWhereItPlays() {
        let builder = MeasureBuilder(timeSignature: .commonTime)
        let staff = builder.staff(from: [
            TimedEvent(offset: 0, length: 8, pitches: [e4], voice: "1"),
            TimedEvent(offset: 0, length: 2, pitches: [c4], voice: "2"),
        ])
        #expect(staff.measures.count == 2)
        #expect(staff.measures[0].voices.map(\.id) == ["1", "2"])
        #expect(staff.measures[1].voices.map(\.id) == ["1"])
        #expect(staff.measures[0].voices[1].elements.map(\.event.duration.label) == ["half", "half"])
        #expect(staff.measures[1].voices[0].elements.first?.event.tie == .stop)
    }
}
