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

    /// log p of each row's target under softmax(`logits`), computed from the logits as
    /// (z_t − m) − log Σ e^(zⱼ − m), never as log p, so it stays finite however small p is.
    /// Keras's TensorFlow backend does the same when the output is a softmax layer (it takes the
    /// softmax's logits and skips its 1e-7 clipping).
    public static func targetLogProbabilities(logits: [Float], targets: [Int32], classes: Int) -> [Double] {
        targets.indices.map { r in
            var maximum = -Float.infinity
            for j in 0..<classes { maximum = max(maximum, logits[r * classes + j]) }
            var sum = 0.0
            for j in 0..<classes { sum += Double(expf(logits[r * classes + j] - maximum)) }
            return Double(logits[r * classes + Int(targets[r])] - maximum) - log(sum)
        }
    }

    /// The mean cross-entropy of `targets` under softmax(`logits`) (the mean of −
    /// ``targetLogProbabilities(logits:targets:classes:)``) and its gradient with respect to the
    /// logits.
    static func lossAndGradient(
        logits: [Float], targets: [Int32], classes: Int
    ) -> (loss: Double, gradient: [Float]) {
        let rows = targets.count
        var gradient = softmax(logits, rows: rows, classes: classes)
        var loss = 0.0
        let scale = 1 / Float(rows)
        for (r, logProbability) in targetLogProbabilities(logits: logits, targets: targets, classes: classes).enumerated() {
            loss -= logProbability
            gradient[r * classes + Int(targets[r])] -= 1
        }
        for k in 0..<gradient.count { gradient[k] *= scale }
        return (loss / Double(rows), gradient)
    }
}
