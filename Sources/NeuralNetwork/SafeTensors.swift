import Foundation

/// Reading and writing the safetensors format (Hugging Face's), Float32 only.
///
/// Layout: an 8-byte little-endian unsigned header length N, N bytes of UTF-8 JSON, then the raw
/// little-endian tensor bytes. The header maps each tensor name to
/// `{"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}` (offsets relative to the end
/// of the header) and may hold a `"__metadata__"` object of string values. The header is padded
/// with spaces to a multiple of 8 bytes, as the reference implementation does, so the data is
/// aligned.
public enum SafeTensors {
    /// Encodes named tensors (written in the given order) and string metadata.
    public static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) throws(NetworkError) -> Data {
        var header: [String: Any] = [:]
        var offset = 0
        for (name, tensor) in tensors {
            let bytes = tensor.count * 4
            header[name] = ["dtype": "F32", "shape": tensor.shape, "data_offsets": [offset, offset + bytes]] as [String: Any]
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
        for (_, tensor) in tensors {
            tensor.scalars.withUnsafeBufferPointer { buffer in
                #if _endian(little)
                data.append(UnsafeBufferPointer(
                    start: UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: UInt8.self),
                    count: buffer.count * 4))
                #else
                for x in buffer { withUnsafeBytes(of: x.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
                #endif
            }
        }
        return data
    }

    /// Decodes every tensor and the metadata; `path` only names the source in errors.
    ///
    /// - Throws: ``NetworkError/Code/modelFile`` for a truncated file, a bad header, an
    ///   unsupported dtype, or offsets that do not fit the shape or the file.
    public static func decode(_ data: Data, path: String = "<memory>") throws(NetworkError) -> (tensors: [String: Tensor], metadata: [String: String]) {
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
        var tensors: [String: Tensor] = [:]
        let dataSize = bytes.count - headerEnd
        for (name, value) in header {
            if name == "__metadata__" {
                metadata = (value as? [String: String]) ?? [:]
                continue
            }
            guard let entry = value as? [String: Any],
                  let dtype = entry["dtype"] as? String,
                  let shape = (entry["shape"] as? [NSNumber])?.map(\.intValue),
                  let offsets = (entry["data_offsets"] as? [NSNumber])?.map(\.intValue), offsets.count == 2 else {
                throw .modelFile(path: path, reason: "tensor '\(name)' has a malformed header entry")
            }
            guard dtype == "F32" else {
                throw .modelFile(path: path, reason: "tensor '\(name)' has dtype \(dtype); only F32 is supported")
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
                  offsets[1] - offsets[0] == count * 4 else {
                throw .modelFile(path: path, reason: "tensor '\(name)' has data offsets \(offsets) that do not fit shape \(shape) and the file")
            }
            var scalars = [Float](repeating: 0, count: count)
            let start = headerEnd + offsets[0]
            for k in 0..<count {
                let p = start + 4 * k
                let bits = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
                scalars[k] = Float(bitPattern: bits)
            }
            tensors[name] = try Tensor(shape: shape, scalars: scalars)
        }
        return (tensors, metadata)
    }
}
