import Foundation
import Notation

/// libFuzzer entry: the MIDI reader in both modes, then the quantizer, on arbitrary bytes.
/// Any thrown `MIDIError` is a correct answer; only a crash, a sanitizer report or a hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIDI(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    _ = try? MIDIReader(options: .init(strictness: .strict)).read(bytes)
    if let file = try? MIDIReader().read(bytes) {
        _ = try? Quantizer().score(from: file)
    }
    return 0
}
