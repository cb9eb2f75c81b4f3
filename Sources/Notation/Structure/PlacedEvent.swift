/// An event with its address in a score and its absolute offset from the start of the piece.
public struct PlacedEvent: Sendable, Hashable {
    /// Index of the part in the score (0-based).
    public var part: Int
    /// Staff number in the part (1-based, as MusicXML numbers staves).
    public var staff: Int
    /// Index of the measure in the staff (0-based).
    public var measureIndex: Int
    /// The voice's id.
    public var voice: String
    /// Quarter notes from the start of the piece.
    public var offset: Rational
    /// The note, chord or rest.
    public var event: Event

    /// Creates a placed event.
    public init(part: Int, staff: Int, measureIndex: Int, voice: String, offset: Rational, event: Event) {
        self.part = part
        self.staff = staff
        self.measureIndex = measureIndex
        self.voice = voice
        self.offset = offset
        self.event = event
    }

    /// Where the event ends.
    public var end: Rational { offset + event.quarterLength }
}

extension Score {
    /// Every event of the score with absolute offsets, part by part, staff by staff, then
    /// measure by measure and voice by voice in document order.
    public var events: [PlacedEvent] {
        var result: [PlacedEvent] = []
        for (partIndex, part) in parts.enumerated() {
            for (staffIndex, staff) in part.staves.enumerated() {
                var measureOffset = Rational.zero
                for (measureIndex, measure) in staff.measures.enumerated() {
                    for voice in measure.voices {
                        for element in voice.elements {
                            result.append(PlacedEvent(part: partIndex, staff: staffIndex + 1, measureIndex: measureIndex,
                                                      voice: voice.id, offset: measureOffset + element.offset,
                                                      event: element.event))
                        }
                    }
                    measureOffset += measure.length
                }
            }
        }
        return result
    }

    /// Every note and chord (no rests), in the order of ``events``: part by part, staff by
    /// staff, measure by measure, and voice by voice within a measure — so offsets rise within
    /// one voice, not across voices, staves or parts. ``timeline`` gives every element in time
    /// order, with measure numbers and beats.
    public var notesAndChords: [PlacedEvent] {
        events.filter { !$0.event.isRest }
    }

    /// Every sounding pitch with its length in quarter notes (grace notes excluded), the input
    /// of key estimation.
    public var weightedPitches: [(pitch: Pitch, length: Rational)] {
        var result: [(Pitch, Rational)] = []
        for placed in events where !placed.event.isGrace {
            let length = placed.event.quarterLength
            for pitch in placed.event.pitches { result.append((pitch, length)) }
        }
        return result
    }
}
