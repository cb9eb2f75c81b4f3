/// The one byte-exact JSON text the vocabulary's fingerprint is taken over, so that any
/// language can recompute it: objects with keys sorted, no whitespace, strings as Python's
/// `json.dumps(…, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` writes them
/// (UTF-8, escaping only `"`, `\` and control characters).
enum CanonicalJSON {
    /// `["a","b"]`.
    static func array(_ strings: [String]) -> String {
        "[" + strings.map(string).joined(separator: ",") + "]"
    }

    /// `{"k":V,…}` with keys sorted; the values are canonical JSON already.
    static func object(_ members: [String: String]) -> String {
        "{" + members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { string($0) + ":" + members[$0]! }.joined(separator: ",") + "}"
    }

    /// A quoted string.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
