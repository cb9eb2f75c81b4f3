/// The bar structure of one staff, worked out in one pass over its measures: where each
/// measure starts, the meter in effect, and how far a short measure is shifted to count as a
/// pickup. ``MeasurePosition``s are computed from it in constant time.
///
/// Beats are counted as music21 counts them after reading MusicXML, so that the two agree:
/// - The beat is a dotted quarter in compound meters (6/8, 9/8, 12/8, 6/4, 15/8 …) and a whole
///   bar of 3/8, 3/16 … (music21 beats those in one); otherwise the note value of the lower
///   number (a half in 2/2, an eighth in 5/8 and 7/8).
/// - A short first measure (the pickup) is counted as the end of a full bar
///   (music21's `paddingLeft`): a one-quarter pickup in 3/4 is on beat 3. A later short measure
///   is a pickup when an earlier short measure has not yet been paired with one (the half bars
///   either side of a repeat sign); otherwise it is an incomplete bar counted from beat 1.
/// - A point at or past the end of the bar (an overfull measure) is counted from the start of
///   the bar again, as music21 does.
struct BeatGrid: Sendable {
    /// One measure's place in the grid.
    struct Bar: Sendable {
        var number: Int
        var label: String?
        var offset: Rational
        var timeSignature: TimeSignature
        /// Quarter notes the measure's content is shifted right when counting beats (a pickup's
        /// missing start), else 0.
        var pickupShift: Rational
    }

    /// The measures, in order.
    private(set) var bars: [Bar] = []

    /// The grid of a staff's measures.
    init(_ staff: Staff) {
        bars.reserveCapacity(staff.measures.count)
        var meter = TimeSignature.commonTime
        var offset = Rational.zero
        var awaitingPickup = false
        for measure in staff.measures {
            if let stated = measure.timeSignature, stated.numerator > 0, stated.denominator > 0 { meter = stated }
            let bar = meter.barLength
            var shift = Rational.zero
            if measure.length > .zero || measure.voices.contains(where: { !$0.elements.isEmpty }),
               measure.length < bar {
                // music21's MeasureParser: the first short bar is a pickup; a later one is a
                // pickup only after another short bar, and otherwise waits for one.
                if offset == .zero {
                    shift = bar - measure.length
                } else if awaitingPickup {
                    shift = bar - measure.length
                    awaitingPickup = false
                } else {
                    awaitingPickup = true
                }
            }
            bars.append(Bar(number: measure.number, label: measure.label, offset: offset, timeSignature: meter,
                            pickupShift: shift))
            offset += measure.length
        }
    }

    /// The position of a point `offsetInMeasure` quarter notes into measure `index`.
    func position(measureIndex index: Int, offsetInMeasure: Rational) -> MeasurePosition {
        let bar = bars[index]
        return MeasurePosition(measureIndex: index, measureNumber: bar.number, measureLabel: bar.label,
                               measureOffset: bar.offset, offsetInMeasure: offsetInMeasure,
                               beat: BeatGrid.beat(at: offsetInMeasure + bar.pickupShift, in: bar.timeSignature),
                               timeSignature: bar.timeSignature)
    }

    /// The beat of a point `offset` quarter notes after the (full) bar's start.
    static func beat(at offset: Rational, in meter: TimeSignature) -> Rational {
        let barLength = meter.barLength
        var at = offset
        if barLength > .zero, at >= barLength {
            at = at - barLength * Rational((at / barLength).floor)
        }
        return 1 + at / beatLength(of: meter)
    }

    /// music21's beat: ``TimeSignature/beatLength`` except that 3/8, 3/16 … are one beat.
    static func beatLength(of meter: TimeSignature) -> Rational {
        meter.numerator == 3 && meter.denominator >= 8 ? meter.barLength : meter.beatLength
    }
}
