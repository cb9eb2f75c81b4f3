#if canImport(Accelerate)
import Accelerate
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNetworkKernels
import Synchronization

/// The matrix product the network runs on: OpenBLAS's `cblas_sgemm`, opened at first use, or
/// Accelerate's on Apple platforms.
///
/// OpenBLAS is deliberately not linked at launch. It picks its compute kernels once, when it is
/// loaded, and Debian's OpenBLAS 0.3.21 does not recognise recent processors (Sapphire Rapids
/// among them): it falls back to its SSE3 "Prescott" kernels, about five times slower than the
/// AVX-512 "SkylakeX" ones on the same machine. Setting `OPENBLAS_CORETYPE` from inside a
/// program that already linked the library is too late, so the library is opened with `dlopen`
/// when the first matrix product needs it, or earlier when you call ``load(_:)``.
///
/// ## Process-wide state
///
/// Loading touches state that belongs to the whole process, once, as ``Configuration`` says:
/// - With the default core type, `Configuration.CoreType.automatic`, and no
///   `OPENBLAS_CORETYPE` in the environment, it **sets `OPENBLAS_CORETYPE`** (from CPUID) while
///   `dlopen` runs, and restores the environment afterwards. `setenv` is not safe while other
///   threads read the environment: call ``load(_:)`` at start-up if that matters to you.
/// - It **sets OpenBLAS's thread count** (`openblas_set_num_threads`) to
///   ``Configuration/threads`` — 1 by default, because the network parallelises training over
///   the windows of a batch itself (``SequenceModel/train(_:optimizer:random:threads:)``). Any
///   other code in the process using the same OpenBLAS sees that count.
///
/// Neither changes afterwards: training and inference never touch the environment or the
/// thread count. Every entry point that multiplies matrices (``multiply(_:_:m:n:k:)``,
/// ``SequenceModel``'s training, loss, prediction and generation methods) loads the library with
/// the default ``Configuration`` if it is not loaded yet; call ``load(_:)`` first to choose.
///
/// When no library can be opened, every network operation throws
/// ``NetworkError/blasUnavailable(_:)`` instead of crashing.
///
/// On Apple platforms matrix products go through Accelerate's `cblas_sgemm` instead (always
/// present, tuned by Apple), nothing is opened and the configuration is ignored. That path is
/// not built or tested here (Linux only).
public enum BLAS {
    /// How the library is loaded: the kernel family, the library file and the thread count.
    /// Applied once, by the first ``BLAS/load(_:)`` or matrix product; ignored with Accelerate.
    public struct Configuration: Sendable, Hashable {
        /// Which kernel family OpenBLAS is asked for (through `OPENBLAS_CORETYPE`).
        public enum CoreType: Sendable, Hashable {
            /// `OPENBLAS_CORETYPE` when the environment sets it; else, unless
            /// `RECOMPOSE_BLAS_CORETYPE=auto`, the family CPUID supports
            /// (``BLAS/preferredCoreType()``: AVX-512F → `SkylakeX`, AVX2 + FMA → `Haswell`);
            /// else OpenBLAS's own detection.
            case automatic
            /// OpenBLAS's own detection (or `OPENBLAS_CORETYPE` from the environment); the
            /// environment is left alone.
            case detectedByOpenBLAS
            /// This kernel family, e.g. `Haswell`, whatever the environment says.
            case named(String)
        }

        /// Which kernel family to ask for. Default `automatic`.
        public var coreType: CoreType
        /// The library to open; `nil` means `$RECOMPOSE_BLAS_LIBRARY` if set, else
        /// `libopenblas.so.0`, then `libopenblas.so`.
        public var library: String?
        /// OpenBLAS's thread count for every product in the process, set once at load; `nil`
        /// leaves OpenBLAS's own (`OPENBLAS_NUM_THREADS`, else every core). Default 1: the
        /// network runs its own threads (one BLAS thread each), and several threads calling a
        /// multi-threaded OpenBLAS at once wait for each other.
        public var threads: Int?

        /// A configuration; the defaults are what the first matrix product uses.
        public init(coreType: CoreType = .automatic, library: String? = nil, threads: Int? = 1) {
            self.coreType = coreType
            self.library = library
            self.threads = threads
        }
    }

