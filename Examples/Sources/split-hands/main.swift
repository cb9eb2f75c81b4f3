// split-hands MIDI OUT.musicxml
// Reads a MIDI file (quantized into notation), puts each one-staff part on a treble and a
// bass staff split at middle C, and writes the score as MusicXML.
import Foundation
import Notation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: split-hands MIDI OUT.musicxml\n".utf8))
    exit(2)
}
do {
    var score = try Score.read(contentsOf: URL(fileURLWithPath: arguments[1]))
    score.parts = score.parts.map { $0.staves.count == 1 ? $0.splitIntoStaves() : $0 }
    try score.write(to: URL(fileURLWithPath: arguments[2]))
    print("\(score.parts.count) part(s), \(score.parts.map(\.staves.count)) staves: wrote \(arguments[2])")
} catch {
    FileHandle.standardError.write(Data("split-hands: \(error.localizedDescription)\n".utf8))
    exit(1)
}
