import Testing
@testable import NeuralNetwork

@Suite struct AdamTests {
    /// Hand-computed first step (Keras 3 formula): g = 0.5, w = 1.
    /// m = 0.05, v = 0.00025, α = 0.001·√0.001 / 0.1 = 3.16227766e-4,
    /// w = 1 − α·0.05 / (√0.00025 + 1e-7) = 1 − 0.000999993675 = 0.999000006.
    @Test func firstStepByHand() throws {
        var optimizer = Adam()
        var parameters = [try Tensor(shape: [1], scalars: [1])]
        try optimizer.update(parameters: &parameters, gradients: [try Tensor(shape: [1], scalars: [0.5])])
        #expect(abs(parameters[0].scalars[0] - 0.999000006) < 1e-7)
        #expect(optimizer.iterations == 1)
    }

    /// Second step, by hand: g = −0.25 after the first. m = 0.05 + (−0.25 − 0.05)·0.1 = 0.02,
    /// v = 0.00025 + (0.0625 − 0.00025)·0.001 = 0.00031225, α = 0.001·√(1 − 0.999²)/(1 − 0.9²)
    /// = 0.001·0.0447102/0.19 = 2.35317e-4, Δ = α·0.02/(0.0176706 + 1e-7) = 2.66337e-4.
    @Test func secondStepByHand() throws {
        var optimizer = Adam()
        var parameters = [try Tensor(shape: [1], scalars: [1])]
        try optimizer.update(parameters: &parameters, gradients: [try Tensor(shape: [1], scalars: [0.5])])
        try optimizer.update(parameters: &parameters, gradients: [try Tensor(shape: [1], scalars: [-0.25])])
        #expect(abs(parameters[0].scalars[0] - (0.999000006 - 2.66337e-4)) < 2e-7)
    }

    /// Global-norm clipping scales the gradients to the limit: a gradient (3, 4) of norm 5 with
    /// limit 1 behaves like (0.6, 0.8); Adam's first step is then ±lr for each component anyway,
    /// so compare moments instead.
    @Test func globalNormClipping() throws {
        var optimizer = Adam(globalClipNorm: 1)
        var parameters = [try Tensor(shape: [2], scalars: [0, 0])]
        try optimizer.update(parameters: &parameters, gradients: [try Tensor(shape: [2], scalars: [3, 4])])
        #expect(abs(optimizer.momentums[0].scalars[0] - 0.06) < 1e-7)
        #expect(abs(optimizer.momentums[0].scalars[1] - 0.08) < 1e-7)
    }

    @Test func mismatchedShapesThrow() throws {
        var optimizer = Adam()
        var parameters = [Tensor(shape: [2])]
        #expect(throws: NetworkError.self) {
            try optimizer.update(parameters: &parameters, gradients: [Tensor(shape: [3])])
        }
    }
}
