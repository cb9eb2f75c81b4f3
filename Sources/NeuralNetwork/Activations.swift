#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scalar activations shared by the layers, with Keras's definitions.
enum Activations {
    /// The logistic sigmoid 1 / (1 + e^(−x)) — Keras 3's LSTM `recurrent_activation`.
    /// For very negative x, e^(−x) overflows to +∞ and the result is exactly 0, not NaN.
    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        1 / (1 + expf(-x))
    }

    /// The hyperbolic tangent.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        tanhf(x)
    }
}

/// Scratch arrays whose contents the caller overwrites before reading, so zero-filling them
/// would be wasted memory traffic. Taken from ``ScratchPool`` when it has one of that size.
@inline(__always)
func uninitializedFloats(_ count: Int) -> [Float] {
    ScratchPool.shared.take(count)
}

/// Returns a dead scratch array to ``ScratchPool`` and leaves `array` empty.
@inline(__always)
func recycle(_ array: inout [Float]) {
    ScratchPool.shared.give(&array)
}
