#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNetworkKernels

/// The BLAS routines the network needs, resolved at first use from OpenBLAS.
///
/// OpenBLAS is deliberately not linked at launch. It picks its compute kernels once, when it is
/// loaded, and Debian's OpenBLAS 0.3.21 does not recognise recent processors (Sapphire Rapids
/// among them): it falls back to its SSE3 "Prescott" kernels, about five times slower than the
/// AVX-512 "SkylakeX" ones on the same machine. Setting `OPENBLAS_CORETYPE` from inside a
/// program that already linked the library is too late, so this type:
///
/// 1. leaves `OPENBLAS_CORETYPE` alone when the user has set it, and also when
///    `RECOMPOSE_BLAS_CORETYPE=auto` asks for OpenBLAS's own detection;
/// 2. otherwise sets it from CPUID: AVX-512F (with OS support) → `SkylakeX`,
///    AVX2 + FMA → `Haswell`; on other processors it is left unset and OpenBLAS decides;
/// 3. opens the library with `dlopen` (`RECOMPOSE_BLAS_LIBRARY` names a path to use instead of
///    the default `libopenblas.so.0` / `libopenblas.so`) and resolves the symbols with `dlsym`.
///
/// When no library can be opened, every network operation throws
/// ``NetworkError/blasUnavailable(_:)`` instead of crashing.
///
/// On macOS the natural backend is Accelerate's `cblas_sgemm` (always present, tuned by Apple);
/// this loader looks for `libopenblas.dylib` there and is Linux-first.
public enum BLAS {
    /// What was loaded and how: the library path, the core type OpenBLAS reports, and whether the
    /// core type was chosen by this loader or by the user's environment.
    public struct Info: Sendable, Equatable {
        /// The library name or path that `dlopen` accepted.
        public let library: String
        /// The kernel family OpenBLAS runs (`openblas_get_corename`), e.g. `SkylakeX`.
        public let coreName: String
        /// The `OPENBLAS_CORETYPE` value in effect when the library loaded, if any.
        public let coreType: String?
        /// True when this loader set `OPENBLAS_CORETYPE` (the user had not).
        public let coreTypeChosenByLoader: Bool
        /// The number of threads OpenBLAS uses.
        public let threads: Int
    }

    /// Loads OpenBLAS if needed and describes it.
    ///
    /// - Throws: ``NetworkError/blasUnavailable(_:)`` when the library or a symbol is missing.
    public static func info() throws(NetworkError) -> Info {
        try library().info
    }

    /// Sets the number of threads OpenBLAS uses for later calls.
    public static func setThreads(_ count: Int) throws(NetworkError) {
        let lib = try library()
        lib.setThreads?(Int32(max(1, count)))
    }

    /// The core type to request for this processor, from CPUID; nil when OpenBLAS's own
    /// detection should be trusted.
    public static func preferredCoreType() -> String? {
        if recompose_cpu_has_avx512f() != 0 { return "SkylakeX" }
        if recompose_cpu_has_avx2() != 0 { return "Haswell" }
        return nil
    }

