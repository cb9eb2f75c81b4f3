import Foundation

/// Reading and writing the safetensors format (Hugging Face's): Float32 tensors for weights,
/// Int32 and Int64 arrays for token ids (``Entry``).
///
/// Layout: an 8-byte little-endian unsigned header length N, N bytes of UTF-8 JSON, then the raw
/// little-endian tensor bytes. The header maps each tensor name to
/// `{"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}` (offsets relative to the end
/// of the header) and may hold a `"__metadata__"` object of string values. The header is padded
/// with spaces to a multiple of 8 bytes, as the reference implementation does, so the data is
/// aligned.
public enum SafeTensors {
    /// Encodes named Float32 tensors (written in the given order) and string metadata.
    public static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) throws(NetworkError) -> Data {
        try encode(entries: tensors.map { ($0.name, Entry($0.tensor)) }, metadata: metadata)
    }

    /// Encodes named entries of any ``DType`` (written in the given order) and string metadata.
    /// The header's keys are sorted, so the same entries always give the same bytes.
    public static func encode(entries: [(name: String, entry: Entry)], metadata: [String: String] = [:]) throws(NetworkError) -> Data {
        var header: [String: Any] = [:]
        var offset = 0
        for (name, entry) in entries {
            let bytes = entry.bytes.count
            header[name] = ["dtype": entry.dtype.rawValue, "shape": entry.shape, "data_offsets": [offset, offset + bytes]] as [String: Any]
            offset += bytes
        }
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var json: Data
        do {
            json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        } catch {
            throw .modelFile(path: "<memory>", reason: "cannot encode the safetensors header", cause: error)
        }
        while json.count % 8 != 0 { json.append(0x20) }
        var data = Data(capacity: 8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        for (_, entry) in entries { data.append(contentsOf: entry.bytes) }
        return data
    }

    /// Decodes every tensor and the metadata; `path` only names the source in errors.
    ///
    /// - Throws: ``NetworkError/Code/modelFile`` for a truncated file, a bad header, a tensor
    ///   that is not Float32, or offsets that do not fit the shape or the file.
    public static func decode(_ data: Data, path: String = "<memory>") throws(NetworkError) -> (tensors: [String: Tensor], metadata: [String: String]) {
        let (entries, metadata) = try decodeEntries(data, path: path)
        var tensors: [String: Tensor] = [:]
        for (name, entry) in entries {
            guard let tensor = entry.tensor else {
                throw .modelFile(path: path, reason: "tensor '\(name)' has dtype \(entry.dtype.rawValue); only F32 is supported here")
            }
            tensors[name] = tensor
        }
        return (tensors, metadata)
    }

    /// Decodes every entry, whatever its ``DType``, and the metadata; `path` only names the
    /// source in errors.
    ///
    /// - Throws: ``NetworkError/Code/modelFile`` for a truncated file, a bad header, a dtype
    ///   other than F32, I32 and I64, or offsets that do not fit the shape or the file.
    public static func decodeEntries(_ data: Data, path: String = "<memory>") throws(NetworkError) -> (entries: [String: Entry], metadata: [String: String]) {
        guard data.count >= 8 else { throw .modelFile(path: path, reason: "shorter than the 8-byte header length") }
        let bytes = [UInt8](data)
        var length: UInt64 = 0
        for k in 0..<8 { length |= UInt64(bytes[k]) << (8 * UInt64(k)) }
        guard length <= UInt64(bytes.count - 8) else {
            throw .modelFile(path: path, reason: "header length \(length) exceeds the file")
        }
        let headerEnd = 8 + Int(length)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes[8..<headerEnd]))
        } catch {
            throw .modelFile(path: path, reason: "header is not JSON")
        }
        guard let header = object as? [String: Any] else {
            throw .modelFile(path: path, reason: "header is not a JSON object")
        }
        var metadata: [String: String] = [:]
        var entries: [String: Entry] = [:]
        let dataSize = bytes.count - headerEnd
        for (name, value) in header {
            if name == "__metadata__" {
                metadata = (value as? [String: String]) ?? [:]
                continue
            }
            guard let fields = value as? [String: Any],
                  let dtypeName = fields["dtype"] as? String,
                  let shape = (fields["shape"] as? [NSNumber])?.map(\.intValue),
                  let offsets = (fields["data_offsets"] as? [NSNumber])?.map(\.intValue), offsets.count == 2 else {
                throw .modelFile(path: path, reason: "tensor '\(name)' has a malformed header entry")
            }
            guard let dtype = DType(rawValue: dtypeName) else {
                throw .modelFile(path: path, reason: "tensor '\(name)' has dtype \(dtypeName); only F32, I32 and I64 are supported")
            }
            guard shape.allSatisfy({ $0 >= 0 }) else {
                throw .modelFile(path: path, reason: "tensor '\(name)' has a negative dimension")
            }
            // Hostile headers could overflow the element count; refuse instead of trapping.
            var count = 1
            for extent in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: extent)
                guard !overflow, product <= dataSize else {
                    throw .modelFile(path: path, reason: "tensor '\(name)' has shape \(shape) larger than the file")
                }
                count = product
            }
            guard offsets[0] >= 0, offsets[1] >= offsets[0], offsets[1] <= dataSize,
                  offsets[1] - offsets[0] == count * dtype.byteCount else {
                throw .modelFile(path: path, reason: "tensor '\(name)' has data offsets \(offsets) that do not fit shape \(shape) and the file")
            }
            let start = headerEnd + offsets[0]
            entries[name] = try Entry(dtype: dtype, shape: shape, bytes: Array(bytes[start..<(headerEnd + offsets[1])]))
        }
        return (entries, metadata)
    }
}
