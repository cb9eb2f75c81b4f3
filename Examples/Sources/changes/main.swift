// changes FILE
// The clefs, key signatures, meters, tempo marks and chord symbols of a score in time order,
// one per line: measure beat part staff change, e.g. `17 1 - - meter 6/8` (part counted from
// 1; `-` when the change is on every part or every staff).
import Foundation
import Notation

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: changes FILE\n".utf8))
    exit(2)
}
do {
    let score = try Score.read(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))
    for change in score.changes {
        let part = change.part.map { String($0 + 1) } ?? "-", staff = change.staff.map(String.init) ?? "-"
        print(change.position.measureName, change.position.beat, part, staff, change.kind)
    }
} catch {
    FileHandle.standardError.write(Data("changes: \(error.localizedDescription)\n".utf8))
    exit(1)
}