    /// What was loaded and how: the library path, the core type OpenBLAS reports, and whether the
    /// core type was chosen by this loader or by the user's environment.
    public struct Info: Sendable, Equatable {
        /// The library name or path that `dlopen` accepted (`Accelerate` on Apple platforms).
        public let library: String
        /// The kernel family OpenBLAS runs (`openblas_get_corename`), e.g. `SkylakeX`.
        public let coreName: String
        /// The `OPENBLAS_CORETYPE` value in effect when the library loaded, if any.
        public let coreType: String?
        /// True when this loader set `OPENBLAS_CORETYPE` (the user had not).
        public let coreTypeChosenByLoader: Bool
        /// The number of threads OpenBLAS uses (0 when the library decides, as Accelerate does).
        public let threads: Int
        /// The configuration the library was loaded with: the first one asked for, which may not
        /// be the one a later ``BLAS/load(_:)`` passed.
        public let configuration: Configuration
    }

    /// Loads the library with `configuration` unless it is loaded already, and describes it.
    ///
    /// The first call, or the first matrix product if it comes earlier, decides: later calls
    /// change nothing and return the ``Info`` of the library in effect, whose
    /// ``Info/configuration`` tells whether yours was applied. Loading sets process-wide state
    /// (see ``BLAS``, "Process-wide state").
    ///
    /// - Throws: ``NetworkError/blasUnavailable(_:)`` when the library or a symbol is missing.
    @discardableResult
    public static func load(_ configuration: Configuration = Configuration()) throws(NetworkError) -> Info {
        requested.withLock { if $0 == nil { $0 = configuration } }
        return try library().info
    }

