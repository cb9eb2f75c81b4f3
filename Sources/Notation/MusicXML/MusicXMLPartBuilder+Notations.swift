import Foundation

/// Reading the marks of a `<note>` into ``NoteMarks``: beams, stem, notehead and the
/// `<notations>` children other than ties and articulations.
extension PartBuilder {
    /// Whether a note's beams are tracked with the main notes or with grace and cue notes,
    /// which beam among themselves across the main beam.
    private func beamVoice(_ n: NoteData) -> String {
        n.grace || n.marks.isCue ? (n.voice ?? "1") + "/grace" : n.voice ?? "1"
    }

    /// `<beam number="2">begin</beam>`; a `continue` or `end` with no open beam of its level
    /// in the voice is kept and reported.
    func parseBeam(_ x: XMLStream, into n: inout NoteData) throws(MusicXMLError) {
        let number = !x.hasAttributes ? 1 : x.smallIntAttribute("number") ?? x.attribute("number").flatMap { Int($0) } ?? 1
        // Beams and stems are on most notes: matched on bytes, no String per note.
        let bytes = try x.textBytes()
        let value: Beam.Value?
        if Self.bytes(bytes, are: "begin") { value = .begin }
        else if Self.bytes(bytes, are: "continue") { value = .continue }
        else if Self.bytes(bytes, are: "end") { value = .end }
        else { value = Beam.Value(rawValue: x.lastText) }
        guard let value, (1...8).contains(number) else {
            return reject(x, "beam", "\(x.lastText) (number \(number))")
        }
        // The open beam levels of a voice as bits: no set to allocate per voice.
        let bit = UInt16(1) << number
        let voice = beamVoice(n)
        switch value {
        case .begin:
            openBeams[voice, default: 0] |= bit
        case .continue, .end:
            let open = openBeams[voice, default: 0]
            if open & bit == 0 {
                warnings.append(x.error(.unmatchedMark("beam \(number) \(value.rawValue) with no beam begun in voice \(n.voice ?? "1")")))
            }
            // Reported once: after an unmatched `continue` the beam counts as open.
            openBeams[voice] = value == .end ? open & ~bit : open | bit
        case .forwardHook, .backwardHook:
            break
        }
        n.marks.beams.append(Beam(value, number: number))
    }

    func parseStem(_ x: XMLStream, into n: inout NoteData) throws(MusicXMLError) {
        let bytes = try x.textBytes()
        let stem: Stem?
        if Self.bytes(bytes, are: "up") { stem = .up }
        else if Self.bytes(bytes, are: "down") { stem = .down }
        else { stem = Stem(rawValue: x.lastText) }
        guard let stem else { return reject(x, "stem", x.lastText) }
        n.marks.stem = stem
    }

