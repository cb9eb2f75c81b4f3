import CNetworkKernels

/// A long short-term memory layer with Keras's weights, gate order and equations.
///
/// Weights (Keras names): `kernel` `[input, 4u]`, `recurrent_kernel` `[u, 4u]`, `bias` `[4u]`;
/// the four column blocks of each are the gates in Keras's order i, f, c, o. For input xₜ and
/// previous state (hₜ₋₁, cₜ₋₁):
///
///     z  = xₜ·kernel + hₜ₋₁·recurrent_kernel + bias
///     i  = σ(z_i)   f = σ(z_f)   g = tanh(z_c)   o = σ(z_o)     (σ: sigmoid)
///     cₜ = f ⊙ cₜ₋₁ + i ⊙ g
///     hₜ = o ⊙ tanh(cₜ)
///
/// Cost per time step and sequence, input size `n`, units `u`: `2·(n + u)·4u` FLOPs for the two
/// matrix products (`8u(n + u)`) plus about `10u` element-wise operations and `5u`
/// transcendental functions; backpropagation costs about twice the forward products. For the
/// seed's 256-unit layers fed by 256 units that is 1.05 MFLOP forward per step and sequence.
///
/// A batch is processed time-major: the input projection of all time steps is one GEMM
/// (`[T·B, n] × [n, 4u]`), then one recurrent GEMM (`[B, u] × [u, 4u]`) per step. A one-hot
/// input (``LSTMInput/oneHot(indices:activePerRow:)``) replaces the first GEMM by a sum of kernel
/// rows, which is the same product without multiplying by zeros.
public struct LSTM: Sendable, Equatable {
    /// The size of each input vector.
    public let inputSize: Int
    /// The number of units (size of h and c).
    public let units: Int
    /// Whether the layer outputs every hₜ (true) or only the last (false), as in Keras.
    public internal(set) var returnSequences: Bool
    /// Input weights `[inputSize, 4·units]`, gate blocks i, f, c, o.
    public internal(set) var kernel: Tensor
    /// Recurrent weights `[units, 4·units]`, gate blocks i, f, c, o.
    public internal(set) var recurrentKernel: Tensor
    /// Biases `[4·units]`, gate blocks i, f, c, o.
    public internal(set) var bias: Tensor

    /// A layer initialised as Keras does by default: Glorot-uniform `kernel`, orthogonal
    /// `recurrent_kernel`, zero `bias` except ones for the forget gate (`unit_forget_bias`).
    ///
    /// - Throws: ``NetworkError/invalidConfiguration(_:)`` unless both sizes are positive.
    public init(inputSize: Int, units: Int, returnSequences: Bool, random: inout SeededRandom) throws(NetworkError) {
        guard inputSize > 0, units > 0 else {
            throw .invalidConfiguration("LSTM sizes must be positive (input \(inputSize), units \(units))")
        }
        self.inputSize = inputSize
        self.units = units
        self.returnSequences = returnSequences
        kernel = Initializers.glorotUniform(rows: inputSize, cols: 4 * units, random: &random)
        recurrentKernel = Initializers.orthogonal(rows: units, cols: 4 * units, random: &random)
        bias = Tensor(shape: [4 * units])
        for j in units..<(2 * units) { bias.scalars[j] = 1 }
    }

    /// A layer with the given weights.
    ///
    /// - Throws: ``NetworkError/shapeMismatch(context:expected:actual:)`` when a weight's shape
    ///   does not fit `inputSize` and `units`.
    public init(
        inputSize: Int, units: Int, returnSequences: Bool,
        kernel: Tensor, recurrentKernel: Tensor, bias: Tensor
    ) throws(NetworkError) {
        guard inputSize > 0, units > 0 else {
            throw .invalidConfiguration("LSTM sizes must be positive (input \(inputSize), units \(units))")
        }
        guard kernel.shape == [inputSize, 4 * units] else {
            throw .shapeMismatch(context: "LSTM kernel", expected: [inputSize, 4 * units], actual: kernel.shape)
        }
        guard recurrentKernel.shape == [units, 4 * units] else {
            throw .shapeMismatch(
                context: "LSTM recurrent_kernel", expected: [units, 4 * units], actual: recurrentKernel.shape)
        }
        guard bias.shape == [4 * units] else {
            throw .shapeMismatch(context: "LSTM bias", expected: [4 * units], actual: bias.shape)
        }
        self.inputSize = inputSize
        self.units = units
        self.returnSequences = returnSequences
        self.kernel = kernel
        self.recurrentKernel = recurrentKernel
        self.bias = bias
    }