    /// Loads the library if needed (with the default ``Configuration`` unless ``load(_:)`` ran
    /// first) and describes it.
    ///
    /// - Throws: ``NetworkError/blasUnavailable(_:)`` when the library or a symbol is missing.
    public static func info() throws(NetworkError) -> Info {
        try library().info
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
        #if canImport(Accelerate)
        // Untested: not built here. `numericCast` fits both the classic CBLAS header (Int32) and
        // the one behind ACCELERATE_NEW_LAPACK (`__LAPACK_int`); the classic one is marked
        // deprecated since macOS 13.3, and the new one needs `-Xcc -DACCELERATE_NEW_LAPACK`.
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            numericCast(m), numericCast(n), numericCast(k), alpha, a, numericCast(lda),
            b, numericCast(ldb), beta, c, numericCast(ldc))
        #else
        // The library is loaded before any tensor work starts (Network entry points call
        // `BLAS.require()`), so this path never fails.
        guard case .success(let lib) = loaded, let sgemm = lib.sgemm else { return }
        if m == 1, let sgemv = lib.sgemv {
            // One row — a generation step: OpenBLAS's sgemm would copy (pack) all of B for a
            // single row, which costs more than the product; a matrix-vector product reads B once.
            // C (1 × n) = op(A) (1 × k) · op(B) (k × n) is y = op(B)ᵀ · x.
            sgemv(rowMajor, transB ? noTrans : trans, Int32(transB ? n : k), Int32(transB ? k : n), alpha,
                  b, Int32(ldb), a, Int32(transA ? lda : 1), beta, c, 1)
            return
        }
        sgemm(
            rowMajor, transA ? trans : noTrans, transB ? trans : noTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
            beta, c, Int32(ldc))
        #endif
    }

    /// `sgemm` on raw pointers for the benchmark target; a no-op when OpenBLAS is missing
    /// (call ``require()`` first). The caller guarantees the pointers cover the matrices.
    package static func rawSgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
              b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    /// Makes sure the library is loaded (with the default ``Configuration`` unless ``load(_:)``
    /// ran first), throwing a typed error when it cannot be.
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
    typealias SgemvFunction = @convention(c) (
        Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
        UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32
    ) -> Void
    typealias SetThreadsFunction = @convention(c) (Int32) -> Void
    typealias GetThreadsFunction = @convention(c) () -> Int32
    typealias CoreNameFunction = @convention(c) () -> UnsafeMutablePointer<CChar>?

    struct Library: @unchecked Sendable {
        // Function pointers into a library that is never closed: safe to share across threads.
        // Nil with Accelerate, which is called directly.
        let sgemm: SgemmFunction?
        /// `cblas_sgemv`, for products of one row; nil where the library lacks it.
        var sgemv: SgemvFunction? = nil
        let info: Info
    }

    private static func library() throws(NetworkError) -> Library {
        switch loaded {
        case .success(let lib): return lib
        case .failure(let error): throw error
        }
    }

    /// The configuration of the first ``load(_:)``, or the default one if a product came first.
    private static let requested = Mutex<Configuration?>(nil)

    /// Loaded once per process; Swift runs a global's initialiser exactly once, thread-safely,
    /// and reading it afterwards costs no lock on the matrix products' path.
    private static let loaded: Result<Library, NetworkError> = open(requested.withLock { requested in
        if requested == nil { requested = Configuration() }
        return requested!
    })

    private static func open(_ configuration: Configuration) -> Result<Library, NetworkError> {
        #if canImport(Accelerate)
        return .success(Library(sgemm: nil, info: Info(
            library: "Accelerate", coreName: "Accelerate", coreType: nil, coreTypeChosenByLoader: false,
            threads: 0, configuration: configuration)))
        #else
        func environment(_ name: String) -> String? {
            getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let userCore = environment("OPENBLAS_CORETYPE")
        var coreType = userCore
        switch configuration.coreType {
        case .automatic:
            if userCore == nil, environment("RECOMPOSE_BLAS_CORETYPE") != "auto" {
                coreType = preferredCoreType()
            }
        case .detectedByOpenBLAS:
            break
        case .named(let name):
            coreType = name
        }
        let chosen = coreType != nil && coreType != userCore

        var candidates: [String] = []
        if let custom = configuration.library ?? environment("RECOMPOSE_BLAS_LIBRARY") {
            candidates.append(custom)
        }
        candidates += ["libopenblas.so.0", "libopenblas.so"]
        var handle: UnsafeMutableRawPointer?
        var opened = ""
        var errors: [String] = []
        // OpenBLAS reads OPENBLAS_CORETYPE once, while it initialises inside dlopen; the
        // environment is put back as it was right after.
        let previous = getenv("OPENBLAS_CORETYPE").map { String(cString: $0) }
        if chosen, let coreType { setenv("OPENBLAS_CORETYPE", coreType, 1) }
        for name in candidates {
            if let h = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
                handle = h
                opened = name
                break
            }
            errors.append(dlerror().map { String(cString: $0) } ?? name)
        }
        if chosen {
            if let previous { setenv("OPENBLAS_CORETYPE", previous, 1) } else { unsetenv("OPENBLAS_CORETYPE") }
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
        if let threads = configuration.threads, let setThreads = dlsym(handle, "openblas_set_num_threads") {
            unsafeBitCast(setThreads, to: SetThreadsFunction.self)(Int32(clamping: max(1, threads)))
        }
        let getThreads = dlsym(handle, "openblas_get_num_threads")
            .map { unsafeBitCast($0, to: GetThreadsFunction.self) }
        let coreName = dlsym(handle, "openblas_get_corename")
            .map { unsafeBitCast($0, to: CoreNameFunction.self) }
            .flatMap { $0() }
            .map { String(cString: $0) } ?? "unknown"
        let info = Info(
            library: opened, coreName: coreName, coreType: coreType, coreTypeChosenByLoader: chosen,
            threads: Int(getThreads?() ?? 1), configuration: configuration)
        let sgemv = dlsym(handle, "cblas_sgemv").map { unsafeBitCast($0, to: SgemvFunction.self) }
        return .success(Library(sgemm: sgemm, sgemv: sgemv, info: info))
        #endif
    }
}

extension BLAS {
    /// The row-major product `a · b` of an `m × k` and a `k × n` matrix.
    ///
    /// The first product loads the library if ``BLAS/load(_:)`` has not (see ``BLAS``,
    /// "Process-wide state").
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
