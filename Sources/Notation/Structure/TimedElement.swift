/// A note, chord or rest with everything needed to say where it is: its part, staff and voice
/// (the ``PlacedEvent``), and its measure, beat and offset (the ``MeasurePosition``).
///
/// ``Score/timeline`` lists them in time order.
///
/// ```swift
/// for element in score.timeline {
///     guard !element.event.isRest else { continue }
///     print(element.position.measureName, element.beat, element.part, element.staff,
///           element.event.pitches.map(\.name), element.event.quarterLength)
/// }
/// // 0 3 0 1 ["G4"] 1
/// // 1 1 0 1 ["C5", "E5"] 2
/// ```
public struct TimedElement: Sendable, Hashable {
    /// The event with its part, staff, measure index, voice and absolute offset.
    public var placed: PlacedEvent
    /// Its measure, offset in the measure and beat.
    public var position: MeasurePosition

    /// Creates a timed element.
    public init(placed: PlacedEvent, position: MeasurePosition) {
        self.placed = placed
        self.position = position
    }

    /// The note, chord or rest.
    public var event: Event { placed.event }
    /// Index of the part in the score (0-based).
    public var part: Int { placed.part }
    /// Staff number in the part (1-based, as MusicXML numbers staves).
    public var staff: Int { placed.staff }
    /// The voice's id (`"1"`, `"2"`, …).
    public var voice: String { placed.voice }
    /// Quarter notes from the start of the piece.
    public var offset: Rational { placed.offset }
    /// The bar number as printed (``MeasurePosition/measureNumber``).
    public var measureNumber: Int { position.measureNumber }
    /// The beat, 1-based in beats of the meter (``MeasurePosition/beat``).
    public var beat: Rational { position.beat }
}
