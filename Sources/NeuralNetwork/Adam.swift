/// The Adam optimiser exactly as Keras 3 updates a variable (`keras.optimizers.Adam`), with its
/// defaults (learning rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7). At step t (from 1):
///
///     α = lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)
///     m ← m + (g − m)(1 − β₁)
///     v ← v + (g² − v)(1 − β₂)
///     w ← w − α·m / (√v + ε)
///
/// Note where ε sits: added to √v *after* the bias correction folded into α, so it is not the
/// ε of the Adam paper's formula with bias-corrected v̂ (it equals the paper's "ε̂").
///
/// Optional clipping rescales all gradients together when their global L2 norm exceeds
/// `globalClipNorm` (Keras's `global_clipnorm`).
public struct Adam: Sendable {
    /// The step size.
    public var learningRate: Float
    /// The decay of the first-moment average.
    public var beta1: Float
    /// The decay of the second-moment average.
    public var beta2: Float
    /// Added to √v for stability.
    public var epsilon: Float
    /// When set, gradients whose global norm exceeds it are scaled down to it.
    public var globalClipNorm: Float?
    /// The number of updates applied so far.
    public private(set) var iterations: Int = 0
    /// First moments, one per parameter tensor (empty until the first update).
    public private(set) var momentums: [Tensor] = []
    /// Second moments, one per parameter tensor (empty until the first update).
    public private(set) var velocities: [Tensor] = []

    /// An optimiser with Keras's defaults unless given.
    public init(
        learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999,
        epsilon: Float = 1e-7, globalClipNorm: Float? = nil
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.globalClipNorm = globalClipNorm
    }

    /// Restores a saved optimiser state (for resuming training).
    ///
    /// - Throws: ``NetworkError/shapeMismatch(context:expected:actual:)`` when the moment
    ///   tensors do not pair up.
    public mutating func restore(iterations: Int, momentums: [Tensor], velocities: [Tensor]) throws(NetworkError) {
        guard momentums.count == velocities.count,
              zip(momentums, velocities).allSatisfy({ $0.shape == $1.shape }) else {
            throw .shapeMismatch(
                context: "Adam state", expected: momentums.map(\.count), actual: velocities.map(\.count))
        }
        self.iterations = iterations
        self.momentums = momentums
        self.velocities = velocities
    }

    /// The global L2 norm of a list of gradients, accumulated in Double.
    public static func globalNorm(_ gradients: [Tensor]) -> Double {
        var sum = 0.0
        for g in gradients {
            for x in g.scalars { sum += Double(x) * Double(x) }
        }
        return sum.squareRoot()
    }

    /// Applies one update to `parameters` from `gradients` (same order and shapes).
    ///
    /// - Throws: ``NetworkError/shapeMismatch(context:expected:actual:)`` when the lists do not
    ///   match each other or the optimiser's state.
    public mutating func update(parameters: inout [Tensor], gradients: [Tensor]) throws(NetworkError) {
        guard parameters.count == gradients.count,
              zip(parameters, gradients).allSatisfy({ $0.shape == $1.shape }) else {
            throw .shapeMismatch(
                context: "Adam.update", expected: parameters.map(\.count), actual: gradients.map(\.count))
        }
        if momentums.isEmpty {
            momentums = parameters.map { Tensor(shape: $0.shape) }
            velocities = parameters.map { Tensor(shape: $0.shape) }
        }
        guard momentums.count == parameters.count,
              zip(momentums, parameters).allSatisfy({ $0.shape == $1.shape }) else {
            throw .shapeMismatch(
                context: "Adam state", expected: parameters.map(\.count), actual: momentums.map(\.count))
        }
        var clipScale: Float = 1
        if let limit = globalClipNorm {
            let norm = Adam.globalNorm(gradients)
            if norm > Double(limit) { clipScale = Float(Double(limit) / norm) }
        }
        iterations += 1
        // Keras computes these powers and α in the variable's dtype (float32).
        let step = Float(iterations)
        let beta1Power = pow(beta1, step)
        let beta2Power = pow(beta2, step)
        let alpha = learningRate * (1 - beta2Power).squareRoot() / (1 - beta1Power)
        let oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2, eps = epsilon
        for index in parameters.indices {
            parameters[index].scalars.withUnsafeMutableBufferPointer { w in
                momentums[index].scalars.withUnsafeMutableBufferPointer { m in
                    velocities[index].scalars.withUnsafeMutableBufferPointer { v in
                        gradients[index].scalars.withUnsafeBufferPointer { g in
                            for k in 0..<w.count {
                                let gk = g[k] * clipScale
                                m[k] += (gk - m[k]) * oneMinusBeta1
                                v[k] += (gk * gk - v[k]) * oneMinusBeta2
                                w[k] -= m[k] * alpha / (v[k].squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
