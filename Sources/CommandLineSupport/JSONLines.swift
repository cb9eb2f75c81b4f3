import Foundation

/// Buffered JSON lines on standard output: one `Encodable` value a line, keys sorted, so every
/// command's JSON is written the same way (and the same value always prints the same text).
package struct JSONLines {
    private var buffer: [UInt8] = []
    private let encoder: JSONEncoder

    /// Creates an empty buffer.
    package init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Appends one value as one line; flushes past 64 KiB.
    package mutating func write<Value: Encodable>(_ value: Value) throws {
        buffer.append(contentsOf: try encoder.encode(value))
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { flush() }
    }

    /// Writes what is buffered to standard output.
    package mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Prints one value as one line at once.
    package static func print<Value: Encodable>(_ value: Value) throws {
        var lines = JSONLines()
        try lines.write(value)
        lines.flush()
    }
}
