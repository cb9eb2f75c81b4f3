import CLibXML2
import Foundation

/// A pull cursor over libxml2's streaming `xmlTextReader`, with element names interned to
/// ``MusicXMLTag`` by pointer so the hot loop never builds a `String` for a name.
///
/// Safety settings: no network (`XML_PARSE_NONET`), no entity substitution and no DTD
/// loading (neither `XML_PARSE_NOENT` nor `XML_PARSE_DTDLOAD`), so a DOCTYPE naming the
/// MusicXML DTD fetches nothing and an external entity is never read; libxml2's entity
/// amplification limits stay on (no `XML_PARSE_HUGE`).
final class XMLStream {
    /// The kind of node the cursor stands on.
    enum NodeKind { case start, end, text, other, eof }

    private let reader: xmlTextReaderPtr
    private let errorBox: ErrorBox
    let file: String
    /// Names of elements not understood, collected for the caller's report.
    var skipped: Set<String> = []
    /// Open-addressing table from libxml2's interned name pointers to tags (power-of-two size).
    @exclusivity(unchecked) private var tagKeys = [UInt](repeating: 0, count: 1024)
    @exclusivity(unchecked) private var tagValues = [MusicXMLTag](repeating: .unknown, count: 1024)
    private var unknownNames: [UnsafeRawPointer: String] = [:]
    @exclusivity(unchecked) private(set) var kind: NodeKind = .other
    @exclusivity(unchecked) private(set) var tag: MusicXMLTag = .unknown
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let keepAlive: Data

    /// Collects the first libxml2 error with its position.
    final class ErrorBox {
        var message: String?
        var line = 0
        var column = 0
    }

