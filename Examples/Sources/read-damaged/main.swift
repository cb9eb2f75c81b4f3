// read-damaged FILE
// Reads a score that may be damaged: prints each problem the reader read past (file, place
// and cause), one per line, and exits 0; or prints why the file cannot be read and exits 1.
import Foundation
import Notation

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: read-damaged FILE\n".utf8))
    exit(2)
}
let url = URL(fileURLWithPath: CommandLine.arguments[1])
do {
    let reading = try ScoreFormat.forFile(url).read(contentsOf: url)
    for warning in reading.warnings { print(warning.localizedDescription) }
} catch {
    print(error.localizedDescription)
    exit(1)
}
