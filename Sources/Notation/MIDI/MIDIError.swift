import Foundation

/// A problem found while reading or writing a Standard MIDI File, with where and why.
///
/// Problems are graded as careful MIDI readers grade them (Rust's midly makes the same three
/// distinctions: errors that stop reading, malformed data a lenient reader skips, and
/// pedantic departures from the specification):
/// ``Severity-swift.enum/fatal`` problems stop reading; ``Severity-swift.enum/corrupt`` ones mean
/// bytes are missing or wrong but the rest of the file can still be read; ``Severity-swift.enum/pedantic``
/// ones break the letter of the specification without losing any music. ``MIDIReader`` throws
/// every problem in strict mode and, in lenient mode, throws only fatal ones and records the
/// others as warnings next to a partial result.
///
/// Two errors are equal when severity, reason, offset, track and file are; the ``cause`` is not
/// compared.
public struct MIDIError: Error, Hashable, CustomStringConvertible, LocalizedError {
    /// How bad a problem is.
    public enum Severity: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Breaks the specification but loses nothing (a missing end-of-track event).
        case pedantic
        /// Bytes are missing or malformed; what comes before (and other tracks) can still be used.
        case corrupt
        /// Nothing sensible can be read: not a MIDI file, or no header.
        case fatal

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .pedantic: return "pedantic"
            case .corrupt: return "corrupt"
            case .fatal: return "fatal"
            }
        }
    }

    /// What is wrong.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The file could not be opened or read.
        case unreadable(String)
        /// The file could not be written.
        case unwritable(String)
        /// The file does not start with an `MThd` header chunk.
        case notAMIDIFile
        /// The header chunk is shorter than its six required bytes.
        case headerTooShort(Int)
        /// The header chunk is longer than six bytes (the extra bytes are skipped).
        case headerTooLong(Int)
        /// The header names a format other than 0, 1 or 2.
        case unsupportedFormat(Int)
        /// The header declares more tracks than the file could possibly hold.
        case absurdTrackCount(declared: Int)
        /// The header's track count differs from the track chunks found.
        case trackCountMismatch(declared: Int, found: Int)
        /// A chunk's declared length runs past the end of the file.
        case chunkPastEnd(declared: Int, available: Int)
        /// The file ends in the middle of an event or chunk header.
        case truncated
        /// A variable-length quantity is longer than four bytes.
        case badVariableLength
        /// A data byte appears where a status byte is needed and no running status is active.
        case runningStatusWithoutStatus
        /// A byte with the top bit set appears where a 7-bit data byte is needed.
        case invalidDataByte(UInt8)
        /// A status byte that may not appear in a file (system common or real-time).
        case unexpectedStatus(UInt8)
        /// A meta event whose data has the wrong size for its type.
        case malformedMeta(type: UInt8, length: Int)
        /// A track chunk ends without an end-of-track event.
        case missingEndOfTrack
        /// Bytes follow the end-of-track event inside its chunk.
        case dataAfterEndOfTrack(Int)
        /// Bytes after the last chunk that are too few to be a chunk.
        case trailingBytes(Int)
        /// The time division is in SMPTE frames, which the operation cannot use.
        case smpteDivisionUnsupported
        /// A value does not fit the file format (writing).
        case valueOutOfRange(String)
        /// The file goes beyond one of ``MIDIReader/Options``' bounds (size, tracks, events,
        /// tempo events); always fatal.
        case limitExceeded(String)

        /// The stable name of the case, e.g. `"truncated"`.
        public var code: String {
            switch self {
            case .unreadable: return "unreadable"
            case .unwritable: return "unwritable"
            case .notAMIDIFile: return "notAMIDIFile"
            case .headerTooShort: return "headerTooShort"
            case .headerTooLong: return "headerTooLong"
            case .unsupportedFormat: return "unsupportedFormat"
            case .absurdTrackCount: return "absurdTrackCount"
            case .trackCountMismatch: return "trackCountMismatch"
            case .chunkPastEnd: return "chunkPastEnd"
            case .truncated: return "truncated"
            case .badVariableLength: return "badVariableLength"
            case .runningStatusWithoutStatus: return "runningStatusWithoutStatus"
            case .invalidDataByte: return "invalidDataByte"
            case .unexpectedStatus: return "unexpectedStatus"
            case .malformedMeta: return "malformedMeta"
            case .missingEndOfTrack: return "missingEndOfTrack"
            case .dataAfterEndOfTrack: return "dataAfterEndOfTrack"
            case .trailingBytes: return "trailingBytes"
            case .smpteDivisionUnsupported: return "smpteDivisionUnsupported"
            case .valueOutOfRange: return "valueOutOfRange"
            case .limitExceeded: return "limitExceeded"
            }
        }

        public var description: String {
            switch self {
            case .unreadable(let why): return "cannot read file" + (why.isEmpty ? "" : ": \(why)")
            case .unwritable(let why): return "cannot write file" + (why.isEmpty ? "" : ": \(why)")
            case .notAMIDIFile: return "not a Standard MIDI File (no MThd header)"
            case .headerTooShort(let n): return "header chunk has \(n) bytes, needs 6"
            case .headerTooLong(let n): return "header chunk has \(n) bytes, expected 6"
            case .unsupportedFormat(let f): return "unsupported SMF format \(f) (expected 0, 1 or 2)"
            case .absurdTrackCount(let n): return "header declares \(n) tracks, more than the file can hold"
            case .trackCountMismatch(let d, let f): return "header declares \(d) tracks but \(f) were found"
            case .chunkPastEnd(let d, let a): return "chunk length \(d) runs past the end of the file (\(a) bytes left)"
            case .truncated: return "file ends in the middle of an event"
            case .badVariableLength: return "variable-length quantity longer than 4 bytes"
            case .runningStatusWithoutStatus: return "data byte with no running status"
            case .invalidDataByte(let b): return "byte 0x\(String(b, radix: 16)) where a 7-bit data byte is needed"
            case .unexpectedStatus(let b): return "status byte 0x\(String(b, radix: 16)) is not allowed in a file"
            case .malformedMeta(let t, let l): return "meta event 0x\(String(t, radix: 16)) has a wrong length \(l)"
            case .missingEndOfTrack: return "track has no end-of-track event"
            case .dataAfterEndOfTrack(let n): return "\(n) bytes after the end-of-track event"
            case .trailingBytes(let n): return "\(n) stray bytes after the last chunk"
            case .smpteDivisionUnsupported: return "SMPTE time division has no quarter notes to quantize to"
            case .valueOutOfRange(let what): return "value out of range: \(what)"
            case .limitExceeded(let what): return "beyond the reader's limits: \(what)"
            }
        }
    }

    /// How bad the problem is.
    public var severity: Severity
    /// What is wrong.
    public var reason: Reason
    /// Byte offset in the file where the problem was found.
    public var offset: Int
    /// The track chunk (0-based) it was found in, if any.
    public var track: Int?
    /// The file, when the bytes came from one (or were named when read).
    public var file: String?
    /// The error that led to this one (a Foundation I/O error), if any.
    public var cause: (any Error)? {
        get { storedCause.error }
        set { storedCause = ErrorCause(newValue) }
    }
    private var storedCause: ErrorCause

    /// Creates an error.
    public init(_ severity: Severity, _ reason: Reason, offset: Int, track: Int? = nil, file: String? = nil,
                cause: (any Error)? = nil) {
        self.severity = severity
        self.reason = reason
        self.offset = offset
        self.track = track
        self.file = file
        self.storedCause = ErrorCause(cause)
    }

    /// The stable name of the kind of problem (``Reason/code``), e.g. `"truncated"`.
    public var code: String { reason.code }

    /// `"song.mid: corrupt at byte 1234 (track 2): file ends in the middle of an event"`.
    public var description: String {
        (file.map { "\($0): " } ?? "") + "\(severity) at byte \(offset)" + (track.map { " (track \($0))" } ?? "")
            + ": \(reason)" + (cause.map { ": \(ErrorMessage.of($0))" } ?? "")
    }

    /// The same text as ``description``, so `localizedDescription` prints it too.
    public var errorDescription: String? { description }



    /// The same problem, said of `file`.
    func named(_ file: String?) -> MIDIError {
        var copy = self
        copy.file = file
        return copy
    }
}
