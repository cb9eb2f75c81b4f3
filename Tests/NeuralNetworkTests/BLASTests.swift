import Testing
@testable import NeuralNetwork

@Suite struct BLASTests {
    /// [[1,2,3],[4,5,6]] · [[1,0],[0,1],[1,1]] = [[4,5],[10,11]], by hand.
    @Test func multiplyByHand() throws {
        let c = try BLAS.multiply([1, 2, 3, 4, 5, 6], [1, 0, 0, 1, 1, 1], m: 2, n: 2, k: 3)
        #expect(c == [4, 5, 10, 11])
    }

    @Test func multiplyChecksSizes() {
        #expect(throws: NetworkError.self) { try BLAS.multiply([1, 2], [1], m: 1, n: 1, k: 3) }
    }

    /// The loader reports a core and, on an AVX-512 machine without a user setting, SkylakeX.
    @Test func loaderChoosesCoreFromCPUID() throws {
        let info = try BLAS.info()
        #expect(!info.coreName.isEmpty)
        if info.coreTypeChosenByLoader {
            #expect(info.coreType == BLAS.preferredCoreType())
            #expect(info.coreName.lowercased() == info.coreType?.lowercased())
        }
    }
}

import CNetworkKernels

/// The columns of the products below: a multiple of the kernel's 64-column panel.
private let packedColumns = 128

/// The packed recurrent-product kernel against BLAS, both packings. It runs where the kernel is
/// used (x86-64 with AVX-512, not turned off by RECOMPOSE_DISABLE_PACKED_GEMM) and is reported
/// as skipped elsewhere.
@Suite(.enabled(if: recompose_packed_gemm_available(packedColumns) != 0,
                "the packed kernel is not used here (needs x86-64 with AVX-512; RECOMPOSE_DISABLE_PACKED_GEMM unset)"))
struct PackedGEMMTests {
    /// Row counts covering every row block (6, 4, 2, 1) and their combinations.
    @Test(arguments: [false, true], [1, 2, 4, 8, 13, 16])
    func matchesBLAS(transposed: Bool, m: Int) throws {
        let n = packedColumns, k = 33
        let a = GradientCheck.uniform(m * k, seed: 1)
        // B as stored: k × n, or n × k when the product uses its transpose.
        let stored = GradientCheck.uniform(k * n, seed: 2)
        var b = stored
        if transposed {
            for q in 0..<k { for j in 0..<n { b[q * n + j] = stored[j * k + q] } }
        }
        let c0 = GradientCheck.uniform(m * n, seed: 3)
        let expected = try BLAS.multiply(a, b, m: m, n: n, k: k)
        var packed = [Float](repeating: 0, count: recompose_packed_size(k, n))
        recompose_pack_b(stored, k, n, transposed ? k : n, transposed ? 1 : 0, &packed)
        var c = c0
        recompose_gemm_packed_accumulate(m, n, k, a, k, packed, &c, n)
        for i in 0..<(m * n) {
            #expect(abs(c[i] - (c0[i] + expected[i])) < 1e-4)
        }
    }
}
