#ifndef RECOMPOSE_CNETWORK_KERNELS_H
#define RECOMPOSE_CNETWORK_KERNELS_H

/// The C half of the NeuralNetwork library: CPU feature probes (which OpenBLAS kernels to ask
/// for, which of our own kernels to run), the vectorised LSTM cell kernels, and a matrix product
/// against a right-hand side packed once. Swift imports it as the module `CNetworkKernels`.

#include "CPUFeatures.h"
#include "LSTMKernels.h"
#include "PackedGEMM.h"

#endif
