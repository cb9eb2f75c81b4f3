import Synchronization

/// A small process-wide pool of Float arrays for the training pass's large scratch buffers.
///
/// A training step allocates and frees the same few tens of megabytes every batch; freed blocks
/// that large go back to the operating system, so each batch paid again for page faults and for
/// the kernel zeroing fresh pages (about 8 % of a step's CPU time). Buffers handed back with
/// ``give(_:)`` are reused by the next ``take(_:)`` of the same size instead. Their contents are
/// stale: callers overwrite before reading. The pool keeps at most `perSize` arrays of each size.
final class ScratchPool: Sendable {
    /// The pool every layer shares; behind a mutex, so data-parallel parts can use it.
    static let shared = ScratchPool()

    private let free = Mutex<[Int: [[Float]]]>([:])
    private let perSize = 16

    /// An array of `count` elements with unspecified contents.
    func take(_ count: Int) -> [Float] {
        if let reused = free.withLock({ $0[count]?.popLast() }) { return reused }
        return [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Keeps `array` for reuse and empties the variable. Safe even if the buffer is still
    /// referenced elsewhere: copy-on-write then copies it on the taker's first write (no reuse,
    /// no corruption); callers give only buffers they hold the last reference to.
    func give(_ array: inout [Float]) {
        let count = array.count
        guard count > 4096 else {
            array = []
            return
        }
        free.withLock { free in
            // Moved, not copied: the pool holds the only reference before the lock is released.
            var moved: [Float] = []
            swap(&moved, &array)
            if free[count, default: []].count < perSize { free[count, default: []].append(moved) }
        }
    }
}
