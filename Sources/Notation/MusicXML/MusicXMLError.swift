import Foundation

/// A MusicXML file that cannot be read or written, with where and why — or, among a reading's
/// warnings, something the reader carried on past with an assumption.
///
/// `line` and `column` are 1-based positions in the XML text (0 when unknown, e.g. for a
/// damaged `.mxl` archive or a write failure). ``code`` names the kind of problem for
/// programs; ``cause`` keeps the error that led to it (a Foundation I/O error) as an error.
///
/// Two errors are equal when file, position and problem are; the cause is not compared.
public struct MusicXMLError: Error, Hashable, CustomStringConvertible, LocalizedError {
    /// What went wrong.
    public enum Problem: Sendable, Hashable {
        /// The bytes are not well-formed XML (libxml2's message).
        case malformedXML(String)
        /// The root element is not `score-partwise` or `score-timewise`.
        case wrongRoot(String)
        /// A required element is missing, e.g. `<step>` in `<pitch>`.
        case missingElement(String)
        /// An element or attribute holds a value that makes no sense, e.g. a negative duration.
        case invalidValue(element: String, value: String)
        /// A `.mxl` archive that cannot be opened or names no readable root file.
        case invalidArchive(String)
        /// The file could not be read or written.
        case io(String)
        /// The score cannot be written as MusicXML (e.g. an event with no notatable length).
        case unwritable(String)
        /// The file goes beyond one of the reader's ``MusicXMLReader/Limits`` (size, parts,
        /// measures, notes, divisions, tempo marks).
        case limitExceeded(String)
        /// Not an error: something read with an assumption (a warning), e.g. a missing
        /// `<divisions>` taken as 1.
        case assumption(String)
        /// Not an error: a mark that ends or continues something never begun (a slur stop
        /// with no start, a beam `continue` with no `begin`), kept as written.
        case unmatchedMark(String)
        /// Not an error: a note whose `<duration>` disagrees with its `<type>`, dots and
        /// `<time-modification>` by more than rounding to the file's divisions explains. The
        /// duration is kept (offsets follow the file); `notation` is what the notation says,
        /// e.g. `"eighth 3:2"`, lasting `notated` quarters, against `duration` quarters.
        case durationDisagreement(notation: String, notated: Rational, duration: Rational)

        /// The stable name of the case, e.g. `"malformedXML"`.
        public var code: String {
            switch self {
            case .malformedXML: return "malformedXML"
            case .wrongRoot: return "wrongRoot"
            case .missingElement: return "missingElement"
            case .invalidValue: return "invalidValue"
            case .invalidArchive: return "invalidArchive"
            case .io: return "io"
            case .unwritable: return "unwritable"
            case .limitExceeded: return "limitExceeded"
            case .assumption: return "assumption"
            case .unmatchedMark: return "unmatchedMark"
            case .durationDisagreement: return "durationDisagreement"
            }
        }
    }

    /// The file (or `"<data>"` for bytes in memory).
    public var file: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// The problem.
    public var problem: Problem
    /// The error that led to this one (a Foundation I/O error), if any.
    public var cause: (any Error)? {
        get { storedCause.error }
        set { storedCause = ErrorCause(newValue) }
    }
    private var storedCause: ErrorCause

    /// Creates an error.
    public init(file: String, line: Int = 0, column: Int = 0, problem: Problem, cause: (any Error)? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.storedCause = ErrorCause(cause)
    }

    /// The stable name of the kind of problem (``Problem/code``), e.g. `"malformedXML"`.
    public var code: String { problem.code }

    /// `"score.xml:12:5: invalid <duration> value '-4'"`.
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        let what: String
        switch problem {
        case .malformedXML(let m): what = "not well-formed XML: \(m)"
        case .wrongRoot(let r): what = "root element is <\(r)>, expected <score-partwise> or <score-timewise>"
        case .missingElement(let e): what = "missing <\(e)>"
        case .invalidValue(let e, let v): what = "invalid <\(e)> value '\(v)'"
        case .invalidArchive(let m): what = "not a readable .mxl archive: \(m)"
        case .io(let m): what = m
        case .unwritable(let m): what = "cannot write as MusicXML: \(m)"
        case .limitExceeded(let m): what = "beyond the reader's limits: \(m)"
        case .assumption(let m): what = m
        case .unmatchedMark(let m): what = m
        case .durationDisagreement(let notation, let notated, let duration):
            what = "<duration> of \(duration) quarters disagrees with the notated \(notation) (\(notated) quarters); the duration is kept"
        }
        return "\(place): \(what)" + (cause.map { ": \(ErrorMessage.of($0))" } ?? "")
    }

    /// The same text as ``description``, so `localizedDescription` prints it too.
    public var errorDescription: String? { description }


}