    /// FLOPs of the forward matrix products for one time step of one sequence: `8u(n + u)`.
    public var forwardFLOPsPerStep: Int { 8 * units * (inputSize + units) }

    /// Gradients of a loss with respect to the layer's weights, shaped like them.
    public struct Gradients: Sendable {
        /// d loss / d kernel.
        public var kernel: Tensor
        /// d loss / d recurrent_kernel.
        public var recurrentKernel: Tensor
        /// d loss / d bias.
        public var bias: Tensor
    }

    /// What the forward pass keeps for backpropagation, time-major.
    struct Trace: Sendable {
        let batch: Int
        let steps: Int
        let units: Int
        /// Activated gates i, f, g, o per step and sequence: `[T][B][4u]`.
        var gates: [Float]
        /// Cell states, slot 0 the initial state: `[T + 1][B][u]`.
        var cells: [Float]
        /// Hidden states, slot 0 the initial state: `[T + 1][B][u]`.
        var hidden: [Float]
        /// tanh(cₜ): `[T][B][u]`.
        var tanhCells: [Float]

        /// All outputs h₁…h_T, `[T][B][u]`.
        var sequenceOutput: ArraySlice<Float> { hidden[(batch * units)...] }
        /// h_T, `[B][u]`.
        var lastOutput: ArraySlice<Float> { hidden[(steps * batch * units)...] }
    }

    /// Runs the layer over a time-major batch.
    ///
    /// - Parameters:
    ///   - input: `[T][B][inputSize]` values, or one-hot indices.
    ///   - batch: B.
    ///   - steps: T.
    ///   - initialState: (h₀, c₀), each `[B][u]`; zeros when nil.
    func forward(
        _ input: LSTMInput, batch: Int, steps: Int, initialState: (h: [Float], c: [Float])? = nil
    ) -> Trace {
        let u = units, g4 = 4 * units, n = inputSize
        let rows = batch * steps
        var gates = uninitializedFloats(rows * g4)
        var cells = uninitializedFloats((steps + 1) * batch * u)
        var hidden = uninitializedFloats((steps + 1) * batch * u)
        var tanhCells = uninitializedFloats(rows * u)

        gates.withUnsafeMutableBufferPointer { z in
            let z = z.baseAddress!
            // Input projection of every time step at once.
            switch input {
            case .dense(let x):
                x.withUnsafeBufferPointer { x in
                    kernel.scalars.withUnsafeBufferPointer { w in
                        BLAS.sgemm(
                            transA: false, transB: false, m: rows, n: g4, k: n,
                            alpha: 1, a: x.baseAddress!, lda: n, b: w.baseAddress!, ldb: g4,
                            beta: 0, c: z, ldc: g4)
                    }
                }
                bias.scalars.withUnsafeBufferPointer { b in
                    for r in 0..<rows {
                        let row = z + r * g4
                        for j in 0..<g4 { row[j] += b[j] }
                    }
                }
            case .oneHot(let indices, let active):
                LSTM.addKernelRows(indices, active: active, rows: rows, kernel: kernel, bias: bias, into: z)
            case .mixed(let indices, let active, let values, let width):
                LSTM.addKernelRows(indices, active: active, rows: rows, kernel: kernel, bias: bias, into: z)
                // The dense values meet the last `width` rows of the kernel.
                values.withUnsafeBufferPointer { x in
                    kernel.scalars.withUnsafeBufferPointer { w in
                        BLAS.sgemm(
                            transA: false, transB: false, m: rows, n: g4, k: width,
                            alpha: 1, a: x.baseAddress!, lda: width, b: w.baseAddress! + (n - width) * g4, ldb: g4,
                            beta: 1, c: z, ldc: g4)
                    }
                }
            }
        }

        hidden.withUnsafeMutableBufferPointer { h in
            cells.withUnsafeMutableBufferPointer { c in
                if let initialState {
                    for k in 0..<(batch * u) {
                        h[k] = initialState.h[k]
                        c[k] = initialState.c[k]
                    }
                } else {
                    for k in 0..<(batch * u) { h[k] = 0; c[k] = 0 }
                }
            }
        }

        // The recurrent weights are multiplied at every step: pack them once for the whole
        // sequence when the packed kernel applies (long sequences; one-step generation keeps BLAS).
        let packed = steps >= LSTM.packingThreshold && recompose_packed_gemm_available(g4) != 0
            ? LSTM.pack(recurrentKernel.scalars, k: u, n: g4, ldb: g4, transposed: false) : nil
        gates.withUnsafeMutableBufferPointer { zBuffer in
            hidden.withUnsafeMutableBufferPointer { hBuffer in
                cells.withUnsafeMutableBufferPointer { cBuffer in
                    tanhCells.withUnsafeMutableBufferPointer { tcBuffer in
                        recurrentKernel.scalars.withUnsafeBufferPointer { uBuffer in
                            let z = zBuffer.baseAddress!, h = hBuffer.baseAddress!
                            let c = cBuffer.baseAddress!, tc = tcBuffer.baseAddress!
                            for t in 0..<steps {
                                let zt = z + t * batch * g4
                                let hPrev = h + t * batch * u
                                if let packed {
                                    packed.withUnsafeBufferPointer { p in
                                        recompose_gemm_packed_accumulate(batch, g4, u, hPrev, u, p.baseAddress!, zt, g4)
                                    }
                                } else {
                                    BLAS.sgemm(
                                        transA: false, transB: false, m: batch, n: g4, k: u,
                                        alpha: 1, a: hPrev, lda: u, b: uBuffer.baseAddress!, ldb: g4,
                                        beta: 1, c: zt, ldc: g4)
                                }
                                LSTM.cellForward(
                                    gates: zt, cPrev: c + t * batch * u,
                                    cNext: c + (t + 1) * batch * u, hNext: h + (t + 1) * batch * u,
                                    tanhC: tc + t * batch * u, batch: batch, units: u)
                            }
                        }
                    }
                }
            }
        }
        if var packed { recycle(&packed) }
        return Trace(batch: batch, steps: steps, units: u, gates: gates, cells: cells, hidden: hidden, tanhCells: tanhCells)
    }

