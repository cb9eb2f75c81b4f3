// list-notes FILE [--offsets]
// One line per pitch, in time order: measure beat part staff pitch quarterLength, e.g.
// `12 5/2 1 2 Bb3 1/2` (part counted from 1; beat as music21 counts it, 1-based in beats of
// the meter; a chord gives one line per pitch). `--offsets` adds the offset from the start.
import Foundation
import Notation

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: list-notes FILE [--offsets]\n".utf8))
    exit(2)
}
let withOffsets = arguments.contains("--offsets")
do {
    let score = try Score.read(contentsOf: URL(fileURLWithPath: path))
    for element in score.timeline where !element.event.isRest {
        let place = "\(element.position.measureName) \(element.beat) \(element.part + 1) \(element.staff)"
        for pitch in element.event.pitches {
            let line = "\(place) \(pitch.name) \(element.event.quarterLength)"
            print(withOffsets ? "\(line) \(element.offset)" : line)
        }
    }
} catch {
    FileHandle.standardError.write(Data("list-notes: \(error.localizedDescription)\n".utf8))
    exit(1)
}
