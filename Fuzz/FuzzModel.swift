import Foundation
import NeuralNetwork

/// libFuzzer entry: the model loader on an arbitrary `config.json` and `model.safetensors`.
///
/// Input layout: a little-endian UInt16 length `n`, then `n` bytes of configuration JSON, then
/// the weights file (shorter inputs are all weights, so plain safetensors seeds work too).
/// Any thrown `NetworkError` is a correct answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModel(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    _ = try? SafeTensors.decode(data)
    guard data.count >= 2 else { return 0 }
    let n = Int(data[data.startIndex]) | Int(data[data.startIndex + 1]) << 8
    guard n <= data.count - 2 else { return 0 }
    let config = data.subdata(in: 2..<(2 + n))
    let weights = data.subdata(in: (2 + n)..<data.count)
    _ = try? SequenceModel(configurationData: config, weightsData: weights, directory: "fuzz")
    return 0
}