    /// Whether `bytes` spell `word` (a byte compare, no `String`).
    private static func bytes(_ bytes: ArraySlice<UInt8>, are word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, word.utf8Start, $0.count) == 0 }
    }

    func parseNotehead(_ x: XMLStream, into n: inout NoteData) throws(MusicXMLError) {
        let filled = x.attribute("filled").map { $0 == "yes" }
        let parentheses = x.attribute("parentheses") == "yes"
        let text = try x.text()
        guard let shape = Notehead.Shape(rawValue: text) else { return reject(x, "notehead", text) }
        n.marks.notehead = Notehead(shape, filled: filled, parentheses: parentheses)
    }

    /// One child of `<notations>` other than `<tied>` and `<articulations>`.
    func parseNotationMark(_ tag: MusicXMLTag, _ x: XMLStream, into n: inout NoteData) throws(MusicXMLError) {
        switch tag {
        case .slur:
            let number = Self.number(x)
            guard let type = x.attribute("type").flatMap(StartStop.init(rawValue:)) else {
                reject(x, "slur", x.attribute("type") ?? "no type")
                return try x.skip()
            }
            switch type {
            case .start: openSlurs.insert(number)
            case .continue, .stop:
                if !openSlurs.contains(number) {
                    warnings.append(x.error(.unmatchedMark("slur \(number) \(type.rawValue)s with no slur started")))
                }
                if type == .stop { openSlurs.remove(number) }
            }
            n.marks.slurs.append(Slur(type, number: number, placement: Self.placement(x),
                                      lineType: x.attribute("line-type").flatMap(LineType.init(rawValue:))))
            try x.skip()
        case .glissando, .slide:
            let kind: Glissando.Kind = tag == .slide ? .slide : .glissando
            guard let type = x.attribute("type").flatMap(StartStop.init(rawValue:)), type != .continue else {
                reject(x, kind.rawValue, x.attribute("type") ?? "no type")
                return try x.skip()
            }
            let lineType = x.attribute("line-type").flatMap(LineType.init(rawValue:))
            let number = Self.number(x)
            let text = try x.text()
            n.marks.glissandos.append(Glissando(kind, type, number: number, lineType: lineType, text: text.isEmpty ? nil : text))
        case .fermata:
            let type = x.attribute("type").flatMap(Fermata.Orientation.init(rawValue:))
            let text = try x.text()
            n.articulations.insert(.fermata)
            n.marks.fermatas.append(Fermata(type, shape: text.isEmpty ? nil : Fermata.Shape(rawValue: text)))
        case .ornaments:
            try parseOrnaments(x, into: &n)
        case .technical:
            try parseTechnical(x, into: &n)
        case .dynamics:
            try x.forEachChild { (_) throws(MusicXMLError) in
                let name = x.name
                if name == "other-dynamics" {
                    let text = try x.text()
                    if !text.isEmpty { n.marks.dynamics.append(text) }
                } else {
                    n.marks.dynamics.append(name)
                    try x.skip()
                }
            }
        case .arpeggiate:
            let direction = x.attribute("direction").flatMap(Arpeggiate.Direction.init(rawValue:))
            n.marks.arpeggiate = Arpeggiate(.arpeggiate(direction: direction), number: x.attribute("number").flatMap { Int($0) })
            try x.skip()
        case .accidentalMark:
            let placement = Self.placement(x)
            let text = try x.text()
            if !text.isEmpty { n.marks.accidentalMarks.append(AccidentalMark(text, placement: placement)) }
        case .otherNotation:
            let type = x.attribute("type").flatMap(OtherNotation.Kind.init(rawValue:)) ?? .single
            let number = Self.number(x)
            n.marks.otherNotations.append(OtherNotation(type, number: number, text: try x.text()))
        case .tuplet:
            try parseTuplet(x, into: &n)
        case .tied:
            // Ties are read from <tie> (a cue note, which has none, sounds untied, as in music21).
            try x.skip()
        default:
            if x.name == "non-arpeggiate" {
                guard let end = x.attribute("type").flatMap(Arpeggiate.End.init(rawValue:)) else {
                    reject(x, "non-arpeggiate", x.attribute("type") ?? "no type")
                    return try x.skip()
                }
                n.marks.arpeggiate = Arpeggiate(.nonArpeggiate(end: end), number: x.attribute("number").flatMap { Int($0) })
                try x.skip()
            } else {
                try x.skipUnknown(in: "notations")
            }
        }
    }

    private func parseOrnaments(_ x: XMLStream, into n: inout NoteData) throws(MusicXMLError) {
        var ornaments: [Ornament] = []
        try x.forEachChild { (_) throws(MusicXMLError) in
            let name = x.name
            if name == "accidental-mark" {
                let placement = Self.placement(x)
                let mark = AccidentalMark(try x.text(), placement: placement)
                if ornaments.isEmpty { n.marks.accidentalMarks.append(mark) }
                else { ornaments[ornaments.count - 1].accidentalMarks.append(mark) }
                return
            }
            guard let kind = Ornament.Kind(rawValue: name) else { try x.skipUnknown(in: "ornaments"); return }
            var ornament = Ornament(kind, placement: Self.placement(x))
            switch kind {
            case .wavyLine:
                guard let type = x.attribute("type").flatMap(StartStop.init(rawValue:)) else {
                    reject(x, "wavy-line", x.attribute("type") ?? "no type")
                    return try x.skip()
                }
                ornament.type = type
                // Kept so that a stop and a start on one note stay two lines (MuseScore pairs by it).
                ornament.number = x.attribute("number").flatMap { Int($0) }.flatMap { (1...16).contains($0) ? $0 : nil }
                try x.skip()
            case .tremolo:
                ornament.tremolo = x.attribute("type").flatMap(Ornament.Tremolo.init(rawValue:)) ?? .single
                let marks = try x.int()
                guard let marks, (0...8).contains(marks) else { return reject(x, "tremolo", x.lastText) }
                ornament.marks = marks
            case .mordent, .invertedMordent:
                ornament.long = x.attribute("long").map { $0 == "yes" }
                try x.skip()
            case .otherOrnament:
                ornament.text = try x.text()
            default:
                try x.skip()
            }
            ornaments.append(ornament)
        }
        n.marks.ornaments += ornaments
    }

    /// Technical marks whose content is sub-elements rather than text.
    private static let technicalWithParts: Set<Technical.Kind> = [.harmonic, .bend, .hole, .arrow, .harmonMute]

    private func parseTechnical(_ x: XMLStream, into n: inout NoteData) throws(MusicXMLError) {
        try x.forEachChild { (_) throws(MusicXMLError) in
            guard let kind = Technical.Kind(rawValue: x.name) else { try x.skipUnknown(in: "technical"); return }
            var mark = Technical(kind, placement: Self.placement(x))
            if kind == .hammerOn || kind == .pullOff {
                guard let type = x.attribute("type").flatMap(StartStop.init(rawValue:)), type != .continue else {
                    reject(x, kind.rawValue, x.attribute("type") ?? "no type")
                    return try x.skip()
                }
                mark.type = type
            }
            if Self.technicalWithParts.contains(kind) {
                try x.forEachChild { (_) throws(MusicXMLError) in
                    let name = x.name
                    mark.parts.append(Technical.Part(name, text: try x.text()))
                }
            } else {
                let text = try x.text()
                mark.text = text.isEmpty ? nil : text
            }
            n.marks.technical.append(mark)
        }
    }

    /// A mark with a value MusicXML does not allow is left out and reported among the
    /// warnings: a misspelt mark is no reason to refuse the music.
    private func reject(_ x: XMLStream, _ element: String, _ value: String) {
        warnings.append(x.error(.invalidValue(element: element, value: value)))
    }

    private static func number(_ x: XMLStream) -> Int {
        (x.smallIntAttribute("number") ?? x.attribute("number").flatMap { Int($0) }).map { min(max($0, 1), 16) } ?? 1
    }

    private static func placement(_ x: XMLStream) -> Placement? {
        x.attribute("placement").flatMap(Placement.init(rawValue:))
    }
}
