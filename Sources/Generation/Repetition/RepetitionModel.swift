import Foundation

/// What a piece's own past says of its next element: music repeats itself — a bar, a phrase, a
/// whole section — and a network reading a window of 100 elements through 128 units forgets a
/// passage long before it comes back. This model remembers the piece exactly
/// (``RepetitionTracker``): where the elements just written occurred before, the element that
/// followed them then is likely to follow again, the more likely the longer the match.
///
/// The probability of the next element mixes the network's with the repetition's:
///
///     p = (1 − w) · p_network + w · [the element is the one that followed the match]
///
/// where `w`, the ``weights`` entry of the match's length, is the share of matches of that
/// length that the training pieces continued the same way. On the Chopin corpus about a third
/// of each hand's elements end a match of 16 or more, and 96% of those continue as before.
/// ``Recipe/duet`` fits one per hand at training (``ModelBundle/Manifest/repetition``); the
/// held-out cross-entropy and generation both use it (``GenerationOptions/repetition``).
public struct RepetitionModel: Sendable, Hashable, Codable {
    /// Matches are counted up to this many elements.
    public static let longestMatch = 32

    /// Matches are looked for among this many latest positions of a piece (a Chopin hand has at
    /// most a few thousand elements; this bounds the cost of an absurdly long one).
    public static let memory = 8192

    /// The shortest match length of each bucket of ``weights``, ascending from 1.
    public static let bucketStarts = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32]

    /// For each bucket of match lengths (``bucketStarts``), the probability that the next
    /// element is the one that followed the match.
    public var weights: [Double]
    /// How many matches of each bucket the weights were counted from.
    public var counts: [Int]

    /// A model with these weights (one per bucket; missing buckets weigh 0, values are clamped
    /// to 0…1).
    public init(weights: [Double], counts: [Int] = []) {
        self.weights = Self.bucketStarts.indices.map { weights.indices.contains($0) ? min(max(weights[$0], 0), 1) : 0 }
        self.counts = Self.bucketStarts.indices.map { counts.indices.contains($0) ? counts[$0] : 0 }
    }

    private enum CodingKeys: String, CodingKey { case weights, counts }

    /// Reads a model as ``init(weights:counts:)`` makes one: a hand-edited or damaged manifest
    /// with too few or too many weights, or weights outside 0…1 (or not numbers), cannot make a
    /// probability negative or above 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let weights = try container.decode([Double].self, forKey: .weights).map { $0.isNaN ? 0 : $0 }
        self.init(weights: weights, counts: try container.decodeIfPresent([Int].self, forKey: .counts) ?? [])
    }

    /// The bucket of a match of `length` elements; `nil` for no match.
    public static func bucket(matchLength length: Int) -> Int? {
        guard length >= 1 else { return nil }
        return bucketStarts.lastIndex { $0 <= length }
    }

    /// The weight of a match of `length` elements (0 for no match).
    public func weight(matchLength length: Int) -> Double {
        guard let bucket = Self.bucket(matchLength: length), weights.indices.contains(bucket) else { return 0 }
        return weights[bucket]
    }

    /// The mixed probability of an element the network gives `network`, after a match of
    /// `matchLength` elements whose continuation is (`predicted` true) or is not this element.
    public func probability(network: Double, matchLength: Int, predicted: Bool) -> Double {
        let w = weight(matchLength: matchLength)
        return (1 - w) * network + (predicted ? w : 0)
    }

    /// Counts, over every element of `sequences` but each one's first, how often the longest
    /// earlier match was continued as before, by bucket: the weight of a bucket is its
    /// continued matches over its matches plus one (an unseen bucket weighs 0).
    public static func fitted<Element: Equatable & Sendable>(to sequences: [[Element]]) -> RepetitionModel {
        var continued = [Int](repeating: 0, count: bucketStarts.count)
        var total = continued
        for sequence in sequences {
            var tracker = RepetitionTracker<Element>(longestMatch: longestMatch, memory: memory)
            for element in sequence {
                if let (length, next) = tracker.prediction, let bucket = bucket(matchLength: length) {
                    total[bucket] += 1
                    if next == element { continued[bucket] += 1 }
                }
                tracker.append(element)
            }
        }
        return RepetitionModel(weights: zip(continued, total).map { Double($0) / Double($1 + 1) }, counts: total)
    }
}
