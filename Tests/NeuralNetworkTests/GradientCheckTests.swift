import Testing
@testable import NeuralNetwork

/// Analytic gradients (backpropagation) against finite differences, every layer and the full
/// model at tiny sizes.
@Suite struct GradientCheckTests {
    static let tolerance = 1e-3

    /// LSTM with a dense input, both output modes: gradients of kernel, recurrent kernel, bias
    /// and of the input itself.
    @Test(arguments: [true, false])
    func lstmDenseInput(returnSequences: Bool) throws {
        try BLAS.require()
        let n = 3, u = 4, batch = 2, steps = 5
        var random = SeededRandom(seed: 7)
        var layer = try LSTM(inputSize: n, units: u, returnSequences: returnSequences, random: &random)
        // Non-zero biases exercise every gate term.
        layer.bias.scalars = GradientCheck.uniform(4 * u, scale: 0.5, seed: 3)
        let x = GradientCheck.uniform(steps * batch * n, seed: 11)
        let outputCount = returnSequences ? steps * batch * u : batch * u
        let w = GradientCheck.uniform(outputCount, seed: 13)

        func loss(_ p: [Tensor]) throws -> Double {
            let l = try LSTM(inputSize: n, units: u, returnSequences: returnSequences,
                             kernel: p[0], recurrentKernel: p[1], bias: p[2])
            let trace = l.forward(.dense(p[3].scalars), batch: batch, steps: steps)
            return GradientCheck.weightedSum(returnSequences ? trace.sequenceOutput : trace.lastOutput, w)
        }
        var trace = layer.forward(.dense(x), batch: batch, steps: steps)
        var gradients = layer.zeroGradients()
        let dx = layer.backward(trace: &trace, input: .dense(x), outputGradient: w, gradients: &gradients,
                                needInputGradient: true)
        let parameters = [layer.kernel, layer.recurrentKernel, layer.bias, try Tensor(shape: [x.count], scalars: x)]
        let analytic = [gradients.kernel, gradients.recurrentKernel, gradients.bias, try Tensor(shape: [dx.count], scalars: dx)]
        for index in 0..<4 {
            let error = try GradientCheck.relativeError(
                parameters: parameters, gradients: analytic, tensor: index, loss: loss)
            #expect(error < Self.tolerance, "tensor \(index): relative error \(error)")
        }
    }

    /// Units a multiple of 64 and a sequence long enough take the packed recurrent kernels
    /// (on AVX-512 machines): same check.
    @Test func lstmPackedPath() throws {
        try BLAS.require()
        let n = 5, u = 64, batch = 3, steps = LSTM.packingThreshold + 1
        var random = SeededRandom(seed: 8)
        var layer = try LSTM(inputSize: n, units: u, returnSequences: true, random: &random)
        layer.bias.scalars = GradientCheck.uniform(4 * u, scale: 0.5, seed: 4)
        layer.recurrentKernel.scalars = layer.recurrentKernel.scalars.map { $0 * 3 }
        let x = GradientCheck.uniform(steps * batch * n, seed: 12)
        let w = GradientCheck.uniform(steps * batch * u, seed: 14)
        func loss(_ p: [Tensor]) throws -> Double {
            let l = try LSTM(inputSize: n, units: u, returnSequences: true,
                             kernel: p[0], recurrentKernel: p[1], bias: p[2])
            return GradientCheck.weightedSum(l.forward(.dense(x), batch: batch, steps: steps).sequenceOutput, w)
        }
        var trace = layer.forward(.dense(x), batch: batch, steps: steps)
        var gradients = layer.zeroGradients()
        _ = layer.backward(trace: &trace, input: .dense(x), outputGradient: w, gradients: &gradients, needInputGradient: false)
        let parameters = [layer.kernel, layer.recurrentKernel, layer.bias]
        let analytic = [gradients.kernel, gradients.recurrentKernel, gradients.bias]
        for index in 0..<3 {
            let error = try GradientCheck.relativeError(
                parameters: parameters, gradients: analytic, tensor: index, loss: loss)
            #expect(error < Self.tolerance, "tensor \(index): relative error \(error)")
        }
    }

