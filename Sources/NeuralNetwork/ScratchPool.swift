import Foundation

/// A small process-wide pool of Float arrays for the training pass's large scratch buffers.
///
/// A training step allocates and frees the same few tens of megabytes every batch; freed blocks
/// that large go back to the operating system, so each batch paid again for page faults and for
/// the kernel zeroing fresh pages (about 8 % of a step's CPU time). Buffers handed back with
/// ``give(_:)`` are reused by the next ``take(_:)`` of the same size instead. Their contents are
/// stale: callers overwrite before reading. The pool keeps at most `perSize` arrays of each size.
final class ScratchPool: @unchecked Sendable {
    /// The pool every layer shares; guarded by a lock, so data-parallel parts can use it.
    static let shared = ScratchPool()

    private let lock = NSLock()
    private var free: [Int: [[Float]]] = [:]
    private let perSize = 16

    /// An array of `count` elements with unspecified contents.
    func take(_ count: Int) -> [Float] {
        lock.lock()
        let reused = free[count]?.popLast()
        lock.unlock()
        if let reused { return reused }
        return [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Keeps `array` for reuse and empties the variable. Safe even if the buffer is still
    /// referenced elsewhere: copy-on-write then copies it on the taker's first write (no reuse,
    /// no corruption); callers give only buffers they hold the last reference to.
    func give(_ array: inout [Float]) {
        guard array.count > 4096 else {
            array = []
            return
        }
        let count = array.count
        var moved: [Float] = []
        swap(&moved, &array)
        lock.lock()
        if free[count, default: []].count < perSize { free[count, default: []].append(moved) }
        lock.unlock()
    }
}
