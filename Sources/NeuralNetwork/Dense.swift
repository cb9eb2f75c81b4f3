/// A fully connected layer, `y = activation(x · kernel + bias)`, with Keras's weight layout
/// (`kernel` `[input, output]`, `bias` `[output]`).
public struct Dense: Sendable, Equatable {
    /// The activation applied after the affine map.
    public enum Activation: String, Sendable, Codable {
        /// No activation: the softmax heads produce logits and the loss applies the softmax.
        case linear
        /// max(0, x).
        case relu
    }

    /// The size of each input vector.
    public let inputSize: Int
    /// The size of each output vector.
    public let outputSize: Int
    /// The activation.
    public let activation: Activation
    /// Weights `[inputSize, outputSize]`.
    public internal(set) var kernel: Tensor
    /// Biases `[outputSize]`.
    public internal(set) var bias: Tensor

    /// A layer initialised as Keras does: Glorot-uniform kernel, zero bias.
    ///
    /// - Throws: ``NetworkError/invalidConfiguration(_:)`` unless both sizes are positive.
    public init(
        inputSize: Int, outputSize: Int, activation: Activation, random: inout SeededRandom
    ) throws(NetworkError) {
        guard inputSize > 0, outputSize > 0 else {
            throw .invalidConfiguration("Dense sizes must be positive (input \(inputSize), output \(outputSize))")
        }
        self.inputSize = inputSize
        self.outputSize = outputSize
        self.activation = activation
        kernel = Initializers.glorotUniform(rows: inputSize, cols: outputSize, random: &random)
        bias = Tensor(shape: [outputSize])
    }

    /// A layer with the given weights.
    ///
    /// - Throws: ``NetworkError/shapeMismatch(context:expected:actual:)`` on a wrong shape.
    public init(kernel: Tensor, bias: Tensor, activation: Activation) throws(NetworkError) {
        guard kernel.shape.count == 2, kernel.shape[0] > 0, kernel.shape[1] > 0 else {
            throw .shapeMismatch(context: "Dense kernel", expected: [-1, -1], actual: kernel.shape)
        }
        guard bias.shape == [kernel.shape[1]] else {
            throw .shapeMismatch(context: "Dense bias", expected: [kernel.shape[1]], actual: bias.shape)
        }
        inputSize = kernel.shape[0]
        outputSize = kernel.shape[1]
        self.activation = activation
        self.kernel = kernel
        self.bias = bias
    }

    /// Gradients shaped like the weights.
    public struct Gradients: Sendable {
        /// d loss / d kernel.
        public var kernel: Tensor
        /// d loss / d bias.
        public var bias: Tensor
    }

    /// Zero gradients shaped like the weights.
    func zeroGradients() -> Gradients {
        Gradients(kernel: Tensor(shape: kernel.shape), bias: Tensor(shape: bias.shape))
    }

    /// The outputs `[rows][outputSize]` for inputs `[rows][inputSize]`.
    func forward(_ x: [Float], rows: Int) -> [Float] {
        var y = uninitializedFloats(rows * outputSize)
        let n = outputSize
        y.withUnsafeMutableBufferPointer { y in
            let yp = y.baseAddress!
            bias.scalars.withUnsafeBufferPointer { b in
                for r in 0..<rows {
                    for j in 0..<n { yp[r * n + j] = b[j] }
                }
            }
            x.withUnsafeBufferPointer { x in
                kernel.scalars.withUnsafeBufferPointer { w in
                    BLAS.sgemm(
                        transA: false, transB: false, m: rows, n: n, k: inputSize,
                        alpha: 1, a: x.baseAddress!, lda: inputSize, b: w.baseAddress!, ldb: n,
                        beta: 1, c: yp, ldc: n)
                }
            }
            if activation == .relu {
                for k in 0..<(rows * n) where yp[k] < 0 { yp[k] = 0 }
            }
        }
        return y
    }

    /// Accumulates weight gradients and returns d loss / d x.
    ///
    /// - Parameters:
    ///   - x: the forward input; `y`: the forward output (for the ReLU mask).
    ///   - outputGradient: d loss / d y.
    func backward(
        x: [Float], y: [Float], outputGradient: [Float], rows: Int,
        gradients: inout Gradients, needInputGradient: Bool = true
    ) -> [Float] {
        let n = outputSize, m = inputSize
        var dPre = outputGradient
        if activation == .relu {
            // ReLU passes gradient where its output is positive (Keras: 0 at 0).
            for k in 0..<dPre.count where y[k] <= 0 { dPre[k] = 0 }
        }
        dPre.withUnsafeBufferPointer { d in
            x.withUnsafeBufferPointer { x in
                gradients.kernel.scalars.withUnsafeMutableBufferPointer { dw in
                    BLAS.sgemm(
                        transA: true, transB: false, m: m, n: n, k: rows,
                        alpha: 1, a: x.baseAddress!, lda: m, b: d.baseAddress!, ldb: n,
                        beta: 1, c: dw.baseAddress!, ldc: n)
                }
            }
            gradients.bias.scalars.withUnsafeMutableBufferPointer { db in
                for r in 0..<rows {
                    for j in 0..<n { db[j] += d[r * n + j] }
                }
            }
        }
        guard needInputGradient else { return [] }
        var dx = uninitializedFloats(rows * m)
        dPre.withUnsafeBufferPointer { d in
            kernel.scalars.withUnsafeBufferPointer { w in
                dx.withUnsafeMutableBufferPointer { dx in
                    BLAS.sgemm(
                        transA: false, transB: true, m: rows, n: m, k: n,
                        alpha: 1, a: d.baseAddress!, lda: n, b: w.baseAddress!, ldb: n,
                        beta: 0, c: dx.baseAddress!, ldc: m)
                }
            }
        }
        return dx
    }
}
