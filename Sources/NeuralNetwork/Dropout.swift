/// Inverted dropout, as Keras's `Dropout`: in training each value is zeroed with probability
/// `rate` and the survivors are scaled by 1 / (1 − rate), so inference (which does nothing)
/// sees the same expected activations.
public struct Dropout: Sendable, Equatable {
    /// The probability of dropping a value, in [0, 1).
    public let rate: Float

    /// A dropout layer.
    ///
    /// - Throws: ``NetworkError/invalidConfiguration(_:)`` unless 0 ≤ rate < 1.
    public init(rate: Float) throws(NetworkError) {
        guard rate >= 0, rate < 1 else {
            throw .invalidConfiguration("dropout rate \(rate) is not in [0, 1)")
        }
        self.rate = rate
    }

    /// A mask of `count` factors, each 0 or 1 / (1 − rate); empty when the rate is 0 (identity).
    ///
    /// Each 64-bit draw gives four 16-bit uniforms, one per element, so the rate is honoured to
    /// 1/65536 (0.3 becomes 0.300003); masks cost a quarter of the generator calls.
    func mask(count: Int, random: inout SeededRandom) -> [Float] {
        guard rate > 0 else { return [] }
        let keep = 1 / (1 - rate)
        let threshold = UInt64((Double(rate) * 65536).rounded())
        var mask = uninitializedFloats(count)
        mask.withUnsafeMutableBufferPointer { m in
            var k = 0
            while k < count {
                var bits = random.next()
                for _ in 0..<min(4, count - k) {
                    m[k] = (bits & 0xFFFF) < threshold ? 0 : keep
                    bits >>= 16
                    k += 1
                }
            }
        }
        return mask
    }

    /// The forward pass: in training mode (`random` non-nil) draws a mask from `random`,
    /// applies it to `values` and returns it for the backward pass; in inference mode leaves
    /// `values` alone and returns an empty mask.
    func forward(_ values: inout [Float], random: inout SeededRandom?) -> [Float] {
        guard var generator = random else { return [] }
        let mask = mask(count: values.count, random: &generator)
        random = generator
        Dropout.apply(mask, to: &values)
        return mask
    }

    /// Applies a mask in place (forward) or to a gradient (backward: the same product).
    static func apply(_ mask: [Float], to values: inout [Float]) {
        guard !mask.isEmpty else { return }
        values.withUnsafeMutableBufferPointer { v in
            mask.withUnsafeBufferPointer { m in
                for k in 0..<v.count { v[k] *= m[k] }
            }
        }
    }
}
