import Foundation

/// Chooses each note's hand by musical cost, with a Viterbi search over onset groups.
///
/// The notes that start together form a group; sorted low to high, the left hand takes the
/// lowest `k` of them and the right hand the rest, for some `k` from 0 to the group's size. The
/// search keeps, for each `k` of the current group, the cheapest way to have reached it, with
/// what that way implies about each hand: the keys it still holds, the notes it played last, when
/// it last played and where it is (an exponential mean of its pitches). A choice costs:
/// - a hand stretched beyond ``comfortableSpan`` over the keys it strikes and those it still
///   holds from the last ``heldWindow`` quarters (a little per semitone), beyond
///   ``maximumSpan`` or over more than ``maximumNotes`` keys (a large penalty: a real hand
///   cannot), or striking one key twice;
/// - each new note's distance, beyond ``reach``, from the nearest of the last ``recentNotes``
///   notes its hand played (lines stay in one hand), older notes counting as farther
///   (``ageing``), weighed down the longer the hand has been silent (``memory``);
/// - a left-hand key above the right hand's position or below a key it holds, or the reverse
///   (crossing);
/// - a small pull towards middle C (for the first notes and for ties);
/// and it earns ``legatoBonus`` when a hand strikes where one of its keys is just released (a
/// line going on legato).
/// Each group has at most its size + 1 states, so the work is linear in the number of notes
/// for chords of bounded size.
public struct HandSeparator: Sendable {
    /// The widest a hand stretches, in semitones (16: a major tenth).
    public var maximumSpan = 16
    /// The widest a hand stretches at no cost, in semitones (10: a minor seventh), counting
    /// the keys it still holds.
    public var comfortableSpan = 10
    /// The most keys one hand plays (or holds) at once.
    public var maximumNotes = 5
    /// How far (semitones) from its recent notes a hand reaches at no cost.
    public var reach = 2.0
    /// How many of a hand's last notes, played within ``recentWindow``, say where it is.
    public var recentNotes = 4
    /// How long (quarter notes) a played note still says where its hand is.
    public var recentWindow = 2.0
    /// How long (quarter notes) a held key still limits its hand's stretch: a key held longer
    /// is likely held by the pedal, or by a finger the hand no longer needs to reach from.
    public var heldWindow = 2.0
    /// After how long a silence (quarter notes) a hand's recent notes count 1/e as much.
    public var memory = 4.0
    /// How much farther (semitones per quarter note) a recent note lies for each quarter
    /// since it was played: the newer notes say better where the hand is now.
    public var ageing = 1.5
    /// What a hand saves by striking where one of its keys ends (a line continuing legato).
    public var legatoBonus = 4.0
    /// Onsets and ends closer than this (quarter notes) coincide.
    public var tolerance = 1.0 / 16

    /// Creates a separator with the default costs.
    public init() {}

    /// A key one hand holds: when it was struck and when it is released.
    private struct Held {
        var pitch: Int
        var start: Double
        var end: Double
    }

    /// What one way of reaching a group says about one hand.
    private struct Hand {
        /// An exponential mean of the pitches it played (what crossing is measured from).
        var position: Double
        /// When it last struck a key.
        var lastTime: Double
        /// The keys it holds.
        var held: [Held]
        /// Its last notes, oldest first (time, pitch).
        var recent: [(time: Double, pitch: Int)]
    }

    private struct State {
        var cost: Double
        var left: Hand
        var right: Hand
        var previous: Int
    }

    /// Which notes the right hand plays, one answer per note, in the order given.
    ///
    /// `onsets` and `ends` are in quarter notes; notes with equal onsets sound together.
    /// Without `ends`, no key is taken to be held beyond its onset.
    public func rightHand(onsets: [Double], ends: [Double]? = nil, pitches: [Int]) -> [Bool] {
        precondition(onsets.count == pitches.count && (ends?.count ?? onsets.count) == onsets.count, "one onset and end per pitch")
        let ends = ends ?? onsets
        let order = pitches.indices.sorted { onsets[$0] != onsets[$1] ? onsets[$0] < onsets[$1] : pitches[$0] < pitches[$1] }
        var groups: [Range<Int>] = []
        var start = 0
        for position in order.indices where position > 0 && onsets[order[position]] != onsets[order[position - 1]] {
            groups.append(start..<position)
            start = position
        }
        if !order.isEmpty { groups.append(start..<order.count) }

        // states[g][k]: the cheapest path that gives group g's lowest k notes to the left hand.
        var states: [[Int]] = []
        states.reserveCapacity(groups.count)
        // A hand not yet heard from sits an octave from middle C (for crossing), and has no
        // recent notes to be far from.
        var previousStates = [State(cost: 0,
                                    left: Hand(position: 48, lastTime: -.infinity, held: [], recent: []),
                                    right: Hand(position: 72, lastTime: -.infinity, held: [], recent: []),
                                    previous: -1)]
        for group in groups {
            let time = onsets[order[group.lowerBound]]
            let notes = group.map { pitches[order[$0]] }
            let noteEnds = group.map { ends[order[$0]] }
            // Per previous state: the keys each hand releases now (legato) and still holds.
            let sounding = previousStates.map { state in
                (left: continuing(state.left, at: time), right: continuing(state.right, at: time))
            }
            var current: [State] = []
            current.reserveCapacity(notes.count + 1)
            var back: [Int] = []
            back.reserveCapacity(notes.count + 1)
            for k in 0...notes.count {
                let low = notes[0..<k], high = notes[k...]
                var best = -1
                var bestCost = Double.infinity
                for (index, from) in previousStates.enumerated() {
                    let (left, right) = sounding[index]
                    var cost = from.cost
                    cost += handCost(low, hand: from.left, released: left.released, held: left.held, at: time)
                    cost += handCost(high, hand: from.right, released: right.released, held: right.held, at: time)
                    cost += crossingCost(low: low, high: high, left: from.left, right: from.right,
                                         leftHeld: left.held, rightHeld: right.held)
                    if cost < bestCost { bestCost = cost; best = index }
                }
                let from = previousStates[best]
                let (left, right) = sounding[best]
                current.append(State(
                    cost: bestCost,
                    left: moved(from.left, held: left.held, playing: low, ends: noteEnds[0..<k], at: time),
                    right: moved(from.right, held: right.held, playing: high, ends: noteEnds[k...], at: time),
                    previous: best))
                back.append(best)
            }
            states.append(back)
            previousStates = current
        }

        var result = [Bool](repeating: true, count: pitches.count)
        guard var k = previousStates.indices.min(by: { previousStates[$0].cost < previousStates[$1].cost }) else { return result }
        for g in groups.indices.reversed() {
            for (position, orderIndex) in groups[g].enumerated() {
                result[order[orderIndex]] = position >= k
            }
            k = states[g][k]
        }
        return result
    }