    /// LSTM fed one-hot rows: the kernel gradient is a scatter of the gate gradients.
    @Test func lstmOneHotInput() throws {
        try BLAS.require()
        let n = 6, u = 3, batch = 2, steps = 4
        var random = SeededRandom(seed: 5)
        let layer = try LSTM(inputSize: n, units: u, returnSequences: true, random: &random)
        let indices: [Int32] = (0..<(steps * batch)).flatMap { r in [Int32(r % 4), Int32(4 + r % 2)] }
        let input = LSTMInput.oneHot(indices: indices, activePerRow: 2)
        let w = GradientCheck.uniform(steps * batch * u, seed: 17)
        func loss(_ p: [Tensor]) throws -> Double {
            let l = try LSTM(inputSize: n, units: u, returnSequences: true,
                             kernel: p[0], recurrentKernel: p[1], bias: p[2])
            return GradientCheck.weightedSum(l.forward(input, batch: batch, steps: steps).sequenceOutput, w)
        }
        var trace = layer.forward(input, batch: batch, steps: steps)
        var gradients = layer.zeroGradients()
        _ = layer.backward(trace: &trace, input: input, outputGradient: w, gradients: &gradients, needInputGradient: false)
        let parameters = [layer.kernel, layer.recurrentKernel, layer.bias]
        let analytic = [gradients.kernel, gradients.recurrentKernel, gradients.bias]
        for index in 0..<3 {
            let error = try GradientCheck.relativeError(
                parameters: parameters, gradients: analytic, tensor: index, loss: loss)
            #expect(error < Self.tolerance, "tensor \(index): relative error \(error)")
        }
    }

    /// One-hot input gives exactly the dense product with the explicit one-hot matrix.
    @Test func oneHotMatchesDenseOneHot() throws {
        try BLAS.require()
        let n = 5, u = 3, batch = 2, steps = 3
        var random = SeededRandom(seed: 9)
        let layer = try LSTM(inputSize: n, units: u, returnSequences: true, random: &random)
        let indices: [Int32] = [0, 3, 1, 4, 2, 3, 0, 4, 1, 3, 2, 4]
        var dense = [Float](repeating: 0, count: steps * batch * n)
        for r in 0..<(steps * batch) {
            dense[r * n + Int(indices[2 * r])] = 1
            dense[r * n + Int(indices[2 * r + 1])] = 1
        }
        let a = layer.forward(.oneHot(indices: indices, activePerRow: 2), batch: batch, steps: steps)
        let b = layer.forward(.dense(dense), batch: batch, steps: steps)
        for (x, y) in zip(a.sequenceOutput, b.sequenceOutput) {
            #expect(abs(x - y) < 1e-6)
        }
    }

    @Test(arguments: [Dense.Activation.relu, .linear])
    func dense(activation: Dense.Activation) throws {
        try BLAS.require()
        let rows = 3, n = 4, m = 5
        var random = SeededRandom(seed: 21)
        var layer = try Dense(inputSize: n, outputSize: m, activation: activation, random: &random)
        layer.bias.scalars = GradientCheck.uniform(m, scale: 0.3, seed: 2)
        let x = GradientCheck.uniform(rows * n, seed: 22)
        let w = GradientCheck.uniform(rows * m, seed: 23)
        func loss(_ p: [Tensor]) throws -> Double {
            let l = try Dense(kernel: p[0], bias: p[1], activation: activation)
            return GradientCheck.weightedSum(l.forward(p[2].scalars, rows: rows), w)
        }
        let y = layer.forward(x, rows: rows)
        var gradients = layer.zeroGradients()
        let dx = layer.backward(x: x, y: y, outputGradient: w, rows: rows, gradients: &gradients)
        let parameters = [layer.kernel, layer.bias, try Tensor(shape: [x.count], scalars: x)]
        let analytic = [gradients.kernel, gradients.bias, try Tensor(shape: [dx.count], scalars: dx)]
        for index in 0..<3 {
            // A small step keeps the ReLU kinks out of the difference quotients.
            let error = try GradientCheck.relativeError(
                parameters: parameters, gradients: analytic, tensor: index, h: 1e-3, loss: loss)
            #expect(error < Self.tolerance, "tensor \(index): relative error \(error)")
        }
    }