    /// Single-precision general matrix product, row-major:
    /// `C = alpha · op(A) · op(B) + beta · C`, `op(A)` being `m × k` and `op(B)` `k × n`.
    ///
    /// The caller guarantees the pointers cover the described matrices.
    @inline(__always)
    static func sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        // The library is loaded before any tensor work starts (Network entry points call
        // `BLAS.require()`), so this path never fails.
        guard case .success(let lib) = loaded else { return }
        lib.sgemm(
            rowMajor, transA ? trans : noTrans, transB ? trans : noTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
            beta, c, Int32(ldc))
    }

    /// `sgemm` on raw pointers for benchmarks and diagnostics; a no-op when OpenBLAS is missing
    /// (call ``require()`` first). The caller guarantees the pointers cover the matrices.
    public static func rawSgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
              b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    /// Makes sure the library is loaded, throwing a typed error when it cannot be.
    public static func require() throws(NetworkError) {
        _ = try library()
    }

    // CBLAS enumeration values, fixed by the CBLAS standard.
    private static let rowMajor: Int32 = 101
    private static let noTrans: Int32 = 111
    private static let trans: Int32 = 112

    typealias SgemmFunction = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Float,
        UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32, Float,
        UnsafeMutablePointer<Float>?, Int32
    ) -> Void
    typealias SetThreadsFunction = @convention(c) (Int32) -> Void
    typealias GetThreadsFunction = @convention(c) () -> Int32
    typealias CoreNameFunction = @convention(c) () -> UnsafeMutablePointer<CChar>?

    struct Library: @unchecked Sendable {
        // Function pointers into a library that is never closed: safe to share across threads.
        let sgemm: SgemmFunction
        let setThreads: SetThreadsFunction?
        let info: Info
    }

    private static func library() throws(NetworkError) -> Library {
        switch loaded {
        case .success(let lib): return lib
        case .failure(let error): throw error
        }
    }

    /// Loaded once per process; Swift runs a global's initialiser exactly once, thread-safely.
    private static let loaded: Result<Library, NetworkError> = load()

    private static func load() -> Result<Library, NetworkError> {
        var chosen = false
        let userCore = getenv("OPENBLAS_CORETYPE").map { String(cString: $0) }
        var coreType = userCore
        let optOut = getenv("RECOMPOSE_BLAS_CORETYPE").map { String(cString: $0) } == "auto"
        if userCore == nil || userCore == "", !optOut, let preferred = preferredCoreType() {
            setenv("OPENBLAS_CORETYPE", preferred, 1)
            coreType = preferred
            chosen = true
        }
        var candidates: [String] = []
        if let custom = getenv("RECOMPOSE_BLAS_LIBRARY") {
            candidates.append(String(cString: custom))
        }
        #if canImport(Darwin)
        candidates += ["libopenblas.dylib", "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
                       "/usr/local/opt/openblas/lib/libopenblas.dylib"]
        #else
        candidates += ["libopenblas.so.0", "libopenblas.so"]
        #endif
        var handle: UnsafeMutableRawPointer?
        var opened = ""
        var errors: [String] = []
        for name in candidates {
            if let h = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
                handle = h
                opened = name
                break
            }
            errors.append(dlerror().map { String(cString: $0) } ?? name)
        }
        guard let handle else {
            return .failure(.blasUnavailable(
                "could not open OpenBLAS (install libopenblas0, or set RECOMPOSE_BLAS_LIBRARY): "
                    + errors.joined(separator: "; ")))
        }
        guard let sgemmSymbol = dlsym(handle, "cblas_sgemm") else {
            return .failure(.blasUnavailable("\(opened) has no cblas_sgemm symbol"))
        }
        let sgemm = unsafeBitCast(sgemmSymbol, to: SgemmFunction.self)
        let setThreads = dlsym(handle, "openblas_set_num_threads")
            .map { unsafeBitCast($0, to: SetThreadsFunction.self) }
        let getThreads = dlsym(handle, "openblas_get_num_threads")
            .map { unsafeBitCast($0, to: GetThreadsFunction.self) }
        let coreName = dlsym(handle, "openblas_get_corename")
            .map { unsafeBitCast($0, to: CoreNameFunction.self) }
            .flatMap { $0() }
            .map { String(cString: $0) } ?? "unknown"
        let info = Info(
            library: opened, coreName: coreName, coreType: coreType,
            coreTypeChosenByLoader: chosen, threads: Int(getThreads?() ?? 1))
        return .success(Library(sgemm: sgemm, setThreads: setThreads, info: info))
    }
}

extension BLAS {
    /// The row-major product `a · b` of an `m × k` and a `k × n` matrix.
    ///
    /// - Throws: ``NetworkError/shapeMismatch(context:expected:actual:)`` when the arrays do not
    ///   hold the described matrices; ``NetworkError/blasUnavailable(_:)``.
    public static func multiply(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int) throws(NetworkError) -> [Float] {
        try require()
        guard a.count == m * k, b.count == k * n else {
            throw .shapeMismatch(context: "BLAS.multiply", expected: [m * k, k * n], actual: [a.count, b.count])
        }
        var c = [Float](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return c }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    sgemm(
                        transA: false, transB: false, m: m, n: n, k: k, alpha: 1,
                        a: a.baseAddress!, lda: max(k, 1), b: b.baseAddress!, ldb: max(n, 1),
                        beta: 0, c: c.baseAddress!, ldc: n)
                }
            }
        }
        return c
    }
}
