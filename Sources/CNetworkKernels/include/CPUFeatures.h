#ifndef RECOMPOSE_CPU_FEATURES_H
#define RECOMPOSE_CPU_FEATURES_H

/// CPU feature probes used to choose OpenBLAS's kernel family before the library is loaded.
///
/// OpenBLAS itself is not linked: the NeuralNetwork library opens it with `dlopen` at first use,
/// because Debian's OpenBLAS 0.3.21 misdetects recent processors (e.g. Sapphire Rapids) and falls
/// back to slow SSE3 kernels unless `OPENBLAS_CORETYPE` is set when the library loads.

/// Returns 1 when the processor and the operating system support AVX-512 Foundation
/// (CPUID leaf 7 EBX bit 16 plus XCR0 opmask/ZMM state enabled), else 0.
int recompose_cpu_has_avx512f(void);

/// Returns 1 when the processor and the operating system support AVX2 and FMA
/// (CPUID leaf 7 EBX bit 5, leaf 1 ECX bits 12 and 28, XCR0 YMM state enabled), else 0.
int recompose_cpu_has_avx2(void);

#endif
