/// Writing the spanner and sign directions: hairpins, pedal, octave shifts, lines, segno, coda, rehearsal.
extension MusicXMLTextBuilder {
    /// The `<direction-type>` contents for a typed direction, one per `<direction>` to write;
    /// `nil` for kinds written elsewhere.
    static func directionTypeXML(_ kind: Direction.Kind) -> [String]? {
        switch kind {
        case .wedge(let w):
            var a = " type=\"\(w.type.rawValue)\"" + numberAttribute(w.number)
            if let spread = w.spread, spread.isFinite, spread >= 0 { a += " spread=\"\(decimal(spread))\"" }
            if w.niente { a += " niente=\"yes\"" }
            return ["<wedge\(a)/>"]
        case .pedal(let p):
            var a = p.line.map { " line=\"\($0 ? "yes" : "no")\"" } ?? ""
            a += p.sign.map { " sign=\"\($0 ? "yes" : "no")\"" } ?? ""
            // MuseScore 3 rejects `type="change"` (added in MusicXML 3.0) with "unknown pedal type
            // change"; a release and a press at the same point mean the same to every reader.
            if p.type == .change { return ["<pedal type=\"stop\"\(a)/>", "<pedal type=\"start\"\(a)/>"] }
            return ["<pedal type=\"\(p.type.rawValue)\"\(a)/>"]
        case .octaveShift(let o):
            return ["<octave-shift type=\"\(o.type.rawValue)\"\(numberAttribute(o.number)) size=\"\(o.size)\"/>"]
        case .dashes(let d):
            return ["<dashes type=\"\(d.type.rawValue)\"\(numberAttribute(d.number))/>"]
        case .bracket(let b):
            let lineType = b.lineType.map { " line-type=\"\($0.rawValue)\"" } ?? ""
            return ["<bracket type=\"\(b.type.rawValue)\"\(numberAttribute(b.number)) line-end=\"\(b.lineEnd.rawValue)\"\(lineType)/>"]
        case .segno:
            return ["<segno/>"]
        case .coda:
            return ["<coda/>"]
        case .rehearsal(let text):
            return ["<rehearsal>\(escape(text))</rehearsal>"]
        default:
            return nil
        }
    }

    /// MusicXML's `number-level` runs 1…16; anything else is left out rather than written invalid.
    private static func numberAttribute(_ number: Int?) -> String {
        guard let number, (1...16).contains(number) else { return "" }
        return " number=\"\(number)\""
    }

    private static func decimal(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e12 ? String(Int(value)) : String(value)
    }
}
