/// The parts of the backward pass that last-step and every-step training share: the two heads'
/// cross-entropies and the dense layer, over as many rows as the forward pass produced.
extension SequenceModel {
    /// The summed cross-entropy of both heads over `rows` rows and the dense layer's and the
    /// heads' gradients; `outputGradient` receives the gradient that reaches the last LSTM's
    /// output (an `inout` buffer so the caller can recycle it as its only owner).
    func headsLossAndBackward(
        denseInput: [Float], denseOutput: [Float], noteLogits: [Float], durationLogits: [Float],
        targetNotes: [Int32], targetDurations: [Int32], rows: Int, outputGradient: inout [Float]
    ) -> (loss: Double, dense: Dense.Gradients, notes: Dense.Gradients, durations: Dense.Gradients) {
        let notes = SoftmaxCrossEntropy.lossAndGradient(
            logits: noteLogits, targets: targetNotes, classes: configuration.noteVocabularySize)
        let durations = SoftmaxCrossEntropy.lossAndGradient(
            logits: durationLogits, targets: targetDurations, classes: configuration.durationVocabularySize)
        var noteGradients = noteHead.zeroGradients()
        var durationGradients = durationHead.zeroGradients()
        var denseGradients = dense.zeroGradients()
        var dDenseOut = noteHead.backward(
            x: denseOutput, y: noteLogits, outputGradient: notes.gradient, rows: rows, gradients: &noteGradients)
        let fromDurations = durationHead.backward(
            x: denseOutput, y: durationLogits, outputGradient: durations.gradient, rows: rows,
            gradients: &durationGradients)
        for k in dDenseOut.indices { dDenseOut[k] += fromDurations[k] }
        outputGradient = dense.backward(
            x: denseInput, y: denseOutput, outputGradient: dDenseOut, rows: rows, gradients: &denseGradients)
        return (notes.loss + durations.loss, denseGradients, noteGradients, durationGradients)
    }

    /// Every gradient in ``parameters`` order.
    static func orderedGradients(
        lstms: [LSTM.Gradients], dense: Dense.Gradients, notes: Dense.Gradients, durations: Dense.Gradients
    ) -> [Tensor] {
        var gradients: [Tensor] = []
        for g in lstms { gradients += [g.kernel, g.recurrentKernel, g.bias] }
        gradients += [dense.kernel, dense.bias, notes.kernel, notes.bias, durations.kernel, durations.bias]
        return gradients
    }

    /// Adds one thread's part of a batch's gradients, scaled by its share `weight` of the
    /// windows, to the batch's (the first part sets them).
    static func accumulate(_ part: [Tensor], weight: Float, into gradients: inout [Tensor]) {
        if gradients.isEmpty {
            gradients = part.map { g in
                var scaled = g
                for k in 0..<scaled.count { scaled.scalars[k] *= weight }
                return scaled
            }
            return
        }
        for index in gradients.indices {
            gradients[index].scalars.withUnsafeMutableBufferPointer { total in
                part[index].scalars.withUnsafeBufferPointer { g in
                    for k in 0..<total.count { total[k] += weight * g[k] }
                }
            }
        }
    }
}
