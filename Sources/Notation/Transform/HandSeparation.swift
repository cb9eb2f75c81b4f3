/// How the notes of one staff (or one MIDI track) are shared between a pianist's two hands.
///
/// ```swift
/// let piano = part.splitIntoStaves()                                   // .musicalCost
/// let fixed = part.splitIntoStaves(.splitPoint(Pitch(.C, octave: 4)))  // at middle C
/// ```
public enum HandSeparation: Sendable, Hashable {
    /// Keys at or above the pitch go to the right hand, lower ones to the left.
    case splitPoint(Pitch)
    /// Each note goes to the hand that plays it at the least musical cost: close to the hand's
    /// recent notes, within a hand's span (about a tenth), at most five notes per hand at once,
    /// hands not crossing without need. See ``HandSeparator``.
    case musicalCost

    /// Which notes the right (upper) hand plays: one answer per note, in the order given.
    ///
    /// Notes with equal onsets sound together; `onsets` may be in any unit (ticks, quarter
    /// notes) as long as it is the same for all notes.
    public func rightHand(onsets: [Double], pitches: [Int]) -> [Bool] {
        precondition(onsets.count == pitches.count, "one onset per pitch")
        switch self {
        case .splitPoint(let pitch):
            return pitches.map { $0 >= pitch.midi }
        case .musicalCost:
            return HandSeparator().rightHand(onsets: onsets, pitches: pitches)
        }
    }
}