    init(data: Data, file: String) throws(MusicXMLError) {
        self.file = file
        self.keepAlive = data
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let made: xmlTextReaderPtr? = data.withUnsafeBytes { raw -> xmlTextReaderPtr? in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return xmlReaderForMemory(base.assumingMemoryBound(to: CChar.self), Int32(clamping: raw.count), nil, nil, options)
        }
        guard let made else { throw MusicXMLError(file: file, problem: .malformedXML("empty document")) }
        reader = made
        errorBox = ErrorBox()
        let context = Unmanaged.passUnretained(errorBox).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<XMLStream.ErrorBox>.fromOpaque(context).takeUnretainedValue()
            guard box.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            box.message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "error"
            box.line = Int(error.pointee.line)
            box.column = Int(error.pointee.int2)
        }, context)
        for candidate in MusicXMLTag.allCases where candidate != .unknown {
            if let interned = xmlTextReaderConstString(reader, candidate.rawValue) {
                let key = UInt(bitPattern: interned)
                var slot = XMLStream.slot(key)
                while tagKeys[slot] != 0 && tagKeys[slot] != key { slot = (slot + 1) & 1023 }
                tagKeys[slot] = key
                tagValues[slot] = candidate
            }
        }
    }

    deinit { xmlFreeTextReader(reader) }

    /// The current position, for error messages.
    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    var column: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    func error(_ problem: MusicXMLError.Problem) -> MusicXMLError {
        MusicXMLError(file: file, line: line, column: column, problem: problem)
    }

    /// Moves to the next node. Throws on malformed XML.
    @discardableResult
    func advance() throws(MusicXMLError) -> NodeKind {
        let status = xmlTextReaderRead(reader)
        if status == 1 {
            switch xmlTextReaderNodeType(reader) {
            case 1:
                kind = .start
                tag = lookupTag()
            case 15:
                kind = .end
            case 3, 4:
                kind = .text
            default:
                kind = .other
            }
            return kind
        }
        if status == 0 && errorBox.message == nil {
            kind = .eof
            return kind
        }
        throw MusicXMLError(file: file, line: errorBox.line > 0 ? errorBox.line : line,
                            column: errorBox.line > 0 ? errorBox.column : column,
                            problem: .malformedXML(errorBox.message ?? "unreadable XML"))
    }

    private static func slot(_ key: UInt) -> Int { Int(truncatingIfNeeded: (key >> 3) ^ (key >> 13)) & 1023 }

    private func lookupTag() -> MusicXMLTag {
        guard let name = xmlTextReaderConstLocalName(reader) else { return .unknown }
        let key = UInt(bitPattern: name)
        var slot = XMLStream.slot(key)
        while true {
            let stored = tagKeys[slot]
            if stored == key { return tagValues[slot] }
            if stored == 0 { return .unknown }
            slot = (slot + 1) & 1023
        }
    }

    /// The current element's name as text (only for reports and errors).
    var name: String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "?" }
        let key = UnsafeRawPointer(name)
        if let known = unknownNames[key] { return known }
        let text = String(cString: name)
        unknownNames[key] = text
        return text
    }

    /// The depth of the current node.
    var depth: Int32 { xmlTextReaderDepth(reader) }

    /// Whether the current start element is `<x/>` (no children, no end node follows).
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// Moves to the root element.
    func moveToRoot() throws(MusicXMLError) {
        while try advance() != .eof {
            if kind == .start { return }
        }
        throw MusicXMLError(file: file, problem: .malformedXML("no root element"))
    }

    /// Calls `body` for each child element of the current element; `body` must consume the
    /// child entirely (by reading it, or with ``skip()``). Text children are ignored.
    func forEachChild(_ body: (MusicXMLTag) throws(MusicXMLError) -> Void) throws(MusicXMLError) {
        if isEmptyElement { return }
        let parentDepth = depth
        while true {
            switch try advance() {
            case .start:
                try body(tag)
            case .end:
                if depth == parentDepth { return }
            case .eof:
                throw error(.malformedXML("document ends inside an element"))
            case .text, .other:
                break
            }
        }
    }

    /// Skips the current element and everything inside it.
    func skip() throws(MusicXMLError) {
        if isEmptyElement { return }
        let parentDepth = depth
        while true {
            switch try advance() {
            case .end where depth == parentDepth: return
            case .eof: throw error(.malformedXML("document ends inside an element"))
            default: break
            }
        }
    }

    /// Skips an element this reader does not understand, noting its name.
    func skipUnknown(in parent: String? = nil) throws(MusicXMLError) {
        skipped.insert(parent.map { "\($0)/\(name)" } ?? name)
        try skip()
    }

    /// Reads the text inside the current element into the shared byte buffer (nested
    /// elements are skipped) and returns it trimmed of white space.
    private func collectText() throws(MusicXMLError) -> ArraySlice<UInt8> {
        buffer.removeAll(keepingCapacity: true)
        if isEmptyElement { return buffer[...] }
        let parentDepth = depth
        loop: while true {
            switch try advance() {
            case .text:
                if let value = xmlTextReaderConstValue(reader) {
                    buffer.append(contentsOf: UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))))
                }
            case .end where depth == parentDepth:
                break loop
            case .eof:
                throw error(.malformedXML("document ends inside an element"))
            default:
                break
            }
        }
        var slice = buffer[...]
        while let first = slice.first, first == 32 || first == 9 || first == 10 || first == 13 { slice.removeFirst() }
        while let last = slice.last, last == 32 || last == 9 || last == 10 || last == 13 { slice.removeLast() }
        lastRange = slice.startIndex..<slice.endIndex
        return slice
    }

    @exclusivity(unchecked) private var lastRange = 0..<0

    /// The trimmed text most recently read by ``text()``, ``int()`` or ``decimal()`` (for
    /// error messages after a value failed to parse).
    var lastText: String { String(decoding: buffer[lastRange], as: UTF8.self) }

    /// The element's text, trimmed.
    func text() throws(MusicXMLError) -> String {
        String(decoding: try collectText(), as: UTF8.self)
    }

    /// The element's trimmed text as bytes, valid until the next read (for matching a few
    /// keywords without building a `String`).
    func textBytes() throws(MusicXMLError) -> ArraySlice<UInt8> {
        try collectText()
    }

    /// The element's text as an integer, or `nil` if empty or not an integer (decimals are
    /// accepted when whole, `"4.0"`).
    func int() throws(MusicXMLError) -> Int? {
        let bytes = try collectText()
        return XMLStream.parseInt(bytes)
    }

    /// The element's text when it is a single ASCII letter, as that byte (for `<step>`).
    func letter() throws(MusicXMLError) -> UInt8? {
        let bytes = try collectText()
        return bytes.count == 1 ? bytes.first : nil
    }

    /// The element's text as an exact decimal (`"1.5"`, `"-0.25"`, `"2"`), or `nil`.
    func decimal() throws(MusicXMLError) -> Rational? {
        XMLStream.parseDecimal(try collectText())
    }

    static func parseInt<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        guard let value = parseDecimal(bytes), value.isInteger else { return nil }
        return value.numerator
    }

    /// Parses `[+-]digits[.digits]` exactly: at most 12 whole digits and 6 decimals (more are
    /// float noise such as `0.33333333`), so it never overflows.
    static func parseDecimal<C: Collection>(_ bytes: C) -> Rational? where C.Element == UInt8 {
        var negative = false
        var whole = 0, fraction = 0, scale = 1
        var digits = 0, fractionDigits = 0
        var seenDot = false
        var first = true
        for byte in bytes {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first: negative = true
            case UInt8(ascii: "+") where first: break
            case UInt8(ascii: ".") where !seenDot: seenDot = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int(byte - UInt8(ascii: "0"))
                if seenDot {
                    fractionDigits += 1
                    guard fractionDigits <= 6 else { continue }  // further digits are float noise
                    fraction = fraction * 10 + d
                    scale *= 10
                } else {
                    digits += 1
                    guard digits <= 12 else { return nil }
                    whole = whole * 10 + d
                }
            default:
                return nil
            }
        }
        guard digits + fractionDigits > 0 else { return nil }
        let value = Rational(whole) + Rational(fraction, scale)
        return negative ? -value : value
    }

    /// Whether the current start element has any attribute (cheaper than asking for one).
    var hasAttributes: Bool { xmlTextReaderHasAttributes(reader) == 1 }

    /// An attribute of the current start element that is a plain unsigned integer of at most
    /// four digits (a beam, slur or lyric number), read in place; `nil` when absent or
    /// anything else (then ``attribute(_:)`` tells what it is).
    func smallIntAttribute(_ name: StaticString) -> Int? {
        guard xmlTextReaderMoveToAttribute(reader, name.utf8Start) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        guard var p = xmlTextReaderConstValue(reader) else { return nil }
        var value = 0, digits = 0
        while p.pointee != 0 {
            let digit = Int(p.pointee) - 48
            guard (0...9).contains(digit), digits < 4 else { return nil }
            value = value * 10 + digit
            digits += 1
            p += 1
        }
        return digits > 0 ? value : nil
    }

    /// An attribute of the current start element (the name a literal, passed to libxml2 as
    /// it is, without making a C string per call).
    func attribute(_ name: StaticString) -> String? {
        guard xmlTextReaderMoveToAttribute(reader, name.utf8Start) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        guard let value = xmlTextReaderConstValue(reader) else { return nil }
        return String(cString: value)
    }
}