    /// Softmax cross-entropy's fused gradient, checked on the logits.
    @Test func softmaxCrossEntropy() throws {
        let rows = 3, classes = 4
        let logits = GradientCheck.uniform(rows * classes, scale: 2, seed: 31)
        let targets: [Int32] = [2, 0, 3]
        let (_, gradient) = SoftmaxCrossEntropy.lossAndGradient(logits: logits, targets: targets, classes: classes)
        func loss(_ p: [Tensor]) -> Double {
            SoftmaxCrossEntropy.lossAndGradient(logits: p[0].scalars, targets: targets, classes: classes).loss
        }
        let error = GradientCheck.relativeError(
            parameters: [try Tensor(shape: [logits.count], scalars: logits)],
            gradients: [try Tensor(shape: [gradient.count], scalars: gradient)], tensor: 0, h: 1e-2, loss: loss)
        #expect(error < Self.tolerance, "relative error \(error)")
    }

    /// Hand-checked loss: uniform logits over 4 classes give −log(1/4) = log 4 per row.
    @Test func crossEntropyOfUniformLogits() {
        let (loss, gradient) = SoftmaxCrossEntropy.lossAndGradient(
            logits: [Float](repeating: 0.5, count: 8), targets: [1, 3], classes: 4)
        #expect(abs(loss - 1.3862943611198906) < 1e-6)
        // (p − onehot) / B = (0.25 − 1) / 2 at the target, 0.25 / 2 elsewhere.
        #expect(abs(gradient[1] + 0.375) < 1e-7)
        #expect(abs(gradient[0] - 0.125) < 1e-7)
    }

    /// The whole model, dropout on: Float32 backpropagation against central differences of an
    /// independent Double-precision forward pass (``ReferenceModel``) with the same dropout masks.
    /// Weights are drawn larger than Keras's initialisation so every gate and ReLU carries signal.
    @Test func fullModel() throws {
        try BLAS.require()
        let configuration = ModelConfiguration(
            noteVocabularySize: 5, durationVocabularySize: 3, lstmUnits: [4, 3, 4], denseUnits: 5, dropout: 0.25)
        var model = try SequenceModel(configuration: configuration, seed: 42)
        var parameters = model.parameters
        for index in parameters.indices {
            parameters[index].scalars = GradientCheck.uniform(parameters[index].count, scale: 0.8, seed: UInt64(100 + index))
        }
        try model.setParameters(parameters)
        let batch = try TrainingBatch(
            batchSize: 2, steps: 4, notes: [0, 1, 2, 3, 4, 3, 2, 1], durations: [0, 1, 2, 0, 1, 1, 2, 0],
            targetNotes: [4, 0], targetDurations: [2, 1])
        var random: SeededRandom? = SeededRandom(seed: 99)
        let (loss, gradients) = try model.lossAndGradients(batch, random: &random)
        // The same masks, drawn in the model's order from the same seed.
        var maskRandom = SeededRandom(seed: 99)
        let masks = [4, 3].map { model.dropout.mask(count: batch.steps * batch.batchSize * $0, random: &maskRandom) }
        let doubles = parameters.map { $0.scalars.map(Double.init) }
        let reference = ReferenceModel.loss(configuration: configuration, parameters: doubles, batch: batch, masks: masks)
        #expect(abs(reference - loss) < 1e-5, "Float32 loss \(loss) vs Double reference \(reference)")

        let h = 1e-5
        for (index, name) in model.parameterNames.enumerated() {
            var differenceSquared = 0.0, scaleSquared = 0.0, worst = 0.0
            for k in 0..<doubles[index].count {
                var plus = doubles, minus = doubles
                plus[index][k] += h
                minus[index][k] -= h
                let numeric = (ReferenceModel.loss(configuration: configuration, parameters: plus, batch: batch, masks: masks)
                    - ReferenceModel.loss(configuration: configuration, parameters: minus, batch: batch, masks: masks)) / (2 * h)
                let analytic = Double(gradients[index].scalars[k])
                differenceSquared += (analytic - numeric) * (analytic - numeric)
                scaleSquared += max(analytic * analytic, numeric * numeric)
                // Per entry, relative to the entry or (for tiny entries) to Float32 resolution.
                worst = max(worst, abs(analytic - numeric) / max(abs(numeric), 1e-4))
            }
            let error = scaleSquared == 0 ? 0 : (differenceSquared / scaleSquared).squareRoot()
            #expect(error < Self.tolerance, "\(name): norm-wise relative error \(error)")
            #expect(worst < Self.tolerance, "\(name): worst entry relative error \(worst)")
        }
    }
}
