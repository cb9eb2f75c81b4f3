import ArgumentParser
import CommandLineSupport
import Foundation
import Notation

/// Hidden developer command behind `Scripts/parity/hands.sh`: for every two-staff (piano) part of a
/// MusicXML file (or of a MIDI file with a track per hand), merges the two staves' notes into one list,
/// separates it again by each ``HandSeparation`` (with each note's onset and end) and counts
/// the notes that land on the staff the file put them on. Prints one JSON line per part (or per unreadable file).
struct HandsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hands",
        abstract: "Hand separation against the staves of two-staff piano parts (parity checks).",
        shouldDisplay: false)

    @Argument(help: "MusicXML files (.musicxml, .xml, .mxl), or MIDI files whose hands are in separate tracks.")
    var files: [String]

    func run() throws {
        var out = JSONLines()
        for file in files {
            let score: Score
            do {
                score = try Score.read(contentsOf: URL(fileURLWithPath: file))
            } catch {
                try out.write(PartRecord(file: file, error: "\(error)"))
                continue
            }
            // Every two-staff part (piano, harp, organ manuals): staff 1 is the right hand's.
            for part in score.parts where part.staves.count == 2 {
                var onsets: [Double] = [], ends: [Double] = [], pitches: [Int] = [], upper: [Bool] = []
                for (staffIndex, staff) in part.staves.enumerated() {
                    for (measure, start) in zip(staff.measures, staff.measureOffsets) {
                        for voice in measure.voices {
                            for element in voice.elements where !element.event.isGrace {
                                for pitch in element.event.pitches {
                                    onsets.append((start + element.offset).doubleValue)
                                    ends.append((start + element.end).doubleValue)
                                    pitches.append(pitch.midi)
                                    upper.append(staffIndex == 0)
                                }
                            }
                        }
                    }
                }
                // Copies of one key struck together (a unison written on both staves) cannot be
                // told apart: per onset and key, as many copies are right as the separation and
                // the file agree on for each staff.
                func correct(_ separation: HandSeparation) -> Int {
                    let right = separation.rightHand(onsets: onsets, ends: ends, pitches: pitches)
                    var copies: [Key: (right: Int, left: Int, upper: Int, lower: Int)] = [:]
                    for index in pitches.indices {
                        let key = Key(onset: onsets[index], pitch: pitches[index])
                        var count = copies[key] ?? (0, 0, 0, 0)
                        if right[index] { count.right += 1 } else { count.left += 1 }
                        if upper[index] { count.upper += 1 } else { count.lower += 1 }
                        copies[key] = count
                    }
                    return copies.values.reduce(0) { $0 + min($1.right, $1.upper) + min($1.left, $1.lower) }
                }
                var record = PartRecord(file: file, part: part.id)
                record.staff1 = upper.reduce(0) { $0 + ($1 ? 1 : 0) }
                record.staff2 = upper.count - record.staff1!
                record.baseline = correct(.splitPoint(Pitch(.C, octave: 4)))
                record.cost = correct(.musicalCost)
                try out.write(record)
            }
        }
        out.flush()
    }

    /// A key struck at an onset.
    struct Key: Hashable {
        var onset: Double
        var pitch: Int
    }

    /// One printed line: a part's note counts per staff and the notes each separation puts back.
    struct PartRecord: Encodable {
        var file: String
        var part: String?
        var error: String?
        var staff1: Int?
        var staff2: Int?
        var baseline: Int?
        var cost: Int?
    }
}
