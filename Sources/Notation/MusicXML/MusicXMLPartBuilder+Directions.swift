/// Reading `<direction>`: tempo, dynamics, words, hairpins, pedal, octave shifts, lines, signs.
extension PartBuilder {
    /// Reads a `<direction>`: one ``Direction`` per mark it holds, at the cursor plus its `<offset>`.
    func parseDirection(_ x: XMLStream, into built: inout Built, at: Rational) throws(MusicXMLError) {
        var kinds: [Direction.Kind] = []
        var staff: Int?
        var offset = Rational.zero
        var soundTempo: Double?
        var hasMetronome = false
        var marks = false
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .directionType:
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    switch tag {
                    case .dynamics:
                        marks = true
                        try x.forEachChild { (_) throws(MusicXMLError) in
                            let name = x.name
                            if name == "other-dynamics" {
                                let text = try x.text()
                                if !text.isEmpty { kinds.append(.dynamic(text)) }
                            } else {
                                kinds.append(.dynamic(name))
                                try x.skip()
                            }
                        }
                    case .words:
                        marks = true
                        let text = try x.text()
                        if !text.isEmpty { kinds.append(.words(text)) }
                    case .metronome:
                        marks = true
                        var unit: NoteType?
                        var dots = 0
                        var perMinute: Double?
                        try x.forEachChild { (tag) throws(MusicXMLError) in
                            switch tag {
                            case .beatUnit: if unit == nil { unit = NoteType(rawValue: try x.text()) } else { try x.skip() }
                            case .beatUnitDot: if perMinute == nil { dots += 1 }; try x.skip()
                            case .perMinute:
                                let text = try x.text()
                                let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." }
                                perMinute = Double(digits)
                            default: try x.skip()
                            }
                        }
                        if let unit, let perMinute, perMinute > 0 {
                            try budget.addTempo(x)
                            kinds.append(.tempo(Tempo(perMinute, beatUnit: Duration(unit, dots: min(dots, 4)))))
                            hasMetronome = true
                        }
                    case .wedge:
                        if let kind = Self.wedge(x) { kinds.append(.wedge(kind)) }
                        try x.skip()
                    case .pedal:
                        if let kind = Self.pedal(x) { kinds.append(.pedal(kind)) }
                        try x.skip()
                    case .octaveShift:
                        if let kind = Self.octaveShift(x) { kinds.append(.octaveShift(kind)) }
                        try x.skip()
                    case .dashes:
                        if let type = x.attribute("type").flatMap(StartStop.init(rawValue:)) {
                            kinds.append(.dashes(Dashes(type, number: x.attribute("number").flatMap { Int($0) })))
                        } else { x.skipped.insert("dashes[type=\(x.attribute("type") ?? "")]") }
                        try x.skip()
                    case .bracket:
                        if let type = x.attribute("type").flatMap(StartStop.init(rawValue:)) {
                            kinds.append(.bracket(Bracket(type, number: x.attribute("number").flatMap { Int($0) },
                                                          lineEnd: x.attribute("line-end").flatMap(Bracket.LineEnd.init(rawValue:)) ?? .none,
                                                          lineType: x.attribute("line-type").flatMap(LineType.init(rawValue:)))))
                        } else { x.skipped.insert("bracket[type=\(x.attribute("type") ?? "")]") }
                        try x.skip()
                    case .rehearsal:
                        marks = true
                        let text = try x.text()
                        kinds.append(.rehearsal(text))
                    case .segno: marks = true; kinds.append(.segno); try x.skip()
                    case .coda: marks = true; kinds.append(.coda); try x.skip()
                    default:
                        try x.skip()
                    }
                }
            case .offset:
                if let d = try x.decimal() { offset = try quarters(d, x, element: "offset") }
            case .staff:
                staff = try x.int()
            case .sound:
                soundTempo = x.attribute("tempo").flatMap(Double.init)
                if let playback = PartBuilder.playback(x) { kinds.append(.playback(playback)) }
                try x.skip()
            default:
                try x.skip()
            }
        }
        if let soundTempo, soundTempo > 0, !hasMetronome {
            try budget.addTempo(x)
            kinds.append(.tempo(Tempo(soundTempo)))
            marks = true
        }
        if marks { built.markEnd = max(built.markEnd, at + offset) }
        let position = max(.zero, at + offset)
        for kind in kinds {
            // A release and a press at one point are a pedal change: what our writer writes for
            // one (MuseScore 3 rejects type="change"), so that a change reads back as a change.
            if case .pedal(let press) = kind, press.type == .start, let last = built.directions.last,
               last.offset == position, last.staff == staff, case .pedal(let release) = last.kind, release.type == .stop,
               release.line == press.line, release.sign == press.sign {
                built.directions[built.directions.count - 1].kind = .pedal(Pedal(.change, line: press.line, sign: press.sign))
                continue
            }
            built.directions.append(Direction(offset: position, staff: staff, kind: kind))
        }
    }

    /// A `<wedge>` from its attributes; an unknown type is reported and gives `nil`.
    private static func wedge(_ x: XMLStream) -> Wedge? {
        guard let type = x.attribute("type").flatMap(Wedge.Kind.init(rawValue:)) else {
            x.skipped.insert("wedge[type=\(x.attribute("type") ?? "")]")
            return nil
        }
        return Wedge(type, number: x.attribute("number").flatMap { Int($0) }, niente: x.attribute("niente") == "yes",
                     spread: x.attribute("spread").flatMap(Double.init))
    }

    /// A `<pedal>` from its attributes; an unknown type is reported and gives `nil`.
    private static func pedal(_ x: XMLStream) -> Pedal? {
        guard let type = x.attribute("type").flatMap(Pedal.Kind.init(rawValue:)) else {
            x.skipped.insert("pedal[type=\(x.attribute("type") ?? "")]")
            return nil
        }
        return Pedal(type, line: x.attribute("line").map { $0 == "yes" }, sign: x.attribute("sign").map { $0 == "yes" })
    }

    /// An `<octave-shift>` from its attributes; an unknown type is reported and gives `nil`.
    private static func octaveShift(_ x: XMLStream) -> OctaveShift? {
        guard let type = x.attribute("type").flatMap(OctaveShift.Kind.init(rawValue:)) else {
            x.skipped.insert("octave-shift[type=\(x.attribute("type") ?? "")]")
            return nil
        }
        let size = x.attribute("size").flatMap { Int($0) } ?? 8
        return OctaveShift(type, size: [8, 15, 22].contains(size) ? size : 8, number: x.attribute("number").flatMap { Int($0) })
    }
}
