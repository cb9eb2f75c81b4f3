import Foundation
@testable import NeuralNetwork

/// An independent, naive Double-precision forward pass of the every-step network: every
/// position's output goes through the dense layer and both heads, the loss is the mean over all
/// positions, the first LSTM sees one-hot ids followed by the conditioning values, and each
/// window starts from a given state. Plain loops, no BLAS, window-major: the oracle for the
/// every-step gradient check.
enum EveryStepReference {
    /// The mean over every position of both heads' cross-entropies.
    static func loss(
        configuration: ModelConfiguration, parameters p: [[Double]], batch: SequenceBatch,
        initialHidden: [[Float]], initialCells: [[Float]], masks: [[Float]]
    ) -> Double {
        let b = batch.batchSize, t = batch.steps, f = configuration.conditioningSize
        let layers = configuration.lstmUnits.count
        var total = 0.0
        for s in 0..<b {
            var sequence: [[Double]] = (0..<t).map { step in
                var x = [Double](repeating: 0, count: configuration.inputSize)
                x[Int(batch.notes[s * t + step])] = 1
                x[configuration.noteVocabularySize + Int(batch.durations[s * t + step])] = 1
                for j in 0..<f {
                    x[configuration.noteVocabularySize + configuration.durationVocabularySize + j] =
                        Double(batch.conditioning[(s * t + step) * f + j])
                }
                return x
            }
            for l in 0..<layers {
                let u = configuration.lstmUnits[l]
                let n = sequence[0].count
                let kernel = p[3 * l], recurrent = p[3 * l + 1], bias = p[3 * l + 2]
                var h = initialHidden.isEmpty ? [Double](repeating: 0, count: u)
                    : initialHidden[l][(s * u)..<((s + 1) * u)].map(Double.init)
                var c = initialCells.isEmpty ? [Double](repeating: 0, count: u)
                    : initialCells[l][(s * u)..<((s + 1) * u)].map(Double.init)
                var outputs: [[Double]] = []
                for step in 0..<t {
                    var z = bias
                    for col in 0..<(4 * u) {
                        for i in 0..<n { z[col] += sequence[step][i] * kernel[i * 4 * u + col] }
                        for i in 0..<u { z[col] += h[i] * recurrent[i * 4 * u + col] }
                    }
                    for j in 0..<u {
                        let ig = ReferenceModel.sigmoid(z[j]), fg = ReferenceModel.sigmoid(z[u + j])
                        let gg = Foundation.tanh(z[2 * u + j]), og = ReferenceModel.sigmoid(z[3 * u + j])
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
            let k = 3 * layers, d = configuration.denseUnits
            for step in 0..<t {
                let last = sequence[step]
                var hidden = p[k + 1]
                for j in 0..<d {
                    for i in 0..<last.count { hidden[j] += last[i] * p[k][i * d + j] }
                    hidden[j] = max(0, hidden[j])
                }
                total += ReferenceModel.crossEntropy(
                    hidden, kernel: p[k + 2], bias: p[k + 3], target: Int(batch.targetNotes[s * t + step]))
                total += ReferenceModel.crossEntropy(
                    hidden, kernel: p[k + 4], bias: p[k + 5], target: Int(batch.targetDurations[s * t + step]))
            }
        }
        return total / Double(b * t)
    }
}
