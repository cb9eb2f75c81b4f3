/// The 64-bit FNV-1a hash (Fowler–Noll–Vo): the shard a file lands in, stable across runs,
/// machines and languages (unlike Swift's `Hasher`, which is seeded per process).
///
/// Over the UTF-8 bytes of the text: start from the offset basis `0xcbf29ce484222325`; for each
/// byte, XOR it in, then multiply by the prime `0x100000001b3`, wrapping at 64 bits.
public enum FNV1a {
    /// The 64-bit offset basis.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The 64-bit FNV prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of a text's UTF-8 bytes.
    public static func hash64(_ text: String) -> UInt64 { hash64(bytes: text.utf8) }

    /// The hash of bytes.
    public static func hash64<Bytes: Sequence>(bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }
}
