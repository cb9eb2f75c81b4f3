#ifndef RECOMPOSE_PACKED_GEMM_H
#define RECOMPOSE_PACKED_GEMM_H

/// A matrix product against a right-hand matrix packed once and reused many times: the LSTM's
/// recurrent weights are multiplied at every time step, and a general BLAS call re-packs them on
/// each call. Available when the processor has AVX-512 and n is a multiple of 64; otherwise
/// callers use BLAS.

/// 1 when the packed kernel can run on this machine for n columns, else 0.
int recompose_packed_gemm_available(long n);

/// The number of floats a packed k × n matrix occupies.
long recompose_packed_size(long k, long n);

/// Packs B (k × n, row-major with leading dimension ldb), or Bᵀ when `transposed` (B then being
/// stored as n × k with leading dimension ldb), into panels of 64 columns.
void recompose_pack_b(const float *b, long k, long n, long ldb, int transposed, float *packed);

/// C (m × n, leading dimension ldc) += A (m × k, leading dimension lda) · packed B.
void recompose_gemm_packed_accumulate(long m, long n, long k, const float *a, long lda,
                                      const float *packed, float *c, long ldc);

#endif
