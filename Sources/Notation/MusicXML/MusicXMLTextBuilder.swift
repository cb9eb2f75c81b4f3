/// Builds the text of a MusicXML 4.0 score-partwise document for ``MusicXMLWriter``.
struct MusicXMLTextBuilder {
    let score: Score
    private var out = ""
    private var divisions = 1
    /// The tuplet bracket the note being written starts or stops (see `tupletBrackets`).
    private var tuplet: TupletBracket = .none

    /// Measures without any beam get beams from their meter, so generated music shows them.
    init(score: Score) { self.score = score.withMissingBeams() }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"   // a literal CR would be normalised away by the reader
            case "\r\n": result += "&#13;\n"
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if let ascii = character.asciiValue, ascii < 0x20, ascii != 0x09, ascii != 0x0A, ascii != 0x0D { continue }
                result.append(character)
            }
        }
        return result
    }

    /// `<pitch><step>…</step>` for each letter, made once.
    private static let stepXML = Step.allCases.map { "<pitch><step>\($0)</step>" }

    /// Appends `text` escaped; text with nothing to escape (a voice number, most words) is
    /// appended as it is, without building a new string.
    static func appendEscaped(_ text: String, to out: inout String) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">")
                                  && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") }) {
            out += text
        } else {
            out += escape(text)
        }
    }

    private mutating func line(_ indent: Int, _ text: String) {
        out += String(repeating: "  ", count: indent)
        out += text
        out += "\n"
    }

    private mutating func element(_ indent: Int, _ name: String, _ value: String, attributes: String = "") {
        line(indent, "<\(name)\(attributes)>\(MusicXMLTextBuilder.escape(value))</\(name)>")
    }

    /// Divisions per quarter making every offset and length whole.
    private func chooseDivisions() throws(MusicXMLError) -> Int {
        var lcm = 1
        func include(_ value: Rational) throws(MusicXMLError) {
            guard value.denominator != 1 else { return }
            let next = Rational.lcm(lcm, value.denominator)
            guard next <= 1 << 40 else {
                throw MusicXMLError(file: "<score>", problem: .unwritable("durations need more than 2^40 divisions per quarter"))
            }
            lcm = next
        }
        for part in score.parts {
            for staff in part.staves {
                for measure in staff.measures {
                    try include(measure.length)
                    for direction in measure.directions { try include(direction.offset) }
                    for barline in measure.barlines { if let offset = barline.offset { try include(offset) } }
                    for direction in measure.directions {
                        if case .figuredBass(let f) = direction.kind, let d = f.duration { try include(d) }
                    }
                    for voice in measure.voices {
                        for element in voice.elements {
                            try include(element.offset)
                            try include(element.event.duration.quarterLength)
                        }
                    }
                }
            }
        }
        return lcm
    }

    func units(_ value: Rational) -> Int {
        (value * Rational(divisions)).numerator
    }

    mutating func build() throws(MusicXMLError) -> String {
        guard !score.parts.isEmpty else {
            throw MusicXMLError(file: "<score>", problem: .unwritable("a score with no parts (MusicXML needs at least one)"))
        }
        divisions = try chooseDivisions()
        out = ""
        line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>")
        line(0, "<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" \"http://www.musicxml.org/dtds/partwise.dtd\">")
        line(0, "<score-partwise version=\"4.0\">")
        writeHeader()
        line(1, "<part-list>")
        for (index, part) in score.parts.enumerated() {
            let id = partID(part, index)
            line(2, "<score-part id=\"\(MusicXMLTextBuilder.escape(id))\">")
            element(3, "part-name", part.name ?? "")
            if let abbreviation = part.abbreviation { element(3, "part-abbreviation", abbreviation) }
            let instrument = part.instrument
            let hasMIDI = instrument.midiProgram != nil || instrument.midiChannel != nil
            // Always one score-instrument, even unnamed (read back as no name): MuseScore 3
            // reports "no instrument found for part" for a score-part without one.
            line(3, "<score-instrument id=\"\(MusicXMLTextBuilder.escape(id))-I1\">")
            element(4, "instrument-name", instrument.name ?? "")
            line(3, "</score-instrument>")
            if hasMIDI {
                line(3, "<midi-instrument id=\"\(MusicXMLTextBuilder.escape(id))-I1\">")
                if let channel = instrument.midiChannel, (1...16).contains(channel) { element(4, "midi-channel", "\(channel)") }
                if let program = instrument.midiProgram, (0...127).contains(program) { element(4, "midi-program", "\(program + 1)") }
                line(3, "</midi-instrument>")
            }
            line(2, "</score-part>")
        }
        line(1, "</part-list>")
        for (index, part) in score.parts.enumerated() {
            try writePart(part, id: partID(part, index))
        }
        line(0, "</score-partwise>")
        return out
    }

    /// A unique, XML-ID-safe part id: the part's own when usable, else `P1`, `P2`, ….
    private func partID(_ part: Part, _ index: Int) -> String {
        let valid = !part.id.isEmpty && part.id.first.map { $0.isLetter || $0 == "_" } == true
            && part.id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
        let unique = score.parts.filter { $0.id == part.id }.count == 1
        return valid && unique ? part.id : "P\(index + 1)"
    }

    private mutating func writeHeader() {
        let m = score.metadata
        if m.title != nil || m.workNumber != nil {
            line(1, "<work>")
            if let n = m.workNumber { element(2, "work-number", n) }
            if let t = m.title { element(2, "work-title", t) }
            line(1, "</work>")
        }
        if let n = m.movementNumber { element(1, "movement-number", n) }
        if let t = m.movementTitle { element(1, "movement-title", t) }
        let creators = [("composer", m.composer), ("lyricist", m.lyricist), ("arranger", m.arranger)]
            .compactMap { role, value in value.map { (role, $0) } }
            + m.extra.filter { $0.key != "software" && $0.key != "source" }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if !creators.isEmpty || m.rights != nil || m.extra["software"] != nil || m.extra["source"] != nil {
            line(1, "<identification>")
            for (role, value) in creators {
                element(2, "creator", value, attributes: " type=\"\(MusicXMLTextBuilder.escape(role))\"")
            }
            if let rights = m.rights { element(2, "rights", rights) }
            if let software = m.extra["software"] {
                line(2, "<encoding>")
                element(3, "software", software)
                line(2, "</encoding>")
            }
            if let source = m.extra["source"] { element(2, "source", source) }
            line(1, "</identification>")
        }
    }

    // MARK: Parts and measures

    private mutating func writePart(_ part: Part, id: String) throws(MusicXMLError) {
        line(1, "<part id=\"\(MusicXMLTextBuilder.escape(id))\">")
        let staves = part.staves.isEmpty ? [Staff()] : part.staves
        // MusicXML needs at least one measure per part: an empty part gets one empty 4/4 bar.
        let count = max(1, staves.map(\.measures.count).max() ?? 0)
        var keys = staves.map { _ in KeySignature(fifths: 0) }
        for index in 0..<count {
            let measures = staves.map { index < $0.measures.count ? $0.measures[index] : nil }
            let first = measures.compactMap { $0 }.first ?? Measure(number: index + 1, length: 4)
            let number = first.label ?? "\(first.number)"
            // Bar 0 is a pickup: `implicit` keeps other programs from counting it.
            let implicit = first.number == 0 && first.label == nil ? " implicit=\"yes\"" : ""
            line(2, "<measure number=\"\(MusicXMLTextBuilder.escape(number.isEmpty ? "\(index + 1)" : number))\"\(implicit)>")
            writeAttributes(part: part, staves: staves, measures: measures, index: index, keys: &keys)
            for barline in first.barlines where barline.location == .left { writeBarline(barline) }
            try writeContent(staves: staves, measures: measures, keys: keys, length: first.length,
                             middleBarlines: first.barlines.filter { $0.location == .middle })
            for barline in first.barlines where barline.location == .right { writeBarline(barline) }
            line(2, "</measure>")
        }
        line(1, "</part>")
    }

    private mutating func writeAttributes(part: Part, staves: [Staff], measures: [Measure?], index: Int,
                                          keys: inout [KeySignature]) {
        var body: [String] = []
        if index == 0 { body.append("<divisions>\(divisions)</divisions>") }
        // Keys: one for all staves when they agree, else one per staff.
        let stated: [(Key?, KeySignature)?] = measures.map { m in
            guard let m, m.key != nil || m.keySignature != nil else { return nil }
            return (m.key, m.keySignature ?? m.key!.signature)
        }
        func keyXML(_ key: Key?, _ signature: KeySignature, number: Int?) -> String {
            let attribute = number.map { " number=\"\($0)\"" } ?? ""
            let mode = key.map { "<mode>\($0.mode.rawValue)</mode>" } ?? ""
            return "<key\(attribute)><fifths>\(signature.fifths)</fifths>\(mode)</key>"
        }
        if stated.contains(where: { $0 != nil }) {
            let allSame = stated.allSatisfy { s in s != nil && s!.0 == stated[0]!.0 && s!.1 == stated[0]!.1 }
            if allSame || staves.count == 1, let s = stated.compactMap({ $0 }).first {
                body.append(keyXML(s.0, s.1, number: nil))
                for i in keys.indices { keys[i] = s.1 }
            } else {
                for (i, s) in stated.enumerated() {
                    guard let s else { continue }
                    body.append(keyXML(s.0, s.1, number: i + 1))
                    keys[i] = s.1
                }
            }
        }
        if let time = measures.compactMap({ $0?.timeSignature }).first {
            let symbol: String
            switch time.symbol {
            case .common: symbol = " symbol=\"common\""
            case .cut: symbol = " symbol=\"cut\""
            case .singleNumber: symbol = " symbol=\"single-number\""
            case .normal, .senzaMisura: symbol = ""
            }
            body.append("<time\(symbol)><beats>\(time.numerator)</beats><beat-type>\(time.denominator)</beat-type></time>")
        }
        if index == 0 && staves.count > 1 { body.append("<staves>\(staves.count)</staves>") }
        for (i, staff) in staves.enumerated() {
            // A staff's own clef stands in for a missing first-bar clef unless it is the default.
            let clef = measures[i]?.clef ?? (index == 0 && staff.clef != .treble ? staff.clef : nil)
            guard let clef else { continue }
            let number = staves.count > 1 ? " number=\"\(i + 1)\"" : ""
            var text = "<clef\(number)><sign>\(clef.sign.rawValue)</sign>"
            if clef.line > 0 && clef.sign != .none && clef.sign != .percussion { text += "<line>\(clef.line)</line>" }
            if clef.octaveChange != 0 { text += "<clef-octave-change>\(clef.octaveChange)</clef-octave-change>" }
            body.append(text + "</clef>")
        }
        if index == 0, let t = part.instrument.transposition, t.semitones != 0 || t.diatonicSteps != 0 {
            body.append("<transpose><diatonic>\(t.diatonicSteps)</diatonic><chromatic>\(t.semitones)</chromatic></transpose>")
        }
        guard !body.isEmpty else { return }
        line(3, "<attributes>")
        for b in body { line(4, b) }
        line(3, "</attributes>")
    }

    private mutating func writeContent(staves: [Staff], measures: [Measure?], keys: [KeySignature], length: Rational,
                                       middleBarlines: [Barline] = []) throws(MusicXMLError) {
        let multiStaff = staves.count > 1
        var directions: [Direction] = []
        var trailingFigures: [Direction] = []
        for (i, m) in measures.enumerated() {
            for d in m?.directions ?? [] {
                if case .figuredBass = d.kind { continue }   // written before its note, below
                var d = d
                if multiStaff && d.staff == nil && i > 0 { d.staff = i + 1 }
                directions.append(d)
            }
        }
        directions = directions.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        var pending = directions[...]
        // Barlines inside the bar, written where the cursor stands at their offset.
        var pendingBarlines = middleBarlines.enumerated()
            .sorted { ($0.element.offset ?? .zero, $0.offset) < ($1.element.offset ?? .zero, $1.offset) }.map(\.element)[...]
        var cursor = Rational.zero
        var wroteAny = false
        for (i, measure) in measures.enumerated() {
            guard let measure else { continue }
            let staffNumber = multiStaff ? i + 1 : nil
            // Alterations in force in this bar, by letter and octave, for accidentals.
            var inForce: [Int: Int] = [:]
            let figures = Self.figuredBassPlacement(measure)
            trailingFigures += figures.trailing
            for (voiceIndex, voice) in measure.voices.enumerated() {
                // Each voice is reached from where the last one ended by one <backup> or
                // <forward> straight to its first element, so no gap appears that a reader
                // (music21 for Finale files) could take for a hidden rest.
                let brackets = Self.tupletBrackets(voice.elements.map(\.event))
                for (index, element) in voice.elements.enumerated() {
                    tuplet = brackets[index]
                    while let d = pending.first, d.offset <= element.offset {
                        writeDirection(d, relativeTo: cursor)
                        pending.removeFirst()
                    }
                    while let b = pendingBarlines.first, (b.offset ?? .zero) <= element.offset {
                        moveCursor(&cursor, to: b.offset ?? .zero, voice: voice.id, staff: staffNumber)
                        writeBarline(b)
                        pendingBarlines.removeFirst()
                    }
                    if element.offset > cursor {
                        line(3, "<forward><duration>\(units(element.offset - cursor))</duration><voice>\(MusicXMLTextBuilder.escape(voice.id))</voice>\(staffNumber.map { "<staff>\($0)</staff>" } ?? "")</forward>")
                    } else if element.offset < cursor {
                        line(3, "<backup><duration>\(units(cursor - element.offset))</duration></backup>")
                    }
                    cursor = element.offset
                    for f in figures.before[[voiceIndex, index]] ?? [] { line(3, figuredBassXML(f)) }
                    try writeEvent(element.event, voice: voice.id, staff: staffNumber, key: keys[min(i, keys.count - 1)],
                                   inForce: &inForce)
                    cursor += element.event.quarterLength
                    wroteAny = true
                }
            }
        }
        if !wroteAny {
            // An empty bar still needs a note for its length: a measure rest.
            line(3, "<note><rest measure=\"yes\"/><duration>\(units(length))</duration><voice>1</voice></note>")
            cursor = length
        }
        for d in pending { writeDirection(d, relativeTo: cursor) }
        for b in pendingBarlines {
            moveCursor(&cursor, to: b.offset ?? .zero, voice: nil, staff: nil)
            writeBarline(b)
        }
        // Figured bass under no note: a reader places it where the cursor ends the bar.
        for d in trailingFigures {
            guard case .figuredBass(let f) = d.kind else { continue }
            moveCursor(&cursor, to: d.offset, voice: nil, staff: nil)
            line(3, figuredBassXML(f))
        }
    }

    /// A `<backup>` or `<forward>` from `cursor` to `offset` (nothing when already there).
    private mutating func moveCursor(_ cursor: inout Rational, to offset: Rational, voice: String?, staff: Int?) {
        if offset > cursor {
            line(3, "<forward><duration>\(units(offset - cursor))</duration>"
                 + (voice.map { "<voice>\(MusicXMLTextBuilder.escape($0))</voice>" } ?? "")
                 + (staff.map { "<staff>\($0)</staff>" } ?? "") + "</forward>")
        } else if offset < cursor {
            line(3, "<backup><duration>\(units(cursor - offset))</duration></backup>")
        }
        cursor = offset
    }

    private mutating func writeBarline(_ barline: Barline) {
        var text = "<barline location=\"\(barline.location.rawValue)\">"
        let styles: Set<String> = ["regular", "dotted", "dashed", "heavy", "light-light", "light-heavy", "heavy-light",
                                   "heavy-heavy", "tick", "short", "none"]
        if let style = barline.style, styles.contains(style) { text += "<bar-style>\(style)</bar-style>" }
        // The XSD allows two fermatas, after the bar style and before the ending.
        for fermata in barline.fermatas.prefix(2) {
            let type = fermata.type.map { " type=\"\($0.rawValue)\"" } ?? ""
            text += fermata.shape.map { "<fermata\(type)>\($0.rawValue)</fermata>" } ?? "<fermata\(type)/>"
        }
        if let ending = barline.ending, ["start", "stop", "discontinue"].contains(ending.type) {
            text += "<ending number=\"\(Self.escape(ending.number))\" type=\"\(ending.type)\"/>"
        }
        if let direction = barline.repeat {
            let times = barline.times.map { " times=\"\($0)\"" } ?? ""
            text += "<repeat direction=\"\(direction.rawValue)\"\(times)/>"
        }
        line(3, text + "</barline>")
    }

    // MARK: Directions

    static let dynamicNames: Set<String> = [
        "p", "pp", "ppp", "pppp", "ppppp", "pppppp", "f", "ff", "fff", "ffff", "fffff", "ffffff", "mp", "mf",
        "sf", "sfp", "sfpp", "fp", "rf", "rfz", "sfz", "sffz", "fz", "n", "pf", "sfzp",
    ]

    private mutating func writeDirection(_ d: Direction, relativeTo cursor: Rational) {
        if case .chordSymbol(let symbol) = d.kind {
            line(3, Self.harmonyXML(symbol, offset: d.offset != cursor ? units(d.offset - cursor) : nil, staff: d.staff))
            return
        }
        if case .playback(let playback) = d.kind {
            // A bare <sound> has no <offset>: one away from the cursor goes in a <direction>.
            let sound = Self.soundXML(playback)
            if d.offset == cursor && d.staff == nil { line(3, sound) }
            else {
                line(3, "<direction><direction-type><words/></direction-type><offset>\(units(d.offset - cursor))</offset>"
                     + (d.staff.map { "<staff>\($0)</staff>" } ?? "") + sound + "</direction>")
            }
            return
        }
        var type = ""
        var sound = ""
        switch d.kind {
        case .tempo(let tempo):
            let dots = String(repeating: "<beat-unit-dot/>", count: tempo.beatUnit.dots)
            type = "<metronome><beat-unit>\(tempo.beatUnit.type.rawValue)</beat-unit>\(dots)<per-minute>\(Self.number(tempo.beatsPerMinute))</per-minute></metronome>"
            sound = "<sound tempo=\"\(Self.number(tempo.quarterNotesPerMinute))\"/>"
        case .dynamic(let name):
            type = Self.dynamicNames.contains(name) ? "<dynamics><\(name)/></dynamics>"
                : "<dynamics><other-dynamics>\(Self.escape(name))</other-dynamics></dynamics>"
        case .words(let text):
            type = "<words>\(Self.escape(text))</words>"
        case .other(let text):
            type = "<words>\(Self.escape(text))</words>"
        case .chordSymbol, .playback, .figuredBass:
            return  // written above, or before their note (figured bass)
        case .wedge, .pedal, .octaveShift, .dashes, .bracket, .segno, .coda, .rehearsal:
            for type in Self.directionTypeXML(d.kind) ?? [] { writeDirection(type: type, sound: "", at: d, relativeTo: cursor) }
            return
        }
        writeDirection(type: type, sound: sound, at: d, relativeTo: cursor)
    }

    /// One `<direction>` holding `type` (the `<direction-type>` contents) at `d`'s place and staff.
    private mutating func writeDirection(type: String, sound: String, at d: Direction, relativeTo cursor: Rational) {
        var text = "<direction><direction-type>\(type)</direction-type>"
        if d.offset != cursor { text += "<offset>\(units(d.offset - cursor))</offset>" }
        if let staff = d.staff { text += "<staff>\(staff)</staff>" }
        text += sound + "</direction>"
        line(3, text)
    }

    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e12 ? String(Int(value)) : String(value)
    }

    // MARK: Notes

    private mutating func writeEvent(_ event: Event, voice: String, staff: Int?, key: KeySignature,
                                     inForce: inout [Int: Int]) throws(MusicXMLError) {
        switch event {
        case .rest(let rest):
            // Appended straight to `out`: the writer's cost is mostly building strings.
            out += rest.isMeasureRest ? "      <note><rest measure=\"yes\"/><duration>" : "      <note><rest/><duration>"
            out += String(units(rest.duration.quarterLength))
            out += "</duration><voice>"
            Self.appendEscaped(voice, to: &out)
            out += "</voice>"
            if !rest.isMeasureRest { appendType(rest.duration, size: nil) }
            appendTimeModification(rest.duration)
            let marks = rest.marksIfAny
            if let marks { out += Self.stemAndNoteheadXML(marks) }
            if let staff { out += "<staff>"; out += String(staff); out += "</staff>" }
            if let marks { Self.appendBeams(marks.beams, to: &out) }
            let notations = tuplet.xml(rest.duration) + (marks.map {
                Self.leadingNotationsXML($0) + Self.trailingNotationsXML($0, hasFermata: !$0.fermatas.isEmpty)
            } ?? "")
            if !notations.isEmpty { out += "<notations>"; out += notations; out += "</notations>" }
            out += "</note>\n"
        case .note(let note):
            try writeNote(note, chordMember: false, voice: voice, staff: staff, key: key, inForce: &inForce)
        case .chord(let chord):
            for (i, note) in chord.notes.enumerated() {
                try writeNote(note, chordMember: i > 0, voice: voice, staff: staff, key: key, inForce: &inForce)
            }
        }
    }

    /// Where each event starts or ends a tuplet bracket. MusicXML leaves `<tuplet>` optional,
    /// but notation programs (MuseScore: "implicit tuplet start") want it to group the notes.
    /// At each nesting level, a group is a run of notes with the same tuplet at that level (and
    /// the same ones outside it); it closes when its written length at that level, unscaled,
    /// fills `actual` of its shortest note of that level (three triplet eighths, or a quarter
    /// and an eighth; a nested group counts as its length), when the ratio changes, or at the
    /// end of the enclosing group. Groups of two or more notes get brackets; their inner levels
    /// are grouped the same way within them.
    static func tupletBrackets(_ events: [Event]) -> [TupletBracket] {
        var marks = [TupletBracket](repeating: .none, count: events.count)
        let durations = events.map(\.duration)
        func group(level: Int, _ range: Range<Int>) {
            var openAt: Int?, ratio = Tuplet.triplet, written = Rational.zero, unit: Rational?, scale = Rational(1)
            func close(_ last: Int) {
                guard let start = openAt else { return }
                openAt = nil
                // A single-note "group" needs no bracket.
                guard last > start else { return }
                marks[start].starts.append(level)
                marks[last].stops.append(level)
                group(level: level + 1, start..<(last + 1))
            }
            for i in range {
                let d = durations[i]
                guard d.tuplets.count > level, d.tuplets[level].actual != d.tuplets[level].normal, d.quarterLength > .zero
                else { close(i - 1); continue }
                if openAt != nil, d.tuplets[level] != ratio { close(i - 1) }
                if openAt == nil {
                    openAt = i; ratio = d.tuplets[level]; written = .zero; unit = nil
                    scale = d.tuplets[...level].reduce(Rational(1)) { $0 * $1.multiplier }
                }
                // The note's length in this level's written values (inner tuplets still applied).
                let length = d.quarterLength / scale
                written += length
                if d.tuplets.count == level + 1 { unit = min(unit ?? length, length) }
                guard let unit else { continue }
                let full = unit * Rational(ratio.actual)
                if written >= full, (written / full).denominator == 1 { close(i) }
            }
            close(range.upperBound - 1)
        }
        group(level: 0, 0..<events.count)
        return marks
    }

    private mutating func appendType(_ duration: Duration, size: SymbolSize?) {
        if let size { out += "<type size=\""; out += size.rawValue; out += "\">" } else { out += "<type>" }
        out += duration.type.rawValue
        out += "</type>"
        for _ in 0..<duration.dots { out += "<dot/>" }
    }

    private mutating func appendTimeModification(_ duration: Duration) {
        guard !duration.tuplets.isEmpty else { return }
        let actual = duration.tuplets.reduce(1) { $0 * $1.actual }
        let normal = duration.tuplets.reduce(1) { $0 * $1.normal }
        guard actual != normal else { return }
        out += "<time-modification><actual-notes>\(actual)</actual-notes><normal-notes>\(normal)</normal-notes></time-modification>"
    }

    private mutating func writeNote(_ note: Note, chordMember: Bool, voice: String, staff: Int?, key: KeySignature,
                                    inForce: inout [Int: Int]) throws(MusicXMLError) {
        let pitch = note.pitch
        guard (-3...3).contains(pitch.alter) else {
            throw MusicXMLError(file: "<score>", problem: .unwritable("pitch alteration \(pitch.alter) out of range"))
        }
        // Appended straight to `out`: the writer's cost is mostly building strings.
        if let velocity = note.velocity, (1...127).contains(velocity) {
            // MusicXML's `dynamics` is a percentage of forte = MIDI velocity 90.
            out += "      <note dynamics=\"\(String(format: "%.2f", Double(velocity) / 0.9))\">"
        } else {
            out += "      <note>"
        }
        let rare = note.rareMarks
        let isCue = rare?.isCue == true
        if note.isGrace { out += rare?.graceSlash == true ? "<grace slash=\"yes\"/>" : "<grace/>" }
        // A cue note has no <tie> in the schema; its ties are written as <tied> only.
        if isCue { out += "<cue/>" }
        if chordMember { out += "<chord/>" }
        out += Self.stepXML[pitch.step.rawValue]
        if pitch.alter != 0 { out += "<alter>"; out += String(pitch.alter); out += "</alter>" }
        out += "<octave>"
        out += String(pitch.octave)
        out += "</octave></pitch>"
        if !note.isGrace { out += "<duration>"; out += String(units(note.duration.quarterLength)); out += "</duration>" }
        switch isCue ? nil : note.tie {
        case .start?: out += "<tie type=\"start\"/>"
        case .stop?: out += "<tie type=\"stop\"/>"
        case .continue?: out += "<tie type=\"stop\"/><tie type=\"start\"/>"
        case nil: break
        }
        out += "<voice>"
        Self.appendEscaped(voice, to: &out)
        out += "</voice>"
        appendType(note.duration, size: rare?.size)
        // Accidental: needed when the alteration differs from what the key and earlier notes
        // of this bar on this letter and octave imply; cautionary when the encoding asked.
        let slot = pitch.diatonicNumber
        let expected = inForce[slot] ?? key.alter(for: pitch.step)
        let tiedOver = (note.tie == .stop || note.tie == .continue) && inForce[slot] == nil
        if tiedOver {
            // A note tied over the barline keeps its accidental unprinted; later notes on that
            // line in this bar still need theirs, so nothing is recorded.
            if let shown = note.displayedAccidental {
                out += "<accidental cautionary=\"yes\">\(shown.musicXMLName)</accidental>"
            }
        } else if pitch.alter != expected, let accidental = Accidental(alter: pitch.alter) {
            let cautionary = note.displayedAccidental != nil ? " cautionary=\"yes\"" : ""
            out += "<accidental\(cautionary)>\(accidental.musicXMLName)</accidental>"
        } else if let shown = note.displayedAccidental {
            out += "<accidental cautionary=\"yes\">\(shown.musicXMLName)</accidental>"
        }
        if !tiedOver { inForce[slot] = pitch.alter }
        appendTimeModification(note.duration)
        if let stem = note.stemMark { out += "<stem>"; out += stem.rawValue; out += "</stem>" }
        if let head = rare?.notehead { out += Self.noteheadXML(head) }
        if let staff { out += "<staff>"; out += String(staff); out += "</staff>" }
        Self.appendBeams(note.beamMarks, to: &out)
        // `<notations>` is opened, filled, and taken back if nothing went in.
        out += "<notations>"
        let opened = out.utf8.count
        switch note.tie {
        case .start?: out += "<tied type=\"start\"/>"
        case .stop?: out += "<tied type=\"stop\"/>"
        case .continue?: out += "<tied type=\"stop\"/><tied type=\"start\"/>"
        case nil: break
        }
        if !chordMember { out += tuplet.xml(note.duration) }
        if let rare { out += Self.leadingNotationsXML(rare) }
        let hasFermata = note.articulations.contains(.fermata)
        if note.articulations.count > (hasFermata ? 1 : 0) {
            let articulations = note.articulations.filter { $0 != .fermata }.map(\.rawValue).sorted()
            out += "<articulations>"
            for name in articulations { out += "<"; out += name; out += "/>" }
            out += "</articulations>"
        }
        if let rare { out += Self.trailingNotationsXML(rare, hasFermata: hasFermata) }
        else if hasFermata { out += "<fermata/>" }
        if out.utf8.count == opened { out.removeLast("<notations>".count) } else { out += "</notations>" }
        for lyric in note.lyrics {
            let extend = lyric.extend ? "<extend/>" : ""
            if lyric.text.isEmpty && lyric.extend {
                out += "<lyric number=\"\(lyric.number)\">\(extend)</lyric>"
            } else {
                out += "<lyric number=\"\(lyric.number)\"><syllabic>\(lyric.syllabic.rawValue)</syllabic><text>\(Self.escape(lyric.text))</text>\(extend)</lyric>"
            }
        }
        out += "</note>\n"
    }
}