    /// Activates one step's pre-activations in place and advances the cell, for B sequences.
    /// The element-wise work runs in C (Sources/CNetworkKernels/lstm_kernels.c), vectorised with a
    /// polynomial exp for the machine's widest vector unit.
    @inline(__always)
    static func cellForward(
        gates z: UnsafeMutablePointer<Float>, cPrev: UnsafePointer<Float>,
        cNext: UnsafeMutablePointer<Float>, hNext: UnsafeMutablePointer<Float>,
        tanhC: UnsafeMutablePointer<Float>, batch: Int, units u: Int
    ) {
        recompose_lstm_cell_forward(z, cPrev, cNext, hNext, tanhC, batch, u)
    }

    /// Backpropagates through time.
    ///
    /// - Parameters:
    ///   - trace: the forward pass's record, consumed: its gate buffer is reused for the gate
    ///     gradients (each step's gates are dead once that step's gradients exist), which saves
    ///     an allocation the size of the largest buffer of the pass.
    ///   - input: the forward pass's input.
    ///   - outputGradient: d loss / d output: `[T][B][u]` when `returnSequences`, else `[B][u]`.
    ///   - gradients: accumulated into (`+=`), so several batches can share one buffer.
    ///   - needInputGradient: whether to compute d loss / d input (`[T][B][inputSize]`);
    ///     never for one-hot inputs.
    /// - Returns: d loss / d input when requested and the input is dense, else an empty array.
    func backward(
        trace: inout Trace, input: LSTMInput, outputGradient: [Float],
        gradients: inout Gradients, needInputGradient: Bool
    ) -> [Float] {
        let u = units, g4 = 4 * units, n = inputSize
        let batch = trace.batch, steps = trace.steps, rows = batch * steps
        var dZ = trace.gates
        trace.gates = []  // leaves dZ the buffer's only owner when the caller gave up its copy
        var dhNext = [Float](repeating: 0, count: batch * u)
        var dcNext = [Float](repeating: 0, count: batch * u)
        // dh = dZ · recurrent_kernelᵀ at every step: pack the transpose once.
        let packed = steps >= LSTM.packingThreshold && recompose_packed_gemm_available(u) != 0
            ? LSTM.pack(recurrentKernel.scalars, k: g4, n: u, ldb: g4, transposed: true) : nil

        dZ.withUnsafeMutableBufferPointer { dzBuffer in
            let dz = dzBuffer.baseAddress!
            do {
                trace.cells.withUnsafeBufferPointer { cBuffer in
                    trace.tanhCells.withUnsafeBufferPointer { tcBuffer in
                        outputGradient.withUnsafeBufferPointer { dyBuffer in
                            dhNext.withUnsafeMutableBufferPointer { dhBuffer in
                                dcNext.withUnsafeMutableBufferPointer { dcBuffer in
                                    recurrentKernel.scalars.withUnsafeBufferPointer { uBuffer in
                                        let gates = UnsafePointer(dz), cells = cBuffer.baseAddress!
                                        let tanhC = tcBuffer.baseAddress!, dy = dyBuffer.baseAddress!
                                        let dh = dhBuffer.baseAddress!, dc = dcBuffer.baseAddress!
                                        for t in stride(from: steps - 1, through: 0, by: -1) {
                                            // Output gradient of this step joins the recurrent one.
                                            if returnSequences {
                                                let dyt = dy + t * batch * u
                                                for k in 0..<(batch * u) { dh[k] += dyt[k] }
                                            } else if t == steps - 1 {
                                                for k in 0..<(batch * u) { dh[k] += dy[k] }
                                            }
                                            LSTM.cellBackward(
                                                gates: gates + t * batch * g4, cPrev: cells + t * batch * u,
                                                tanhC: tanhC + t * batch * u, dh: dh, dc: dc,
                                                dZ: dz + t * batch * g4, batch: batch, units: u)
                                            if t > 0, let packed {
                                                // cellBackward left dh zeroed: accumulate into it.
                                                packed.withUnsafeBufferPointer { p in
                                                    recompose_gemm_packed_accumulate(
                                                        batch, u, g4, dz + t * batch * g4, g4, p.baseAddress!, dh, u)
                                                }
                                            } else if t > 0 {
                                                BLAS.sgemm(
                                                    transA: false, transB: true, m: batch, n: u, k: g4,
                                                    alpha: 1, a: dz + t * batch * g4, lda: g4,
                                                    b: uBuffer.baseAddress!, ldb: g4,
                                                    beta: 0, c: dh, ldc: u)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        if var packed { recycle(&packed) }

        // Weight gradients over all steps at once.
        dZ.withUnsafeBufferPointer { dzBuffer in
            let dz = dzBuffer.baseAddress!
            trace.hidden.withUnsafeBufferPointer { hBuffer in
                gradients.recurrentKernel.scalars.withUnsafeMutableBufferPointer { du in
                    BLAS.sgemm(
                        transA: true, transB: false, m: u, n: g4, k: rows,
                        alpha: 1, a: hBuffer.baseAddress!, lda: u, b: dz, ldb: g4,
                        beta: 1, c: du.baseAddress!, ldc: g4)
                }
            }
            gradients.bias.scalars.withUnsafeMutableBufferPointer { db in
                for r in 0..<rows {
                    let row = dz + r * g4
                    for j in 0..<g4 { db[j] += row[j] }
                }
            }
            switch input {
            case .dense(let x):
                x.withUnsafeBufferPointer { x in
                    gradients.kernel.scalars.withUnsafeMutableBufferPointer { dw in
                        BLAS.sgemm(
                            transA: true, transB: false, m: n, n: g4, k: rows,
                            alpha: 1, a: x.baseAddress!, lda: n, b: dz, ldb: g4,
                            beta: 1, c: dw.baseAddress!, ldc: g4)
                    }
                }
            case .oneHot(let indices, let active):
                LSTM.scatterKernelRows(indices, active: active, rows: rows, gateGradients: dz, into: &gradients.kernel)
            case .mixed(let indices, let active, let values, let width):
                LSTM.scatterKernelRows(indices, active: active, rows: rows, gateGradients: dz, into: &gradients.kernel)
                values.withUnsafeBufferPointer { x in
                    gradients.kernel.scalars.withUnsafeMutableBufferPointer { dw in
                        BLAS.sgemm(
                            transA: true, transB: false, m: width, n: g4, k: rows,
                            alpha: 1, a: x.baseAddress!, lda: width, b: dz, ldb: g4,
                            beta: 1, c: dw.baseAddress! + (n - width) * g4, ldc: g4)
                    }
                }
            }
        }

        guard needInputGradient, case .dense = input else {
            recycle(&dZ)
            return []
        }
        var dx = uninitializedFloats(rows * n)
        dZ.withUnsafeBufferPointer { dz in
            kernel.scalars.withUnsafeBufferPointer { w in
                dx.withUnsafeMutableBufferPointer { dx in
                    BLAS.sgemm(
                        transA: false, transB: true, m: rows, n: n, k: g4,
                        alpha: 1, a: dz.baseAddress!, lda: g4, b: w.baseAddress!, ldb: g4,
                        beta: 0, c: dx.baseAddress!, ldc: n)
                }
            }
        }
        recycle(&dZ)
        return dx
    }

    /// One step of backpropagation through the cell for B sequences: from dh (which it consumes)
    /// and the carried dc (which it updates to d cₜ₋₁) to the pre-activation gradients dZ.
    @inline(__always)
    static func cellBackward(
        gates: UnsafePointer<Float>, cPrev: UnsafePointer<Float>, tanhC: UnsafePointer<Float>,
        dh: UnsafeMutablePointer<Float>, dc: UnsafeMutablePointer<Float>,
        dZ: UnsafeMutablePointer<Float>, batch: Int, units u: Int
    ) {
        recompose_lstm_cell_backward(gates, cPrev, tanhC, dh, dc, dZ, batch, u)
    }

    /// z = bias + the kernel rows of each row's active one-hot indices, `[rows][4u]`.
    static func addKernelRows(
        _ indices: [Int32], active: Int, rows: Int, kernel: Tensor, bias: Tensor, into z: UnsafeMutablePointer<Float>
    ) {
        let g4 = bias.count
        kernel.scalars.withUnsafeBufferPointer { w in
            bias.scalars.withUnsafeBufferPointer { b in
                indices.withUnsafeBufferPointer { idx in
                    for r in 0..<rows {
                        let row = z + r * g4
                        for j in 0..<g4 { row[j] = b[j] }
                        for a in 0..<active {
                            let wr = w.baseAddress! + Int(idx[r * active + a]) * g4
                            for j in 0..<g4 { row[j] += wr[j] }
                        }
                    }
                }
            }
        }
    }

    /// The kernel gradient of one-hot rows: each row's gate gradients added to the rows of its
    /// active indices.
    static func scatterKernelRows(
        _ indices: [Int32], active: Int, rows: Int, gateGradients dz: UnsafePointer<Float>, into kernel: inout Tensor
    ) {
        let g4 = kernel.shape[1]
        indices.withUnsafeBufferPointer { idx in
            kernel.scalars.withUnsafeMutableBufferPointer { dw in
                for r in 0..<rows {
                    let row = dz + r * g4
                    for a in 0..<active {
                        let target = dw.baseAddress! + Int(idx[r * active + a]) * g4
                        for j in 0..<g4 { target[j] += row[j] }
                    }
                }
            }
        }
    }

    /// Sequences at least this long get their recurrent weights packed once per pass.
    static let packingThreshold = 4

    /// A packed copy of a k × n matrix (or of the transpose of the stored n × k matrix).
    static func pack(_ b: [Float], k: Int, n: Int, ldb: Int, transposed: Bool) -> [Float] {
        var packed = uninitializedFloats(recompose_packed_size(k, n))
        b.withUnsafeBufferPointer { b in
            packed.withUnsafeMutableBufferPointer { p in
                recompose_pack_b(b.baseAddress!, k, n, ldb, transposed ? 1 : 0, p.baseAddress!)
            }
        }
        return packed
    }

    /// Zero gradients shaped like this layer's weights.
    func zeroGradients() -> Gradients {
        Gradients(
            kernel: Tensor(shape: kernel.shape), recurrentKernel: Tensor(shape: recurrentKernel.shape),
            bias: Tensor(shape: bias.shape))
    }
}

/// The input of an ``LSTM`` layer for a whole time-major batch.
public enum LSTMInput: Sendable {
    /// Dense input vectors `[T][B][inputSize]`.
    case dense([Float])
    /// One-hot input: each of the T·B rows has `activePerRow` ones at the given column indices
    /// (e.g. a note id and a duration id offset by the note vocabulary size), zeros elsewhere.
    case oneHot(indices: [Int32], activePerRow: Int)
    /// One-hot indices as in ``oneHot(indices:activePerRow:)`` followed by `width` dense values
    /// per row (`values` `[T][B][width]`), which meet the last `width` rows of the kernel: the
    /// elements' ids and their conditioning (meter, the other hand) side by side.
    case mixed(indices: [Int32], activePerRow: Int, values: [Float], width: Int)
}