    /// The keys a hand releases at `time` and those it still holds after it.
    private func continuing(_ hand: Hand, at time: Double) -> (released: [Int], held: [Held]) {
        (hand.held.filter { abs($0.end - time) <= tolerance }.map(\.pitch),
         hand.held.filter { $0.end > time + tolerance })
    }

    /// What it costs one hand to strike `notes` (low to high) at `time`: stretch, key count,
    /// distance from its recent notes, less the legato bonus.
    private func handCost(_ notes: ArraySlice<Int>, hand: Hand, released: [Int], held: [Held], at time: Double) -> Double {
        guard let lowest = notes.first, let highest = notes.last else { return 0 }
        var cost = 0.0
        var low = lowest, high = highest, keys = notes.count
        for key in held where key.start >= time - heldWindow && !notes.contains(key.pitch) {
            low = min(low, key.pitch)
            high = max(high, key.pitch)
            keys += 1
        }
        let span = high - low
        if span > comfortableSpan { cost += 2 * Double(span - comfortableSpan) }
        if span > maximumSpan { cost += 100 + 10 * Double(span - maximumSpan) }
        if keys > maximumNotes { cost += 100 * Double(keys - maximumNotes) }
        if zip(notes, notes.dropFirst()).contains(where: { $0 == $1 }) { cost += 100 }
        if released.contains(where: { key in notes.contains { abs($0 - key) <= 12 } }) { cost -= legatoBonus }
        // A hand silent for long may have moved anywhere: its recent notes count less.
        let weight = exp(-(time - hand.lastTime) / memory)
        if weight > 0 {
            for note in notes {
                let distance = hand.recent.map { Double(abs(note - $0.pitch)) + ageing * (time - $0.time) }.min() ?? 0
                cost += weight * max(0, distance - reach)
            }
        }
        return cost
    }

    /// What a split costs in crossing, and the pull towards middle C.
    private func crossingCost(low: ArraySlice<Int>, high: ArraySlice<Int>, left: Hand, right: Hand,
                              leftHeld: [Held], rightHeld: [Held]) -> Double {
        var cost = 0.0
        if let top = low.last {
            cost += 3 * max(0, Double(top) - right.position)
            if let lowestHeld = rightHeld.map(\.pitch).min() { cost += 10 * Double(max(0, top - lowestHeld)) }
            cost += 0.3 * Double(max(0, top - 60))
        }
        if let bottom = high.first {
            cost += 3 * max(0, left.position - Double(bottom))
            if let highestHeld = leftHeld.map(\.pitch).max() { cost += 10 * Double(max(0, highestHeld - bottom)) }
            cost += 0.3 * Double(max(0, 60 - bottom))
        }
        return cost
    }

    /// A hand after striking `notes` (or nothing) at `time`.
    private func moved(_ hand: Hand, held: [Held], playing notes: ArraySlice<Int>, ends: ArraySlice<Double>, at time: Double) -> Hand {
        var hand = hand
        hand.held = held
        guard !notes.isEmpty else { return hand }
        let mean = Double(notes.reduce(0, +)) / Double(notes.count)
        hand.position = hand.position * 0.5 + mean * 0.5
        hand.lastTime = time
        hand.held.removeAll { notes.contains($0.pitch) }
        hand.held += zip(notes, ends).map { Held(pitch: $0, start: time, end: $1) }
        let kept = hand.recent.filter { $0.time >= time - recentWindow && !notes.contains($0.pitch) }
        hand.recent = Array(kept.suffix(max(0, recentNotes - notes.count))) + notes.map { (time, $0) }
        return hand
    }
}
