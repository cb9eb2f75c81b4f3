import Foundation

/// Draws an index from a model's output scores: temperature, then top-k, then top-p
/// (nucleus), then a draw in proportion to probability.
///
/// The seed sampled the 10 most likely notes and 5 most likely durations; those are the
/// defaults of ``GenerationOptions``. A `mask` removes choices that are not allowed (a duration
/// that would overrun the bar, the `<unk>` label) before anything else.
public struct TopKSampler: Sendable {
    /// How many of the most likely choices may be drawn (0 or less: all).
    public var k: Int
    /// Softmax temperature: below 1 sharper, above 1 flatter. Must be positive.
    public var temperature: Double
    /// Keep the smallest set of choices whose probability reaches `topP` (1: keep all k).
    public var topP: Double

    /// Creates a sampler.
    public init(k: Int, temperature: Double = 1, topP: Double = 1) {
        self.k = k
        self.temperature = temperature
        self.topP = topP
    }

    /// Draws an index of `logits` (unnormalised log-probabilities). Returns `nil` only if the
    /// mask allows nothing.
    public func sample<G: RandomNumberGenerator>(logits: [Float], allowed mask: [Bool]? = nil, using generator: inout G) -> Int? {
        var candidates: [(index: Int, logit: Double)] = []
        candidates.reserveCapacity(logits.count)
        for (i, value) in logits.enumerated() where mask?[i] ?? true {
            candidates.append((i, Double(value) / max(temperature, 1e-6)))
        }
        guard !candidates.isEmpty else { return nil }
        candidates.sort { ($0.logit, $1.index) > ($1.logit, $0.index) }
        if k > 0 && candidates.count > k { candidates.removeLast(candidates.count - k) }
        let top = candidates[0].logit
        var weights = candidates.map { exp($0.logit - top) }
        let total = weights.reduce(0, +)
        if topP < 1 {
            var cumulative = 0.0, keep = 0
            for w in weights {
                cumulative += w / total
                keep += 1
                if cumulative >= topP { break }
            }
            weights.removeLast(weights.count - keep)
        }
        let sum = weights.reduce(0, +)
        var draw = Double(generator.next() >> 11) * 0x1.0p-53 * sum
        for (i, w) in weights.enumerated() {
            draw -= w
            if draw < 0 { return candidates[i].index }
        }
        return candidates[weights.count - 1].index
    }
}
