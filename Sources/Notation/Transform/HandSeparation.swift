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
    /// recent notes, within a hand's span (about a tenth) counting the keys it holds, at most
    /// five keys per hand at once, lines going on legato in one hand, hands not crossing
    /// without need. See ``HandSeparator``.
    case musicalCost

    /// Which notes the right (upper) hand plays: one answer per note, in the order given.
    ///
    /// Notes with equal onsets sound together. `onsets` and `ends` are in quarter notes; with
    /// `ends` (when each key is released) the cost also sees the keys each hand still holds
    /// and the lines it plays legato.
    public func rightHand(onsets: [Double], ends: [Double]? = nil, pitches: [Int]) -> [Bool] {
        precondition(onsets.count == pitches.count && (ends?.count ?? onsets.count) == onsets.count, "one onset and end per pitch")
        switch self {
        case .splitPoint(let pitch):
            return pitches.map { $0 >= pitch.midi }
        case .musicalCost:
            return HandSeparator().rightHand(onsets: onsets, ends: ends, pitches: pitches)
        }
    }
}
