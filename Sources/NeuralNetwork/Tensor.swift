/// A dense Float32 tensor: a shape and its scalars, contiguous and row-major.
///
/// The network keeps its weights, gradients and optimiser state in tensors; the hot loops work on
/// the `scalars` buffer directly.
public struct Tensor: Sendable, Equatable {
    /// The extent of each dimension, outermost first.
    public let shape: [Int]
    /// The scalars in row-major order; `scalars.count` is the product of `shape`.
    public var scalars: [Float]

    /// A tensor of the given shape with every scalar set to `value`; a negative extent counts
    /// as 0 (an empty tensor) rather than trapping.
    public init(shape: [Int], repeating value: Float = 0) {
        let shape = shape.map { max(0, $0) }
        self.shape = shape
        self.scalars = [Float](repeating: value, count: shape.reduce(1, *))
    }

    /// A tensor of the given shape over the given scalars.
    ///
    /// - Throws: ``NetworkError/shapeMismatch(context:expected:actual:)`` when the count of
    ///   scalars is not the product of the shape.
    public init(shape: [Int], scalars: [Float]) throws(NetworkError) {
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == scalars.count else {
            throw .shapeMismatch(context: "Tensor", expected: shape, actual: [scalars.count])
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// The number of scalars.
    public var count: Int { scalars.count }

    /// The scalar at a row-major multi-index; nil when the index is out of range.
    public subscript(checked index: Int...) -> Float? {
        guard index.count == shape.count else { return nil }
        var flat = 0
        for (i, extent) in zip(index, shape) {
            guard i >= 0, i < extent else { return nil }
            flat = flat * extent + i
        }
        return scalars[flat]
    }

    /// Sets every scalar to zero, keeping the storage.
    public mutating func zero() {
        scalars.withUnsafeMutableBufferPointer { buffer in
            buffer.update(repeating: 0)
        }
    }

    /// The Euclidean norm of all scalars, accumulated in Double.
    public var norm: Double {
        var sum = 0.0
        for x in scalars { sum += Double(x) * Double(x) }
        return sum.squareRoot()
    }
}
