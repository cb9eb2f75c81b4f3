#include "LSTMKernels.h"
#include "CPUFeatures.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

// exp(x) for float, Cephes-style: x = n·ln2 + r with |r| ≤ ln2/2, a degree-6 polynomial for
// e^r, then scaling by 2^n through the exponent bits. Relative error about 2e-7 over the
// clamped range; written branch-free so compilers vectorise the loops that inline it.
static inline float exp_approx(float x) {
    x = fminf(fmaxf(x, -87.0f), 88.0f);
    float n = __builtin_rintf(x * 1.44269504088896341f);
    float r = fmaf(n, -0.693359375f, x);
    r = fmaf(n, 2.12194440e-4f, r);
    float p = 1.9875691500e-4f;
    p = fmaf(p, r, 1.3981999507e-3f);
    p = fmaf(p, r, 8.3334519073e-3f);
    p = fmaf(p, r, 4.1665795894e-2f);
    p = fmaf(p, r, 1.6666665459e-1f);
    p = fmaf(p, r, 5.0000001201e-1f);
    float y = fmaf(p, r * r, r) + 1.0f;
    int32_t bits = ((int32_t)n + 127) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    return y * scale;
}

static inline float sigmoid_approx(float x) { return 1.0f / (1.0f + exp_approx(-x)); }

// tanh(x) = sign(x)·(1 − e^(−2|x|)) / (1 + e^(−2|x|)): no overflow, absolute error ≈ 1e-7.
static inline float tanh_approx(float x) {
    float t = exp_approx(-2.0f * fabsf(x));
    float y = (1.0f - t) / (1.0f + t);
    return copysignf(y, x);
}

// The four gate blocks of a row are read and written through one pointer at offsets of `units`,
// which the vectoriser cannot prove disjoint across iterations; they are (iteration j touches
// column j of each block only), so it is told so.
#if defined(__clang__)
#define VECTORIZE_SAFELY _Pragma("clang loop vectorize(assume_safety) interleave(enable)")
#elif defined(__GNUC__)
#define VECTORIZE_SAFELY _Pragma("GCC ivdep")
#else
#define VECTORIZE_SAFELY
#endif

#define CELL_FORWARD_BODY                                                                  \
    for (long b = 0; b < batch; b++) {                                                     \
        float *zb = z + b * 4 * u;                                                         \
        const float *cp = c_prev + b * u;                                                  \
        float *cn = c_next + b * u, *hn = h_next + b * u, *tc = tanh_c + b * u;            \
        VECTORIZE_SAFELY                                                                   \
        for (long j = 0; j < u; j++) {                                                     \
            float i = sigmoid_approx(zb[j]);                                               \
            float f = sigmoid_approx(zb[u + j]);                                           \
            float g = tanh_approx(zb[2 * u + j]);                                          \
            float o = sigmoid_approx(zb[3 * u + j]);                                       \
            zb[j] = i; zb[u + j] = f; zb[2 * u + j] = g; zb[3 * u + j] = o;                \
            float c = f * cp[j] + i * g;                                                   \
            float t = tanh_approx(c);                                                      \
            cn[j] = c; tc[j] = t; hn[j] = o * t;                                           \
        }                                                                                  \
    }

// `gates` and `dz` may be the same buffer (dZ overwrites the gates it no longer needs): each
// iteration reads its four gate values before writing its four gradients at the same places.
#define CELL_BACKWARD_BODY                                                                 \
    for (long b = 0; b < batch; b++) {                                                     \
        const float *gb = gates + b * 4 * u;                                               \
        float *dzb = dz + b * 4 * u;                                                       \
        const float *cp = c_prev + b * u, *tc = tanh_c + b * u;                            \
        float *dhb = dh + b * u, *dcb = dc + b * u;                                        \
        VECTORIZE_SAFELY                                                                   \
        for (long j = 0; j < u; j++) {                                                     \
            const float i = gb[j], f = gb[u + j], g = gb[2 * u + j], o = gb[3 * u + j];    \
            float t = tc[j], dhv = dhb[j];                                                 \
            float dcv = dcb[j] + dhv * o * (1.0f - t * t);                                 \
            dzb[j] = dcv * g * i * (1.0f - i);                                             \
            dzb[u + j] = dcv * cp[j] * f * (1.0f - f);                                     \
            dzb[2 * u + j] = dcv * i * (1.0f - g * g);                                     \
            dzb[3 * u + j] = dhv * t * o * (1.0f - o);                                     \
            dcb[j] = dcv * f;                                                              \
            dhb[j] = 0.0f;                                                                 \
        }                                                                                  \
    }

