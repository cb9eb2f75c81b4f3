#ifndef RECOMPOSE_LSTM_KERNELS_H
#define RECOMPOSE_LSTM_KERNELS_H

/// Element-wise LSTM cell kernels, vectorised for AVX-512 / AVX2 / baseline and chosen at run
/// time from CPUID. Gate blocks follow Keras's order i, f, c, o; layouts are row-major with one
/// row of 4·units gates (or units states) per sequence in the batch.

/// Activates the pre-activations `z` in place (sigmoid, sigmoid, tanh, sigmoid) and advances the
/// cell: c' = f·c + i·g, h' = o·tanh(c'); also stores tanh(c').
void recompose_lstm_cell_forward(float *z, const float *c_prev, float *c_next, float *h_next,
                                 float *tanh_c, long batch, long units);

/// Backpropagates one step: from dh (consumed and zeroed) and the carried dc (replaced by
/// d c_prev) to the pre-activation gradients dz. `dz` may be `gates` itself.
void recompose_lstm_cell_backward(const float *gates, const float *c_prev, const float *tanh_c,
                                  float *dh, float *dc, float *dz, long batch, long units);

/// Which variant runs: 3 = AVX-512, 2 = AVX2+FMA, 1 = baseline.
int recompose_lstm_kernel_level(void);

#endif
