import Foundation

/// The names of the files of the map and reduce steps, in one place:
/// `shard-00000-of-00004.manifest.json` and `shard-00000-of-00004.pieces.json` in a prepared
/// folder, `shard-00000-of-00004.safetensors` and `vocabulary.json` in a merged one.
public enum ShardLayout {
    /// What a shard file holds.
    public enum Kind: String, Sendable, CaseIterable {
        /// The manifest of a prepared shard (``ShardManifest``).
        case manifest = "manifest.json"
        /// The prepared pieces of a shard (an array of ``PreparedPiece``).
        case pieces = "pieces.json"
        /// An encoded shard (``EncodedShard``).
        case encoded = "safetensors"
    }

    /// The frozen vocabulary's file name in a merged folder.
    public static let vocabularyFileName = "vocabulary.json"

    /// `"shard-00000-of-00004"`.
    public static func stem(index: Int, count: Int) -> String {
        "shard-\(fiveDigits(index))-of-\(fiveDigits(count))"
    }

    /// `"shard-00000-of-00004.manifest.json"` and the like.
    public static func fileName(index: Int, count: Int, kind: Kind) -> String {
        stem(index: index, count: count) + "." + kind.rawValue
    }

    /// The file of shard `index` of `count` in `folder`.
    public static func url(in folder: URL, index: Int, count: Int, kind: Kind) -> URL {
        folder.appendingPathComponent(fileName(index: index, count: count, kind: kind))
    }

    /// The shard number, count and kind a file name stands for; `nil` for any other name.
    public static func parse(_ name: String) -> (index: Int, count: Int, kind: Kind)? {
        for kind in Kind.allCases where name.hasSuffix("." + kind.rawValue) {
            let stem = name.dropLast(kind.rawValue.count + 1)
            let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[0] == "shard", parts[2] == "of",
                  parts[1].count == 5, parts[3].count == 5,
                  parts[1].allSatisfy(\.isASCII), parts[3].allSatisfy(\.isASCII),
                  let index = Int(parts[1]), let count = Int(parts[3]), index >= 0, count >= 1 else { return nil }
            return (index, count, kind)
        }
        return nil
    }

    private static func fiveDigits(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