typedef void (*forward_fn)(float *, const float *, float *, float *, float *, long, long);
typedef void (*backward_fn)(const float *, const float *, const float *, float *, float *,
                            float *, long, long);

static void forward_base(float *restrict z, const float *restrict c_prev, float *restrict c_next,
                         float *restrict h_next, float *restrict tanh_c, long batch, long u) {
    CELL_FORWARD_BODY
}
static void backward_base(const float *gates, const float *restrict c_prev,
                          const float *restrict tanh_c, float *restrict dh, float *restrict dc,
                          float *dz, long batch, long u) {
    CELL_BACKWARD_BODY
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma")))
static void forward_avx2(float *restrict z, const float *restrict c_prev, float *restrict c_next,
                         float *restrict h_next, float *restrict tanh_c, long batch, long u) {
    CELL_FORWARD_BODY
}
__attribute__((target("avx2,fma")))
static void backward_avx2(const float *gates, const float *restrict c_prev,
                          const float *restrict tanh_c, float *restrict dh, float *restrict dc,
                          float *dz, long batch, long u) {
    CELL_BACKWARD_BODY
}
__attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma")))
static void forward_avx512(float *restrict z, const float *restrict c_prev, float *restrict c_next,
                           float *restrict h_next, float *restrict tanh_c, long batch, long u) {
    CELL_FORWARD_BODY
}
__attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma")))
static void backward_avx512(const float *gates, const float *restrict c_prev,
                            const float *restrict tanh_c, float *restrict dh, float *restrict dc,
                            float *dz, long batch, long u) {
    CELL_BACKWARD_BODY
}
#endif

static int level_cache = 0;

int recompose_lstm_kernel_level(void) {
    int level = __atomic_load_n(&level_cache, __ATOMIC_RELAXED);
    if (level == 0) {
        level = 1;
#if defined(__x86_64__)
        if (recompose_cpu_has_avx512f()) level = 3;
        else if (recompose_cpu_has_avx2()) level = 2;
#endif
        __atomic_store_n(&level_cache, level, __ATOMIC_RELAXED);
    }
    return level;
}

void recompose_lstm_cell_forward(float *z, const float *c_prev, float *c_next, float *h_next,
                                 float *tanh_c, long batch, long units) {
#if defined(__x86_64__)
    switch (recompose_lstm_kernel_level()) {
    case 3: forward_avx512(z, c_prev, c_next, h_next, tanh_c, batch, units); return;
    case 2: forward_avx2(z, c_prev, c_next, h_next, tanh_c, batch, units); return;
    default: break;
    }
#endif
    forward_base(z, c_prev, c_next, h_next, tanh_c, batch, units);
}

void recompose_lstm_cell_backward(const float *gates, const float *c_prev, const float *tanh_c,
                                  float *dh, float *dc, float *dz, long batch, long units) {
#if defined(__x86_64__)
    switch (recompose_lstm_kernel_level()) {
    case 3: backward_avx512(gates, c_prev, tanh_c, dh, dc, dz, batch, units); return;
    case 2: backward_avx2(gates, c_prev, tanh_c, dh, dc, dz, batch, units); return;
    default: break;
    }
#endif
    backward_base(gates, c_prev, tanh_c, dh, dc, dz, batch, units);
}
