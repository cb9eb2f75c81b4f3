import NeuralNetwork

/// Direct sgemm calls for the shape diagnostics, through the library's `package` entry (the
/// benchmark is a target of the same package; the entry is not public API).
enum BLASBench {
    static func gemm(
        _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>
    ) {
        BLAS.rawSgemm(
            transA: transA, transB: transB, m: m, n: n, k: k, alpha: 1, a: a, lda: transA ? m : k,
            b: b, ldb: transB ? k : n, beta: 0, c: c, ldc: n)
    }
}
