/// A label encoder: each label an integer index, with rare labels folded into `<unk>`.
///
/// Index 0 is always `<unk>`; the other labels follow in order of decreasing frequency, ties
/// broken alphabetically, so a vocabulary built from the same corpus is always the same.
public struct Vocabulary: Sendable, Hashable, Codable {
    /// The label for anything not in the vocabulary.
    public static let unknown = "<unk>"

    /// Labels by index.
    public private(set) var labels: [String]
    private var indexByLabel: [String: Int]

    /// Builds a vocabulary from labels, keeping those seen at least `minimumCount` times.
    public init<S: Sequence>(counting labels: S, minimumCount: Int = 1) where S.Element == String {
        var counts: [String: Int] = [:]
        for label in labels { counts[label, default: 0] += 1 }
        self.init(counts: counts, minimumCount: minimumCount)
    }

    /// Builds a vocabulary from labels already counted (summed over shards, say), keeping
    /// those seen at least `minimumCount` times: `<unk>` at 0, then by count descending, ties
    /// by label. ``init(counting:minimumCount:)`` counts and then applies this same rule.
    public init(counts: [String: Int], minimumCount: Int = 1) {
        let kept = counts.filter { $0.value >= minimumCount && $0.key != Vocabulary.unknown }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map(\.key)
        self.init(labels: [Vocabulary.unknown] + kept)
    }

    /// A vocabulary with exactly these labels by index (index 0 should be `<unk>`).
    public init(labels: [String]) {
        self.labels = labels
        self.indexByLabel = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The number of labels, `<unk>` included.
    public var count: Int { labels.count }

    /// The index of a label; 0 (`<unk>`) if it is unknown.
    public func index(of label: String) -> Int { indexByLabel[label] ?? 0 }

    /// The label of an index; `<unk>` if out of range.
    public func label(at index: Int) -> String { labels.indices.contains(index) ? labels[index] : Vocabulary.unknown }

    enum CodingKeys: String, CodingKey { case labels }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(labels: try container.decode([String].self, forKey: .labels))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(labels, forKey: .labels)
    }
}
