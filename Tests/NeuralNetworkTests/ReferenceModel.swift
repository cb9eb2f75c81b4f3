import Foundation
@testable import NeuralNetwork

/// An independent, naive Double-precision forward pass of ``SequenceModel``'s architecture
/// (plain loops, no BLAS), used as the oracle for finite-difference gradient checks: the
/// differences are taken in Double, so rounding does not swamp them.
enum ReferenceModel {
    /// The summed mean cross-entropy of both heads for the given parameters (in
    /// ``SequenceModel/parameterNames`` order) and dropout masks (time-major `[T][B][u]` per
    /// dropout layer; empty for none).
    static func loss(
        configuration: ModelConfiguration, parameters p: [[Double]], batch: TrainingBatch, masks: [[Float]]
    ) -> Double {
        let b = batch.batchSize, t = batch.steps
        let layers = configuration.lstmUnits.count
        var total = 0.0
        for s in 0..<b {
            // Input sequence of window s: one-hot note and duration side by side.
            var sequence: [[Double]] = (0..<t).map { step in
                var x = [Double](repeating: 0, count: configuration.inputSize)
                x[Int(batch.notes[s * t + step])] = 1
                x[configuration.noteVocabularySize + Int(batch.durations[s * t + step])] = 1
                return x
            }
            for l in 0..<layers {
                let u = configuration.lstmUnits[l]
                let n = sequence[0].count
                let kernel = p[3 * l], recurrent = p[3 * l + 1], bias = p[3 * l + 2]
                var h = [Double](repeating: 0, count: u), c = [Double](repeating: 0, count: u)
                var outputs: [[Double]] = []
                for step in 0..<t {
                    var z = bias
                    for col in 0..<(4 * u) {
                        for i in 0..<n { z[col] += sequence[step][i] * kernel[i * 4 * u + col] }
                        for i in 0..<u { z[col] += h[i] * recurrent[i * 4 * u + col] }
                    }
                    for j in 0..<u {
                        let ig = sigmoid(z[j]), fg = sigmoid(z[u + j]), gg = Foundation.tanh(z[2 * u + j])
                        let og = sigmoid(z[3 * u + j])
                        c[j] = fg * c[j] + ig * gg
                        h[j] = og * Foundation.tanh(c[j])
                    }
                    var out = h
                    if l < layers - 1, !masks.isEmpty, !masks[l].isEmpty {
                        for j in 0..<u { out[j] *= Double(masks[l][(step * b + s) * u + j]) }
                    }
                    outputs.append(out)
                }
                sequence = outputs
            }
            let last = sequence[t - 1]
            let k = 3 * layers
            let d = configuration.denseUnits
            var hidden = p[k + 1]
            for j in 0..<d {
                for i in 0..<last.count { hidden[j] += last[i] * p[k][i * d + j] }
                hidden[j] = max(0, hidden[j])
            }
            total += crossEntropy(hidden, kernel: p[k + 2], bias: p[k + 3], target: Int(batch.targetNotes[s]))
            total += crossEntropy(hidden, kernel: p[k + 4], bias: p[k + 5], target: Int(batch.targetDurations[s]))
        }
        return total / Double(b)
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }

    static func crossEntropy(_ x: [Double], kernel: [Double], bias: [Double], target: Int) -> Double {
        let classes = bias.count
        var logits = bias
        for j in 0..<classes {
            for i in 0..<x.count { logits[j] += x[i] * kernel[i * classes + j] }
        }
        let m = logits.max() ?? 0
        let sum = logits.reduce(0) { $0 + Foundation.exp($1 - m) }
        return -(logits[target] - m - Foundation.log(sum))
    }
}
