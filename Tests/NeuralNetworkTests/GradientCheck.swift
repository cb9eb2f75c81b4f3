@testable import NeuralNetwork

/// Finite-difference gradient checking for Float32 layers.
///
/// The network computes in Float32, so single-entry relative errors of tiny gradients are
/// dominated by rounding. The check therefore compares, per parameter tensor, the norm-wise
/// relative error ‖analytic − numeric‖ / max(‖analytic‖, ‖numeric‖) over up to `samples` entries
/// (all of them for small tensors), with central differences of step `h` and the loss
/// accumulated in Double.
enum GradientCheck {
    /// The norm-wise relative error between analytic gradients and central differences of
    /// `loss` for the tensor `tensor` of `parameters`.
    static func relativeError(
        parameters: [Tensor], gradients: [Tensor], tensor index: Int, samples: Int = 40, h: Float = 1e-2,
        loss: ([Tensor]) throws -> Double
    ) rethrows -> Double {
        let count = parameters[index].count
        let stride = max(1, count / samples)
        var differenceSquared = 0.0, analyticSquared = 0.0, numericSquared = 0.0
        var k = 0
        while k < count {
            var plus = parameters, minus = parameters
            plus[index].scalars[k] += h
            minus[index].scalars[k] -= h
            let step = Double(plus[index].scalars[k]) - Double(minus[index].scalars[k])
            let numeric = (try loss(plus) - loss(minus)) / step
            let analytic = Double(gradients[index].scalars[k])
            differenceSquared += (analytic - numeric) * (analytic - numeric)
            analyticSquared += analytic * analytic
            numericSquared += numeric * numeric
            k += stride
        }
        let scale = max(analyticSquared, numericSquared).squareRoot()
        return scale == 0 ? 0 : differenceSquared.squareRoot() / scale
    }

    /// Σ wₖ·yₖ: a loss whose gradient with respect to y is the fixed vector w.
    static func weightedSum(_ y: some Collection<Float>, _ w: [Float]) -> Double {
        var sum = 0.0
        for (a, b) in zip(y, w) { sum += Double(a) * Double(b) }
        return sum
    }

    /// Uniform values in [−scale, scale) from a seeded generator.
    static func uniform(_ count: Int, scale: Float = 1, seed: UInt64) -> [Float] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in (2 * random.nextUnitFloat() - 1) * scale }
    }
}
