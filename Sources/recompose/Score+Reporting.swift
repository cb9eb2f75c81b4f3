import Foundation
import Notation

extension Score {
    /// Reads a file for a command: a damaged file is an error unless `lenient`, and the reader's
    /// warnings about damage are printed on standard error either way, so that music lost to a
    /// cut or a bad chunk is never a silent success.
    static func readReporting(_ path: String, lenient: Bool) throws -> Score {
        let reading: ScoreReading<any Error>
        do {
            reading = try Score.read(contentsOf: URL(fileURLWithPath: path), options: lenient ? .lenient : .strict)
        } catch let damaged as DamagedFileError {
            for problem in damaged.problems.dropFirst() { note("problem: " + ErrorMessage.of(problem)) }
            throw damaged
        }
        for warning in reading.warnings where DamagedFileError.isDamage(warning) {
            note("warning: " + ErrorMessage.of(warning))
        }
        return reading.score
    }
}
