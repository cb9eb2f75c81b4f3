#include "PackedGEMM.h"
#include "CPUFeatures.h"
#include <stdlib.h>

#define PANEL 64

long recompose_packed_size(long k, long n) { return k * n; }

int recompose_packed_gemm_available(long n) {
#if defined(__x86_64__)
    // RECOMPOSE_DISABLE_PACKED_GEMM=1 forces BLAS, for measuring what the kernel brings.
    // Computed once; the data-parallel training threads may race to compute it, hence the
    // atomics (every racer stores the same value).
    static int state = 0; // 0 unknown, 1 available, 2 disabled or no AVX-512
    int known = __atomic_load_n(&state, __ATOMIC_RELAXED);
    if (known == 0) {
        const char *flag = getenv("RECOMPOSE_DISABLE_PACKED_GEMM");
        int disabled = flag != NULL && flag[0] != '\0' && flag[0] != '0';
        known = !disabled && recompose_cpu_has_avx512f() ? 1 : 2;
        __atomic_store_n(&state, known, __ATOMIC_RELAXED);
    }
    return known == 1 && n > 0 && n % PANEL == 0;
#else
    (void)n;
    return 0;
#endif
}

// Panel p holds columns [64p, 64p + 64) of B for every row q: packed[p·k·64 + q·64 + j].
void recompose_pack_b(const float *b, long k, long n, long ldb, int transposed, float *packed) {
    long panels = n / PANEL;
    for (long p = 0; p < panels; p++) {
        float *dst = packed + p * k * PANEL;
        if (!transposed) {
            for (long q = 0; q < k; q++)
                for (long j = 0; j < PANEL; j++) dst[q * PANEL + j] = b[q * ldb + p * PANEL + j];
        } else {
            // B[q][j] = stored[j][q]: walk the stored rows so reads are sequential.
            for (long j = 0; j < PANEL; j++) {
                const float *src = b + (p * PANEL + j) * ldb;
                for (long q = 0; q < k; q++) dst[q * PANEL + j] = src[q];
            }
        }
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

#define TARGET __attribute__((target("avx512f,avx2,fma")))

// ROWS rows of C × 64 columns: 4·ROWS accumulators, each k step loads 4 vectors of the panel
// and broadcasts one A value per row.
#define DEFINE_KERNEL(ROWS)                                                                     \
    TARGET static void kernel_##ROWS(long k, const float *a, long lda, const float *panel,     \
                                      float *c, long ldc) {                                     \
        __m512 acc[ROWS][4];                                                                    \
        for (int r = 0; r < ROWS; r++)                                                          \
            for (int v = 0; v < 4; v++) acc[r][v] = _mm512_loadu_ps(c + r * ldc + 16 * v);      \
        for (long q = 0; q < k; q++) {                                                          \
            __m512 b0 = _mm512_loadu_ps(panel + q * PANEL);                                     \
            __m512 b1 = _mm512_loadu_ps(panel + q * PANEL + 16);                                \
            __m512 b2 = _mm512_loadu_ps(panel + q * PANEL + 32);                                \
            __m512 b3 = _mm512_loadu_ps(panel + q * PANEL + 48);                                \
            for (int r = 0; r < ROWS; r++) {                                                    \
                __m512 x = _mm512_set1_ps(a[r * lda + q]);                                      \
                acc[r][0] = _mm512_fmadd_ps(x, b0, acc[r][0]);                                  \
                acc[r][1] = _mm512_fmadd_ps(x, b1, acc[r][1]);                                  \
                acc[r][2] = _mm512_fmadd_ps(x, b2, acc[r][2]);                                  \
                acc[r][3] = _mm512_fmadd_ps(x, b3, acc[r][3]);                                  \
            }                                                                                   \
        }                                                                                       \
        for (int r = 0; r < ROWS; r++)                                                          \
            for (int v = 0; v < 4; v++) _mm512_storeu_ps(c + r * ldc + 16 * v, acc[r][v]);      \
    }

DEFINE_KERNEL(6)
DEFINE_KERNEL(4)
DEFINE_KERNEL(2)
DEFINE_KERNEL(1)

TARGET static void gemm_avx512(long m, long n, long k, const float *a, long lda,
                               const float *packed, float *c, long ldc) {
    long panels = n / PANEL;
    for (long p = 0; p < panels; p++) {
        const float *panel = packed + p * k * PANEL;
        long i = 0;
        // Six rows use 24 of the 32 vector registers; the remainder takes the widest block left.
        for (; i + 6 <= m; i += 6) kernel_6(k, a + i * lda, lda, panel, c + i * ldc + p * PANEL, ldc);
        for (; i + 4 <= m; i += 4) kernel_4(k, a + i * lda, lda, panel, c + i * ldc + p * PANEL, ldc);
        for (; i + 2 <= m; i += 2) kernel_2(k, a + i * lda, lda, panel, c + i * ldc + p * PANEL, ldc);
        for (; i < m; i++) kernel_1(k, a + i * lda, lda, panel, c + i * ldc + p * PANEL, ldc);
    }
}
#endif

void recompose_gemm_packed_accumulate(long m, long n, long k, const float *a, long lda,
                                      const float *packed, float *c, long ldc) {
#if defined(__x86_64__)
    gemm_avx512(m, n, k, a, lda, packed, c, ldc);
#else
    // Portable fallback (callers normally use BLAS when the kernel is unavailable).
    for (long i = 0; i < m; i++)
        for (long p = 0; p < n / PANEL; p++)
            for (long q = 0; q < k; q++)
                for (long j = 0; j < PANEL; j++)
                    c[i * ldc + p * PANEL + j] += a[i * lda + q] * packed[p * k * PANEL + q * PANEL + j];
#endif
}
