import Testing
@testable import Generation

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
