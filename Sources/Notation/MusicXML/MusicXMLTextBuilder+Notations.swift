/// Writing ``NoteMarks`` back as `<note>` children and `<notations>` content, in the order the
/// MusicXML 4.0 schema requires.
extension MusicXMLTextBuilder {
    private static func placementXML(_ placement: Placement?) -> String {
        placement.map { " placement=\"\($0.rawValue)\"" } ?? ""
    }

    /// `<stem>` and `<notehead>`, which come between `<time-modification>` and `<staff>`.
    static func stemAndNoteheadXML(_ marks: NoteMarks) -> String {
        var text = ""
        if let stem = marks.stem { text += "<stem>\(stem.rawValue)</stem>" }
        if let head = marks.notehead { text += noteheadXML(head) }
        return text
    }

    /// `<notehead>`, which follows `<stem>`.
    static func noteheadXML(_ head: Notehead) -> String {
        var attributes = ""
        if let filled = head.filled { attributes += " filled=\"\(filled ? "yes" : "no")\"" }
        if head.parentheses { attributes += " parentheses=\"yes\"" }
        return "<notehead\(attributes)>\(head.shape.rawValue)</notehead>"
    }

    /// Appends the `<beam>` elements, which follow `<staff>` (on most notes of an engraved
    /// score, so no string is built per beam).
    static func appendBeams(_ beams: [Beam], to out: inout String) {
        for beam in beams {
            out += beam.number == 1 ? "<beam number=\"1\">" : "<beam number=\"\(beam.number)\">"
            out += beam.value.rawValue
            out += "</beam>"
        }
    }

    /// Slurs, glissandos, slides, ornaments and technical marks (written before
    /// `<articulations>`; `<notations>` children may come in any order).
    static func leadingNotationsXML(_ marks: NoteMarks) -> String {
        var text = ""
        for slur in marks.slurs {
            text += "<slur type=\"\(slur.type.rawValue)\" number=\"\(slur.number)\""
            if let lineType = slur.lineType { text += " line-type=\"\(lineType.rawValue)\"" }
            text += placementXML(slur.placement) + "/>"
        }
        for line in marks.glissandos where line.type != .continue {
            text += "<\(line.kind.rawValue) type=\"\(line.type.rawValue)\" number=\"\(line.number)\""
            if let lineType = line.lineType { text += " line-type=\"\(lineType.rawValue)\"" }
            text += ">\(escape(line.text ?? ""))</\(line.kind.rawValue)>"
        }
        if !marks.ornaments.isEmpty {
            text += "<ornaments>"
            for ornament in marks.ornaments { text += ornamentXML(ornament) }
            text += "</ornaments>"
        }
        if !marks.technical.isEmpty {
            text += "<technical>"
            for mark in marks.technical { text += technicalXML(mark) }
            text += "</technical>"
        }
        return text
    }

    private static func ornamentXML(_ ornament: Ornament) -> String {
        let name = ornament.kind.rawValue
        var attributes = placementXML(ornament.placement)
        var body = ""
        switch ornament.kind {
        case .wavyLine:
            attributes = " type=\"\((ornament.type ?? .start).rawValue)\"" + (ornament.number.map { " number=\"\($0)\"" } ?? "") + attributes
        case .tremolo:
            attributes = " type=\"\((ornament.tremolo ?? .single).rawValue)\"" + attributes
            body = "\(min(max(ornament.marks ?? 3, 0), 8))"
        case .mordent, .invertedMordent:
            if let long = ornament.long { attributes += " long=\"\(long ? "yes" : "no")\"" }
        case .otherOrnament:
            body = escape(ornament.text ?? "")
        default:
            break
        }
        var text = body.isEmpty && ornament.kind != .otherOrnament ? "<\(name)\(attributes)/>" : "<\(name)\(attributes)>\(body)</\(name)>"
        for mark in ornament.accidentalMarks { text += accidentalMarkXML(mark) }
        return text
    }

    private static func accidentalMarkXML(_ mark: AccidentalMark) -> String {
        "<accidental-mark\(placementXML(mark.placement))>\(escape(mark.value))</accidental-mark>"
    }

    private static func technicalXML(_ mark: Technical) -> String {
        let name = mark.kind.rawValue
        var attributes = ""
        if mark.kind == .hammerOn || mark.kind == .pullOff {
            attributes += " type=\"\(mark.type == .stop ? "stop" : "start")\""
        }
        attributes += placementXML(mark.placement)
        if !mark.parts.isEmpty {
            let parts = mark.parts.map { $0.text.isEmpty ? "<\($0.name)/>" : "<\($0.name)>\(escape($0.text))</\($0.name)>" }
            return "<\(name)\(attributes)>\(parts.joined())</\(name)>"
        }
        if let text = mark.text { return "<\(name)\(attributes)>\(escape(text))</\(name)>" }
        return "<\(name)\(attributes)/>"
    }

    /// Dynamics, fermatas, arpeggios, accidental marks and other notations (written after
    /// `<articulations>`). `hasFermata` is whether the note's articulations hold `.fermata`.
    static func trailingNotationsXML(_ marks: NoteMarks, hasFermata: Bool) -> String {
        var text = ""
        if !marks.dynamics.isEmpty {
            text += "<dynamics>"
            for name in marks.dynamics {
                text += dynamicNames.contains(name) ? "<\(name)/>" : "<other-dynamics>\(escape(name))</other-dynamics>"
            }
            text += "</dynamics>"
        }
        if hasFermata {
            for fermata in marks.fermatas.isEmpty ? [Fermata()] : marks.fermatas {
                let type = fermata.type.map { " type=\"\($0.rawValue)\"" } ?? ""
                text += fermata.shape.map { "<fermata\(type)>\($0.rawValue)</fermata>" } ?? "<fermata\(type)/>"
            }
        }
        if let arpeggiate = marks.arpeggiate {
            let number = arpeggiate.number.map { " number=\"\($0)\"" } ?? ""
            switch arpeggiate.kind {
            case .arpeggiate(let direction):
                text += "<arpeggiate\(number)\(direction.map { " direction=\"\($0.rawValue)\"" } ?? "")/>"
            case .nonArpeggiate(let end):
                text += "<non-arpeggiate type=\"\(end.rawValue)\"\(number)/>"
            }
        }
        for mark in marks.accidentalMarks { text += accidentalMarkXML(mark) }
        for other in marks.otherNotations {
            text += "<other-notation type=\"\(other.type.rawValue)\" number=\"\(other.number)\">\(escape(other.text))</other-notation>"
        }
        return text
    }
}
