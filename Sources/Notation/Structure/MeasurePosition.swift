/// Where a point in time lies in the bar structure of a staff: the measure (by index and by
/// printed number), how far into the measure, and on which beat.
///
/// The beat counts as music21 does (`Music21Object.beat`): it is 1-based, in beats of the meter
/// in effect, and exact. In 3/4 the quarters fall on beats 1, 2 and 3 and the eighth after the
/// second beat on `5/2`; in 6/8 the beat is a dotted quarter, so the six eighths fall on 1, 4/3,
/// 5/3, 2, 7/3 and 8/3. A pickup bar is counted as the end of a full bar, so a one-quarter
/// pickup in 3/4 starts on beat 3. ``Score/timeline`` documents the rules in full.
///
/// ```swift
/// for element in score.timeline where !element.event.isRest {
///     let p = element.position
///     print(p.measureName, p.beat, element.event.pitches)   // "1 5/2 [E4]"
/// }
/// ```
public struct MeasurePosition: Sendable, Hashable {
    /// Index of the measure in its staff (0-based), for `staff.measures[measureIndex]`.
    public var measureIndex: Int
    /// The bar number as printed (``Measure/number``; a pickup is usually 0).
    public var measureNumber: Int
    /// The bar number text when it is not a plain integer (`"12a"`, ``Measure/label``), else `nil`.
    public var measureLabel: String?
    /// Quarter notes from the start of the piece to the start of the measure.
    public var measureOffset: Rational
    /// Quarter notes from the start of the measure.
    public var offsetInMeasure: Rational
    /// The beat: 1-based, in beats of ``timeSignature``, exact (`5/2` is halfway through beat 2).
    public var beat: Rational
    /// The meter the beat is counted in: the measure's time signature or the last one before
    /// it (4/4 when the staff states none).
    public var timeSignature: TimeSignature

    /// Creates a position.
    public init(measureIndex: Int, measureNumber: Int, measureLabel: String? = nil, measureOffset: Rational,
                offsetInMeasure: Rational, beat: Rational, timeSignature: TimeSignature) {
        self.measureIndex = measureIndex
        self.measureNumber = measureNumber
        self.measureLabel = measureLabel
        self.measureOffset = measureOffset
        self.offsetInMeasure = offsetInMeasure
        self.beat = beat
        self.timeSignature = timeSignature
    }

    /// Quarter notes from the start of the piece.
    public var offset: Rational { measureOffset + offsetInMeasure }

    /// The bar number as printed: the label when there is one (`"12a"`), else the number (`"12"`).
    public var measureName: String { measureLabel ?? String(measureNumber) }
}
