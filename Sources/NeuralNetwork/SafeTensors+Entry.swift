import Foundation

extension SafeTensors {
    /// The element types this reader and writer know: Float32 for weights, Int32 and Int64 for
    /// token ids and offsets (what NumPy calls `float32`, `int32` and `int64`).
    public enum DType: String, Sendable, Hashable, CaseIterable {
        /// 32-bit IEEE float, the header's `"F32"`.
        case float32 = "F32"
        /// 32-bit signed integer, the header's `"I32"`.
        case int32 = "I32"
        /// 64-bit signed integer, the header's `"I64"`.
        case int64 = "I64"

        /// Bytes per element.
        public var byteCount: Int { self == .int64 ? 8 : 4 }
    }

    /// One stored tensor of any ``DType``: its shape and its elements as little-endian bytes,
    /// exactly as they lie in the file.
    public struct Entry: Sendable, Hashable {
        /// The element type.
        public let dtype: DType
        /// The extent of each dimension, outermost first.
        public let shape: [Int]
        /// The elements, little-endian, row-major; `bytes.count` is the element count times
        /// `dtype.byteCount`.
        public let bytes: [UInt8]

        /// An entry over raw bytes, checked against the shape.
        ///
        /// - Throws: ``NetworkError/shapeMismatch(context:expected:actual:)`` when the byte count
        ///   is not the product of the shape times the element size.
        public init(dtype: DType, shape: [Int], bytes: [UInt8]) throws(NetworkError) {
            var count = 1
            for extent in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: extent)
                guard extent >= 0, !overflow else { throw .shapeMismatch(context: "SafeTensors.Entry", expected: shape, actual: [bytes.count]) }
                count = product
            }
            guard count.multipliedReportingOverflow(by: dtype.byteCount) == (bytes.count, false) else {
                throw .shapeMismatch(context: "SafeTensors.Entry", expected: shape, actual: [bytes.count / dtype.byteCount])
            }
            self.dtype = dtype
            self.shape = shape
            self.bytes = bytes
        }

        /// A Float32 entry holding a tensor's scalars.
        public init(_ tensor: Tensor) {
            self.dtype = .float32
            self.shape = tensor.shape
            self.bytes = Entry.littleEndianBytes(tensor.scalars.map(\.bitPattern))
        }

        /// A one-dimensional Int32 entry.
        public init(int32 values: [Int32]) {
            self.dtype = .int32
            self.shape = [values.count]
            self.bytes = Entry.littleEndianBytes(values.map { UInt32(bitPattern: $0) })
        }

        /// A one-dimensional Int64 entry.
        public init(int64 values: [Int64]) {
            self.dtype = .int64
            self.shape = [values.count]
            self.bytes = Entry.littleEndianBytes(values.map { UInt64(bitPattern: $0) })
        }

        /// The number of elements.
        public var count: Int { bytes.count / dtype.byteCount }

        /// The elements as Float32, or `nil` if the entry holds another type.
        public var float32Values: [Float]? {
            dtype == .float32 ? (integers(as: UInt32.self) as [UInt32]).map(Float.init(bitPattern:)) : nil
        }

        /// The elements as Int32, or `nil` if the entry holds another type.
        public var int32Values: [Int32]? {
            dtype == .int32 ? (integers(as: UInt32.self) as [UInt32]).map(Int32.init(bitPattern:)) : nil
        }

        /// The elements as Int64, or `nil` if the entry holds another type.
        public var int64Values: [Int64]? {
            dtype == .int64 ? (integers(as: UInt64.self) as [UInt64]).map(Int64.init(bitPattern:)) : nil
        }

        /// The entry as a tensor, or `nil` unless it holds Float32.
        public var tensor: Tensor? {
            guard let scalars = float32Values else { return nil }
            return try? Tensor(shape: shape, scalars: scalars)
        }

        /// Reads the bytes as little-endian unsigned integers of the element's width.
        private func integers<T: FixedWidthInteger & UnsignedInteger>(as _: T.Type) -> [T] {
            let width = MemoryLayout<T>.size
            var values = [T](repeating: 0, count: bytes.count / width)
            bytes.withUnsafeBytes { raw in
                for k in values.indices {
                    values[k] = T(littleEndian: raw.loadUnaligned(fromByteOffset: k * width, as: T.self))
                }
            }
            return values
        }

        /// The values' bytes in little-endian order, whatever the machine's.
        private static func littleEndianBytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: values.count * MemoryLayout<T>.size)
            bytes.withUnsafeMutableBytes { raw in
                for (k, value) in values.enumerated() {
                    raw.storeBytes(of: value.littleEndian, toByteOffset: k * MemoryLayout<T>.size, as: T.self)
                }
            }
            return bytes
        }
    }
}
