/// Chooses each note's hand by musical cost, with a Viterbi search over onset groups.
///
/// The notes that start together form a group; sorted low to high, the left hand takes the
/// lowest `k` of them and the right hand the rest, for some `k` from 0 to the group's size. The
/// search keeps, for each `k` of the current group, the cheapest way to have reached it, with
/// the two hands' recent positions (an exponential mean of the pitches each played) that way
/// implies. A choice costs:
/// - a hand stretched beyond ``maximumSpan`` semitones, or given more than ``maximumNotes``
///   keys, a large penalty per semitone or key too many (a real hand cannot);
/// - the distance of each hand's new notes from where that hand last was (lines stay in
///   one hand);
/// - a left-hand note above the right hand's position, or a right-hand note below the left
///   hand's (crossing);
/// - a small pull towards middle C for the first notes and for ties.
/// Each group has at most its size + 1 states, so the work is linear in the number of notes
/// for chords of bounded size.
public struct HandSeparator: Sendable {
    /// The widest a hand stretches, in semitones (16: a major tenth).
    public var maximumSpan = 16
    /// The most keys one hand plays at once.
    public var maximumNotes = 5
    /// How fast a hand's position follows its new notes (0: not at all, 1: only the last group).
    public var follow = 0.5
    /// How far (semitones) from its position a hand reaches at no cost.
    public var reach = 4.0

    /// Creates a separator with the default costs.
    public init() {}

    private struct State {
        var cost: Double
        var left: Double
        var right: Double
        var previous: Int
    }

    /// Which notes the right hand plays, one answer per note, in the order given.
    public func rightHand(onsets: [Double], pitches: [Int]) -> [Bool] {
        let order = pitches.indices.sorted { onsets[$0] != onsets[$1] ? onsets[$0] < onsets[$1] : pitches[$0] < pitches[$1] }
        var groups: [Range<Int>] = []
        var start = 0
        for position in order.indices where position > 0 && onsets[order[position]] != onsets[order[position - 1]] {
            groups.append(start..<position)
            start = position
        }
        if !order.isEmpty { groups.append(start..<order.count) }

        // states[g][k]: the cheapest path that gives group g's lowest k notes to the left hand.
        var states: [[State]] = []
        states.reserveCapacity(groups.count)
        var previousStates = [State(cost: 0, left: 48, right: 72, previous: -1)]
        for group in groups {
            let notes = group.map { pitches[order[$0]] }
            var current: [State] = []
            current.reserveCapacity(notes.count + 1)
            for k in 0...notes.count {
                var best = State(cost: .infinity, left: 0, right: 0, previous: 0)
                let fixed = fixedCost(notes, k)
                for (index, from) in previousStates.enumerated() {
                    let cost = from.cost + fixed + movingCost(notes, k, left: from.left, right: from.right)
                    if cost < best.cost { best = State(cost: cost, left: from.left, right: from.right, previous: index) }
                }
                if k > 0 { best.left = best.left * (1 - follow) + mean(notes[0..<k]) * follow }
                if k < notes.count { best.right = best.right * (1 - follow) + mean(notes[k...]) * follow }
                current.append(best)
            }
            states.append(current)
            previousStates = current
        }

        var result = [Bool](repeating: true, count: pitches.count)
        guard var k = previousStates.indices.min(by: { previousStates[$0].cost < previousStates[$1].cost }) else { return result }
        for g in groups.indices.reversed() {
            for (position, orderIndex) in groups[g].enumerated() {
                result[order[orderIndex]] = position >= k
            }
            k = states[g][k].previous
        }
        return result
    }

    /// What a split costs whatever came before: span, key count, a light pull to middle C.
    private func fixedCost(_ notes: [Int], _ k: Int) -> Double {
        var cost = 0.0
        for hand in [notes[0..<k], notes[k...]] where !hand.isEmpty {
            let span = hand.last! - hand.first!
            if span > maximumSpan { cost += 100 + 10 * Double(span - maximumSpan) }
            if hand.count > maximumNotes { cost += 100 * Double(hand.count - maximumNotes) }
        }
        if k > 0 { cost += 0.3 * Double(max(0, notes[k - 1] - 60)) }
        if k < notes.count { cost += 0.3 * Double(max(0, 60 - notes[k])) }
        return cost
    }

    /// What a split costs given where the hands were: distance moved and crossing.
    private func movingCost(_ notes: [Int], _ k: Int, left: Double, right: Double) -> Double {
        var cost = 0.0
        if k > 0 {
            cost += max(0, abs(mean(notes[0..<k]) - left) - reach)
            cost += 2 * max(0, Double(notes[k - 1]) - right)
        }
        if k < notes.count {
            cost += max(0, abs(mean(notes[k...]) - right) - reach)
            cost += 2 * max(0, left - Double(notes[k]))
        }
        return cost
    }

    private func mean(_ notes: ArraySlice<Int>) -> Double {
        Double(notes.reduce(0, +)) / Double(notes.count)
    }
}
