/// One line of events inside a measure, each at an exact offset from the measure's start.
///
/// Offsets are stored rather than implied by summing durations, so that gaps (MusicXML
/// `<forward>`), grace notes (no length) and voices that start late are all exact.
public struct Voice: Sendable, Hashable, Codable {
    /// An event at its offset in the measure.
    public struct Element: Sendable, Hashable, Codable {
        /// Quarter notes from the measure's start.
        public var offset: Rational
        /// The note, chord or rest.
        public var event: Event

        /// Creates an element.
        public init(offset: Rational, event: Event) {
            self.offset = offset
            self.event = event
        }

        /// Where the element ends in the measure.
        public var end: Rational { offset + event.quarterLength }
    }

    /// The voice's name, as MusicXML numbers voices: `"1"`, `"2"`, ….
    public var id: String
    /// Elements in time order.
    public var elements: [Element]

    /// Creates a voice.
    public init(id: String = "1", elements: [Element] = []) {
        self.id = id
        self.elements = elements
    }

    /// Creates a voice whose events follow one another from offset 0.
    public init(id: String = "1", sequence events: [Event]) {
        var offset = Rational.zero
        var elements: [Element] = []
        elements.reserveCapacity(events.count)
        for event in events {
            elements.append(Element(offset: offset, event: event))
            offset += event.quarterLength
        }
        self.init(id: id, elements: elements)
    }

    /// Appends an event right after the last one.
    public mutating func append(_ event: Event) {
        elements.append(Element(offset: end, event: event))
    }

    /// Where the last element ends.
    public var end: Rational { elements.map(\.end).max() ?? .zero }
}
