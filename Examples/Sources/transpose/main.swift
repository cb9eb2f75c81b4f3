// transpose FILE KEY OUT
// Estimates the key of FILE, moves the piece to KEY ("D major", "e", "Bb minor") by the
// nearest way, and writes OUT in the format its extension names (.musicxml, .mxl, .mid).
import Foundation
import Notation

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: transpose FILE KEY OUT\n".utf8))
    exit(2)
}
do {
    let score = try Score.read(contentsOf: URL(fileURLWithPath: arguments[1]))
    let target = try Key(arguments[2])
    let moved = try score.transposed(to: target)
    try moved.write(to: URL(fileURLWithPath: arguments[3]))
    let from = score.estimatedKey()?.key.description ?? "no key found"
    print("\(from) -> \(target): wrote \(arguments[3])")
} catch {
    FileHandle.standardError.write(Data("transpose: \(error.localizedDescription)\n".utf8))
    exit(1)
}
