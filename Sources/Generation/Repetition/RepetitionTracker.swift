/// Follows a sequence as it grows and finds, after each element, the longest earlier stretch of
/// the sequence that ends the way the sequence ends now, and the element that came after it:
/// what the piece did the last time it was here.
///
/// ```swift
/// var tracker = RepetitionTracker<Character>()
/// for c in "abcab" { tracker.append(c) }
/// tracker.prediction   // (length: 2, next: "c"): "ab" was followed by "c"
/// ```
///
/// Each ``append(_:)`` costs one pass over the last ``memory`` elements (no inner loop): for
/// every earlier position it keeps how many elements before it match the sequence's end, which
/// the next element extends or cuts. Matches further back than ``memory`` are not looked for,
/// so a very long sequence costs time in proportion to its length, not to its square.
public struct RepetitionTracker<Element: Equatable & Sendable>: Sendable {
    /// Matches are counted up to this length; longer ones count as this long (the most recent
    /// of equally long matches wins).
    public let longestMatch: Int
    /// How many of the latest positions are searched for a match.
    public let memory: Int
    /// The sequence so far.
    public private(set) var elements: [Element] = []
    /// `matches[j]` (j ≥ 1): how many elements before position j equal the same number of
    /// elements at the sequence's end, at most ``longestMatch``; `matches[0]` is 0.
    private var matches: [Int] = []
    private var best: (length: Int, position: Int) = (0, 0)

    /// An empty tracker counting matches up to `longestMatch` (at least 1) elements among the
    /// latest `memory` (at least 1) positions.
    public init(longestMatch: Int = RepetitionModel.longestMatch, memory: Int = RepetitionModel.memory) {
        self.longestMatch = max(1, longestMatch)
        self.memory = max(1, memory)
    }

    /// The longest earlier match of the sequence's end and the element that followed it (the
    /// most recent of equally long ones); `nil` while the last element has never occurred before.
    public var prediction: (length: Int, next: Element)? {
        best.length > 0 ? (best.length, elements[best.position]) : nil
    }

    /// Appends an element and updates the matches.
    public mutating func append(_ element: Element) {
        let n = elements.count
        matches.append(0)
        best = (0, 0)
        // Position j's match grows by one if the element before j is the new one, else ends;
        // going down, matches[j - 1] still holds its value before this element (the lowest
        // position read was the previous call's lowest, so it is up to date).
        let lowest = max(1, n - memory + 1)
        var j = n
        while j >= lowest {
            let length = elements[j - 1] == element ? min(matches[j - 1] + 1, longestMatch) : 0
            matches[j] = length
            if length > best.length { best = (length, j) }
            j -= 1
        }
        elements.append(element)
    }
}
