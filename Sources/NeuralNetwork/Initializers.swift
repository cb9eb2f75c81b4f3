/// Weight initialisers with Keras's definitions, drawn from a ``SeededRandom``.
public enum Initializers {
    /// Glorot (Xavier) uniform: U(-l, l) with l = √(6 / (fanIn + fanOut)), Keras's default for
    /// `Dense` and LSTM `kernel`. For a `[rows, cols]` matrix fanIn = rows, fanOut = cols.
    public static func glorotUniform(rows: Int, cols: Int, random: inout SeededRandom) -> Tensor {
        let limit = (6.0 / Double(rows + cols)).squareRoot()
        var t = Tensor(shape: [rows, cols])
        for i in 0..<t.count {
            t.scalars[i] = Float((2 * random.nextUnitDouble() - 1) * limit)
        }
        return t
    }

    /// Orthogonal, Keras's default for LSTM `recurrent_kernel`: a normal matrix of shape
    /// `[max(r, c), min(r, c)]` is factored as QR with R's diagonal made positive, and Q
    /// (transposed when r < c) is the result, so its rows (r < c) or columns are orthonormal.
    ///
    /// Modified Gram–Schmidt in Double gives Q with a positive R diagonal directly, which is the
    /// same sign convention as Keras's `q *= sign(diag(r))`.
    public static func orthogonal(
        rows: Int, cols: Int, gain: Double = 1, random: inout SeededRandom
    ) -> Tensor {
        let tall = max(rows, cols), narrow = min(rows, cols)
        // Column j of the tall matrix is columns[j·tall ..< (j+1)·tall], drawn column by column.
        var columns = [Double](repeating: 0, count: tall * narrow)
        for k in 0..<columns.count { columns[k] = random.nextNormal() }
        columns.withUnsafeMutableBufferPointer { q in
            let q = q.baseAddress!
            for j in 0..<narrow {
                let cj = q + j * tall
                for p in 0..<j {
                    let cp = q + p * tall
                    var dot = 0.0
                    for i in 0..<tall { dot += cp[i] * cj[i] }
                    for i in 0..<tall { cj[i] -= dot * cp[i] }
                }
                var norm = 0.0
                for i in 0..<tall { norm += cj[i] * cj[i] }
                norm = norm.squareRoot()
                // A zero column has probability zero; keep the matrix finite regardless.
                let scale = norm > 0 ? 1 / norm : 0
                for i in 0..<tall { cj[i] *= scale }
            }
        }
        var t = Tensor(shape: [rows, cols])
        for r in 0..<rows {
            for c in 0..<cols {
                // Q is tall × narrow; when rows < cols the result is Qᵀ.
                let value = rows >= cols ? columns[c * tall + r] : columns[r * tall + c]
                t.scalars[r * cols + c] = Float(gain * value)
            }
        }
        return t
    }
}
