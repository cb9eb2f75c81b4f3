#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A softmax output with sparse categorical cross-entropy, as Keras's
/// `Dense(activation="softmax")` with `SparseCategoricalCrossentropy()`: the loss is the mean
/// over the batch of −log pₜ (reduction `sum_over_batch_size`).
///
/// Softmax and loss are fused: the gradient with respect to the logits is (p − onehot(t)) / B,
/// which is exact and avoids dividing by small probabilities.
public enum SoftmaxCrossEntropy {
    /// Probabilities `[rows][classes]` from logits, computed stably (max subtracted).
    public static func softmax(_ logits: [Float], rows: Int, classes: Int) -> [Float] {
        var p = logits
        p.withUnsafeMutableBufferPointer { p in
            for r in 0..<rows {
                let row = p.baseAddress! + r * classes
                var maximum = -Float.infinity
                for j in 0..<classes { maximum = max(maximum, row[j]) }
                var sum: Float = 0
                for j in 0..<classes {
                    let e = expf(row[j] - maximum)
                    row[j] = e
                    sum += e
                }
                let scale = 1 / sum
                for j in 0..<classes { row[j] *= scale }
            }
        }
        return p
    }

    /// The mean cross-entropy of `targets` under softmax(`logits`) and its gradient with respect
    /// to the logits.
    ///
    /// Keras clips probabilities to [ε, 1 − ε] with ε = 1e-7 before the logarithm; the same clip
    /// is applied to the loss value here (it bounds a single term at ≈ 16.1) but not to the
    /// gradient, which matches Keras wherever the clip is inactive.
    static func lossAndGradient(
        logits: [Float], targets: [Int32], classes: Int
    ) -> (loss: Double, gradient: [Float]) {
        let rows = targets.count
        var gradient = softmax(logits, rows: rows, classes: classes)
        var loss = 0.0
        let scale = 1 / Float(rows)
        for r in 0..<rows {
            let t = Int(targets[r])
            let p = min(max(gradient[r * classes + t], 1e-7), 1 - 1e-7)
            loss -= Double(logf(p))
            gradient[r * classes + t] -= 1
        }
        for k in 0..<gradient.count { gradient[k] *= scale }
        return (loss / Double(rows), gradient)
    }
}
