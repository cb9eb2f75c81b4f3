import Foundation
import Notation

/// libFuzzer entry: the MusicXML reader on arbitrary bytes (plain XML, or `.mxl` when the bytes
/// start like a ZIP archive). Any thrown `MusicXMLError` is a correct answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMusicXML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    if let score = try? MusicXMLReader().read(data: data, fileName: "fuzz") {
        _ = score.events.count
    }
    return 0
}
