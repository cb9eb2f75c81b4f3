import ArgumentParser
import CommandLineSupport
import Foundation
import Notation

/// Hidden developer command behind `Scripts/parity/hands.sh`: for every two-staff (piano) part of a
/// MusicXML file, merges the two staves' notes into one list,
/// separates it again by each ``HandSeparation`` and counts the notes that land on the staff
/// the file put them on. Prints one JSON line per part (or per unreadable file).
struct HandsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hands",
        abstract: "Hand separation against the staves of two-staff piano parts (parity checks).",
        shouldDisplay: false)

    @Argument(help: "MusicXML files (.musicxml, .xml, .mxl).")
    var files: [String]

    func run() throws {
        var out = JSONLines()
        for file in files {
            let score: Score
            do {
                score = try MusicXMLReader().read(contentsOf: URL(fileURLWithPath: file))
            } catch {
                try out.write(PartRecord(file: file, error: "\(error)"))
                continue
            }
            // Every two-staff part (piano, harp, organ manuals): staff 1 is the right hand's.
            for part in score.parts where part.staves.count == 2 {
                var onsets: [Double] = [], pitches: [Int] = [], upper: [Bool] = []
                for (staffIndex, staff) in part.staves.enumerated() {
                    for (measure, start) in zip(staff.measures, staff.measureOffsets) {
                        for voice in measure.voices {
                            for element in voice.elements where !element.event.isGrace {
                                for pitch in element.event.pitches {
                                    onsets.append((start + element.offset).doubleValue)
                                    pitches.append(pitch.midi)
                                    upper.append(staffIndex == 0)
                                }
                            }
                        }
                    }
                }
                func correct(_ separation: HandSeparation) -> Int {
                    zip(separation.rightHand(onsets: onsets, pitches: pitches), upper).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
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
