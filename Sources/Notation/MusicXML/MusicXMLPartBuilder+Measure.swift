/// Reading the content of one `<measure>` (or one `<part>` of a timewise `<measure>`).
extension PartBuilder {
    /// A `<note>` as written, before it becomes an ``Event``.
    struct NoteData {
        var chord = false, grace = false, rest = false, measureRest = false
        var step: Step?
        var alter = Rational.zero
        var octave: Int?
        var durationDivs: Rational?
        var type: NoteType?
        var dots = 0
        var actual: Int?, normal: Int?, normalType: NoteType?, normalDots = 0
        var ties: [String] = []
        var voice: String?
        var staff: Int?
        var accidental: Accidental?
        var velocity: Int?
        var writtenAccidental: Accidental?
        var hasAlter = false
        var articulations: Set<Articulation> = []
        var lyrics: [Lyric] = []
        var marks = NoteMarks()
        var tupletMarks: [TupletMark] = []
    }

    /// State of the measure being read.
    struct Cursor {
        var at = Rational.zero
        var lastVoice: String?
        /// Index in `built.elements` of the previous sibling when it was a note (for `<chord/>`).
        var lastNote: Int?
        /// The position as the file's `<duration>`s add up, when notated values replaced rounded
        /// ones (see `notatedLength`); `nil` while the two positions agree.
        var raw: Rational?
        /// Exact positions reached after notated values replaced rounded ones, by the rounded
        /// position the file's `<duration>`s give there: a `<backup>` to one of them lands on the
        /// exact position (empty for files whose divisions express every value).
        var exactAt: [Rational: Rational] = [:]

        /// Moves by a `<backup>` (negative) or `<forward>` of the file's own divisions.
        mutating func move(by change: Rational) {
            guard !exactAt.isEmpty else {
                at = max(.zero, at + change)
                return
            }
            let to = max(.zero, (raw ?? at) + change)
            at = to == .zero ? .zero : exactAt[to] ?? max(.zero, at + change)
            raw = to == at ? nil : to
        }

        /// Advances by a note's time: `exact` as notated, `rounded` as the file's divisions say.
        mutating func advance(exact: Rational, rounded: Rational) {
            let from = raw ?? at
            at += exact
            if exact == rounded && raw == nil { return }
            let to = from + rounded
            raw = to == at ? nil : to
            if raw != nil { exactAt[to] = at }
        }
    }

    /// Limits that separate damaged files from music: 100,000 quarter notes is days of music.
    static let absurdLength = Rational(100_000)

    func parseMeasure(_ x: XMLStream, finale: Bool, number: String? = nil, index: Int? = nil) throws(MusicXMLError) {
        let numberText = number ?? x.attribute("number") ?? "\(measures.count + 1)"
        var built = Built(number: 0)
        if let n = Int(numberText) {
            built.number = n
        } else {
            built.number = Int(numberText.prefix(while: \.isNumber)) ?? (measures.last.map { $0.number + 1 } ?? 1)
            built.label = numberText
        }
        var cursor = Cursor()
        try x.forEachChild { (tag) throws(MusicXMLError) in
            if tag != .note { cursor.lastNote = nil }
            switch tag {
            case .note:
                try budget.addNote(x)
                try parseNote(x, into: &built, cursor: &cursor)
            case .backup:
                let change = try parseDurationChild(x)
                cursor.move(by: -change.length)
            case .forward:
                let change = try parseDurationChild(x)
                if finale && change.length > 0 {
                    // music21 turns a Finale <forward> into a hidden rest, which counts towards
                    // the measure's length.
                    var at = cursor.at
                    for d in Duration.decompose(change.length) {
                        built.elements.append(Placed(staff: change.staff ?? 1, voice: change.voice ?? cursor.lastVoice ?? "1",
                                                     offset: at, event: .rest(Rest(d)), isSimpleNote: false))
                        at += d.quarterLength
                    }
                }
                cursor.move(by: change.length)
                try checkPosition(cursor.at, x, element: "forward")
            case .attributes:
                if try parseAttributes(x, into: &built) { built.markEnd = max(built.markEnd, cursor.at) }
            case .direction:
                try parseDirection(x, into: &built, at: cursor.at)
            case .sound:
                if let tempo = x.attribute("tempo").flatMap(Double.init), tempo > 0 {
                    try budget.addTempo(x)
                    built.directions.append(Direction(offset: cursor.at, staff: nil, kind: .tempo(Tempo(tempo))))
                    built.markEnd = max(built.markEnd, cursor.at)
                }
                if let playback = PartBuilder.playback(x) {
                    built.directions.append(Direction(offset: cursor.at, staff: nil, kind: .playback(playback)))
                }
                try x.skip()
            case .harmony:
                try parseHarmony(x, into: &built, at: cursor.at)
            case .barline:
                try parseBarline(x, into: &built, at: cursor.at)
            case .figuredBass:
                try parseFiguredBass(x, into: &built)
            case .print, .bookmark, .link, .grouping:
                try x.skip()
            default:
                try x.skipUnknown(in: "measure")
            }
        }
        placeFiguredBass(&built, at: cursor.at, staff: nil)
        finish(&built)
        guard max(measures.count, index ?? 0) < budget.limits.maximumMeasures else {
            throw x.error(.limitExceeded("part \(id) has more than \(budget.limits.maximumMeasures) measures"))
        }
        total += built.length
        guard total < Rational(PartBuilder.limit) else {
            throw x.error(.invalidValue(element: "measure", value: "part longer than 2^20 quarter notes"))
        }
        if let index {
            // Timewise: a part missing from earlier <measure>s gets empty bars there, so its
            // bars stay aligned with the other parts'.
            while measures.count < index {
                var empty = Built(number: measures.count + 1)
                finish(&empty)
                measures.append(empty)
            }
            if index < measures.count { measures[index] = built } else { measures.append(built) }
        } else {
            measures.append(built)
        }
    }

    private func parseDurationChild(_ x: XMLStream) throws(MusicXMLError) -> (length: Rational, voice: String?, staff: Int?) {
        var length = Rational.zero
        var voice: String?
        var staff: Int?
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .duration:
                guard let d = try x.decimal(), d >= 0 else { throw x.error(.invalidValue(element: "duration", value: x.lastText)) }
                noteMissingDivisions(x)
                length = try quarters(d, x, element: "duration")
                guard length < PartBuilder.absurdLength else { throw x.error(.invalidValue(element: "duration", value: "\(d)")) }
            case .voice: voice = try x.text()
            case .staff: staff = try x.int()
            default: try x.skip()
            }
        }
        return (length, voice, staff)
    }

    // MARK: Notes

    private func parseNote(_ x: XMLStream, into built: inout Built, cursor: inout Cursor) throws(MusicXMLError) {
        var n = NoteData()
        // `dynamics` is a percentage of a forte of MIDI velocity 90 (MusicXML's definition).
        if let percent = x.attribute("dynamics").flatMap(Double.init), percent.isFinite, percent >= 0 {
            n.velocity = min(127, max(1, Int((percent * 0.9).rounded())))
        }
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .chord: n.chord = true; try x.skip()
            case .grace:
                n.grace = true
                if x.attribute("slash") == "yes" { n.marks.graceSlash = true }
                try x.skip()
            case .cue: n.marks.isCue = true; try x.skip()
            case .pitch:
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    switch tag {
                    case .step:
                        let byte = try x.letter()
                        guard let byte, (UInt8(ascii: "A")...UInt8(ascii: "G")).contains(byte),
                              let step = Step(letter: Character(Unicode.Scalar(byte)))
                        else { throw x.error(.invalidValue(element: "step", value: x.lastText)) }
                        n.step = step
                    case .alter:
                        guard let a = try x.decimal(), a.magnitude <= 3 else {
                            throw x.error(.invalidValue(element: "alter", value: x.lastText))
                        }
                        n.alter = a
                        n.hasAlter = true
                    case .octave:
                        guard let o = try x.int(), (-1...10).contains(o) else {
                            throw x.error(.invalidValue(element: "octave", value: x.lastText))
                        }
                        n.octave = o
                    default: try x.skipUnknown(in: "pitch")
                    }
                }
                guard n.step != nil else { throw x.error(.missingElement("step")) }
                guard n.octave != nil else { throw x.error(.missingElement("octave")) }
            case .unpitched:
                // Percussion: keep the displayed position as the pitch, as music21 shows it.
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    switch tag {
                    case .displayStep:
                        let text = try x.text()
                        guard text.count == 1, let step = Step(letter: text.first!) else {
                            throw x.error(.invalidValue(element: "display-step", value: text))
                        }
                        n.step = step
                    case .displayOctave:
                        guard let o = try x.int(), (-1...10).contains(o) else {
                            throw x.error(.invalidValue(element: "display-octave", value: x.lastText))
                        }
                        n.octave = o
                    default: try x.skip()
                    }
                }
                if n.step == nil { n.step = .B }
                if n.octave == nil { n.octave = 4 }
            case .rest:
                n.rest = true
                n.measureRest = x.attribute("measure") == "yes"
                try x.skip()
            case .duration:
                guard let d = try x.decimal(), d >= 0 else {
                    throw x.error(.invalidValue(element: "duration", value: x.lastText))
                }
                n.durationDivs = d
            case .tie:
                if let type = x.attribute("type") { n.ties.append(type) }
                try x.skip()
            case .voice: n.voice = try x.text()
            case .type:
                if x.hasAttributes, let size = x.attribute("size") { n.marks.size = SymbolSize(rawValue: size) }
                let text = try x.text()
                n.type = NoteType(rawValue: text)
            case .dot: n.dots += 1; try x.skip()
            case .accidental:
                let marked = x.hasAttributes && (x.attribute("cautionary") == "yes" || x.attribute("editorial") == "yes"
                    || x.attribute("parentheses") == "yes" || x.attribute("bracket") == "yes")
                let name = try x.text()
                n.writtenAccidental = Accidental(musicXMLName: name)
                if marked { n.accidental = n.writtenAccidental }
            case .timeModification:
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    switch tag {
                    case .actualNotes: n.actual = try x.int()
                    case .normalNotes: n.normal = try x.int()
                    case .normalType: n.normalType = NoteType(rawValue: try x.text())
                    case .normalDot: n.normalDots += 1; try x.skip()
                    default: try x.skip()
                    }
                }
            case .staff:
                guard let s = try x.int(), (1...64).contains(s) else { throw x.error(.invalidValue(element: "staff", value: x.lastText)) }
                n.staff = s
            case .notations:
                try parseNotations(x, into: &n)
            case .lyric:
                let number = x.attribute("number").flatMap { Int($0) } ?? (n.lyrics.count + 1)
                var syllabic = Lyric.Syllabic.single
                var texts: [String] = []
                var extend = false
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    switch tag {
                    case .syllabic: syllabic = Lyric.Syllabic(rawValue: try x.text()) ?? .single
                    case .text: texts.append(try x.text())
                    case .extend: extend = true; try x.skip()
                    default: try x.skip()
                    }
                }
                if !texts.isEmpty || extend {
                    n.lyrics.append(Lyric(texts.joined(separator: " "), number: number, syllabic: syllabic, extend: extend))
                }
            case .beam: try parseBeam(x, into: &n)
            case .stem: try parseStem(x, into: &n)
            case .notehead: try parseNotehead(x, into: &n)
            case .instrument:
                try x.skip()
            default:
                try x.skipUnknown(in: "note")
            }
        }
        try place(n, x, into: &built, cursor: &cursor)
        try checkPosition(cursor.at, x, element: "note")
    }

    private func parseNotations(_ x: XMLStream, into n: inout NoteData) throws(MusicXMLError) {
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .articulations:
                try x.forEachChild { (_) throws(MusicXMLError) in
                    if let a = Articulation(rawValue: x.name) { n.articulations.insert(a) }
                    try x.skip()
                }
            default:
                try parseNotationMark(tag, x, into: &n)
            }
        }
    }

    /// The notated duration and the time taken, following music21: the time is
    /// `<duration>` ÷ divisions (0 without `<duration>`); the notation comes from `<type>`,
    /// dots and the note's tuplets (see ``tuplets(of:voice:)``) when they agree with it.
    /// `<normal-type>` names the note value the ratio counts in (a quarter note in an eighth
    /// triplet is 3:2 of eighths): it does not change the ratio.
    private func durations(of n: NoteData, tuplets: [Tuplet], _ x: XMLStream) throws(MusicXMLError) -> (notated: Duration?, length: Rational) {
        var length = Rational.zero
        if let divs = n.durationDivs {
            noteMissingDivisions(x)
            length = try quarters(divs, x, element: "duration")
            guard length < PartBuilder.absurdLength else {
                throw x.error(.invalidValue(element: "duration", value: "\(divs)"))
            }
        }
        guard let type = n.type else { return (nil, length) }
        return (Duration(type, dots: min(n.dots, 4), tuplets: tuplets), length)
    }

    /// Whether a rest is written to fill its bar whatever the bar's length (a measure rest, or
    /// a whole or breve rest), so its `<type>` says nothing about its length.
    static func fillsBar(_ n: NoteData) -> Bool {
        n.rest && (n.measureRest || ((n.type == .whole || n.type == .breve) && n.dots == 0 && n.actual == nil))
    }

    /// The notated value when the file's `<duration>` is that value rounded to its divisions:
    /// a triplet sixteenth at 256 per quarter is 42⅔ divisions, stored as 42 or 43. The notated
    /// value (`<type>`, dots, `<time-modification>`) is then the note's exact length, as a
    /// musician reads it. Once a part has rounded like that, its exporter is known to round, and
    /// a duration up to two divisions (and at most 1/16 of the value) off is taken as rounding
    /// too (a dotted half of 50 where 17 per quarter make 51). Anything further is a real
    /// difference and keeps the file's number.
    /// `notated` is the notated value's length in quarters, `rounded` the file's.
    func notatedLength(_ notated: Rational?, rounded: Rational, durationDivs: Rational?) -> Rational? {
        // The common case, checked without multiplying: the file's value is the notated one.
        guard let notated, notated != rounded, let divs = durationDivs, let divisions, divisions > 0 else { return nil }
        let exact = notated * Rational(divisions)
        let error = (exact - divs).magnitude
        guard error > 0 else { return nil }
        if !exact.isInteger && error < 1 {
            roundsDurations = true
            return notated
        }
        if roundsDurations && error <= 2 && error * 16 <= exact { return notated }
        return nil
    }

    private func place(_ n: NoteData, _ x: XMLStream, into built: inout Built, cursor: inout Cursor) throws(MusicXMLError) {
        if !built.pendingFigures.isEmpty && !n.chord && !n.grace { placeFiguredBass(&built, at: cursor.at, staff: n.staff) }
        let voice = n.voice.flatMap { $0.isEmpty ? nil : $0 } ?? cursor.lastVoice ?? "1"
        if n.voice != nil { cursor.lastVoice = voice }
        let tuplets = n.actual == nil && n.tupletMarks.isEmpty ? [] : tuplets(of: n, voice: voice)
        let (notated, rounded) = try durations(of: n, tuplets: tuplets, x)
        let notatedQuarters = notated?.quarterLength  // once: it costs a Rational product per tuplet and dot
        let length = n.chord ? rounded : (notatedLength(notatedQuarters, rounded: rounded, durationDivs: n.durationDivs) ?? rounded)
        if !n.chord, let notated, let notatedQuarters, n.durationDivs != nil, notatedQuarters != length, !PartBuilder.fillsBar(n) {
            warnings.append(x.error(.durationDisagreement(notation: notated.label, notated: notatedQuarters, duration: length)))
        }
        let tie: Tie? = n.ties.count == 1 ? Tie(rawValue: n.ties[0])
            : (n.ties.contains("start") && n.ties.contains("stop") ? .continue : nil)

        if n.rest {
            cursor.lastNote = nil
            var pieces: [Duration]
            if let notated, notatedQuarters == length { pieces = [notated] }
            else if length.isDyadic { pieces = Duration.decompose(length) }  // never an invented tuplet
            else if let single = PartBuilder.exactDuration(length) { pieces = [single] }
            else { pieces = Duration.decompose(length) }
            if pieces.isEmpty { pieces = [notated ?? Duration(.whole)] }  // zero-length rest: keep its notation
            var at = cursor.at
            for (i, d) in pieces.enumerated() {
                built.elements.append(Placed(staff: n.staff ?? 1, voice: voice, offset: at,
                                             event: .rest(Rest(d, isMeasureRest: n.measureRest && (n.type == nil || n.type == .whole || n.type == .breve),
                                                               marks: i == 0 && !n.marks.isEmpty ? n.marks : NoteMarks())),
                                             isSimpleNote: false))
                at += length == .zero ? .zero : d.quarterLength
            }
            if !openTuplets.isEmpty { closeTuplets(n, voice: voice, element: pieces.count == 1 ? built.elements.count - 1 : nil, in: &built) }
            if !n.grace { cursor.advance(exact: length, rounded: rounded) }
            return
        }

        guard let step = n.step, let octave = n.octave else { throw x.error(.missingElement("pitch")) }
        // Microtones (alter ±0.5) round to the nearest semitone, half to even, as the parity
        // oracle does; the model spells whole semitones only.
        let alter: Int = {
            let twice = n.alter * 2
            if twice.isInteger && !n.alter.isInteger {
                let down = n.alter.floor
                return down % 2 == 0 ? down : down + 1
            }
            return n.alter.rounded(toMultipleOf: 1).numerator
        }()
        // An <accidental> without <alter> spells the pitch, as music21 reads it.
        let spelledAlter = !n.hasAlter ? (n.writtenAccidental?.alter ?? alter) : alter
        guard let pitch = try? Pitch(step, alter: spelledAlter, octave: octave) else {
            throw x.error(.invalidValue(element: "alter", value: String(spelledAlter)))
        }

        var grace = n.grace
        var pieces: [Duration]
        if grace {
            pieces = [notated ?? Duration(.eighth)]
        } else if let notated, notatedQuarters == length {
            pieces = [notated]
        } else if let single = length.isDyadic ? Duration(quarterLength: length).flatMap({ $0.tuplets.isEmpty ? $0 : nil })
                    : PartBuilder.exactDuration(length) {
            // A length of plain values is never given a tuplet the file did not write.
            pieces = [single]
        } else if length > 0 {
            pieces = Duration.decompose(length)
            warnings.append(x.error(.assumption("a note of \(length) quarters cannot be one note; split into \(pieces.count) tied notes")))
        } else {
            // No <duration> on a non-grace note: music21 gives it no length; so do we, as a grace note.
            grace = true
            pieces = [notated ?? Duration(.quarter)]
        }

        // <chord/> right after a note joins that note; otherwise it starts a new chord here.
        // Most notes carry a stem and beams at most: checked once, their marks are not copied whole.
        let rare: NoteMarks? = n.marks.onlyStemAndBeams ? nil : n.marks
        if n.chord, let index = cursor.lastNote, index < built.elements.count {
            let tone = Note(pitch, built.elements[index].event.duration, tie: tie, velocity: n.velocity, articulations: n.articulations,
                            lyrics: n.lyrics, isGrace: built.elements[index].event.isGrace,
                            displayedAccidental: n.accidental, stem: n.marks.stem, beams: n.marks.beams, rare: rare)
            switch built.elements[index].event {
            case .note(let first):
                built.elements[index].event = .chord(Chord(notes: [first, tone]))
                built.elements[index].isSimpleNote = false
            case .chord(var chord):
                chord.notes.append(tone)
                built.elements[index].event = .chord(chord)
            case .rest:
                break
            }
            if !openTuplets.isEmpty { closeTuplets(n, voice: voice, element: nil, in: &built) }
            return
        }

        let splitTies = Tie.splitting(tie)
        var at = cursor.at
        for (i, d) in pieces.enumerated() {
            let pieceTie = pieces.count == 1 ? tie : (i == 0 ? splitTies.first : i == pieces.count - 1 ? splitTies.last : splitTies.middle)
            let note = Note(pitch, d, tie: pieceTie, velocity: n.velocity, articulations: i == 0 ? n.articulations : [],
                            lyrics: i == 0 ? n.lyrics : [], isGrace: grace, displayedAccidental: i == 0 ? n.accidental : nil,
                            stem: i == 0 ? n.marks.stem : nil, beams: i == 0 ? n.marks.beams : [], rare: i == 0 ? rare : nil)
            built.elements.append(Placed(staff: n.staff ?? 1, voice: voice, offset: at, event: .note(note),
                                         isSimpleNote: !n.chord))
            if !grace && pieces.count > 1 { at += d.quarterLength }  // one piece: `at` is not read again
        }
        cursor.lastNote = pieces.count == 1 ? built.elements.count - 1 : nil
        if !openTuplets.isEmpty { closeTuplets(n, voice: voice, element: cursor.lastNote, in: &built) }
        if !grace { cursor.advance(exact: length, rounded: rounded) }
    }

    // MARK: Attributes

    /// Returns whether a clef, key or time was read (music21 keeps those as elements).
    private func parseAttributes(_ x: XMLStream, into built: inout Built) throws(MusicXMLError) -> Bool {
        var marks = false
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .divisions:
                guard let d = try x.int(), d > 0 else {
                    throw x.error(.invalidValue(element: "divisions", value: x.lastText))
                }
                guard d <= budget.limits.maximumDivisions else {
                    throw x.error(.limitExceeded("<divisions> \(d), more than \(budget.limits.maximumDivisions) per quarter"))
                }
                divisions = d
            case .key:
                marks = true
                let staff = x.attribute("number").flatMap { Int($0) } ?? 0
                var fifths: Int?
                var mode: Mode?
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    switch tag {
                    case .fifths:
                        guard let f = try x.int(), (-30...30).contains(f) else {
                            throw x.error(.invalidValue(element: "fifths", value: x.lastText))
                        }
                        fifths = f
                    case .mode: mode = Mode(rawValue: try x.text())
                    default: try x.skipUnknown(in: "key")
                    }
                }
                if let fifths {
                    let signature = KeySignature(fifths: fifths)
                    built.keys[staff] = (mode.map { Key(signature: signature, mode: $0) }, signature)
                }
            case .time:
                marks = true
                built.time = try parseTime(x) ?? built.time
            case .staves:
                guard let s = try x.int(), (1...64).contains(s) else {
                    throw x.error(.invalidValue(element: "staves", value: x.lastText))
                }
                staves = max(staves, s)
            case .clef:
                marks = true
                let staff = x.attribute("number").flatMap { Int($0) } ?? 1
                var sign: Clef.Sign?
                var line: Int?
                var octave = 0
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    switch tag {
                    case .sign: sign = Clef.Sign(rawValue: try x.text())
                    case .line: line = try x.int()
                    case .clefOctaveChange: octave = try x.int() ?? 0
                    default: try x.skip()
                    }
                }
                if let sign, (1...64).contains(staff) {
                    let defaultLine: Int
                    switch sign {
                    case .g: defaultLine = 2
                    case .f: defaultLine = 4
                    case .c: defaultLine = 3
                    case .tab: defaultLine = 5
                    case .percussion, .none: defaultLine = 0
                    }
                    built.clefs[staff] = Clef(sign, line: line ?? defaultLine, octaveChange: octave)
                }
            case .transpose:
                var diatonic = 0, chromatic = 0, octaves = 0
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    switch tag {
                    case .diatonic: diatonic = try x.int() ?? 0
                    case .chromatic: chromatic = try x.int() ?? 0
                    case .octaveChange: octaves = try x.int() ?? 0
                    default: try x.skip()
                    }
                }
                if transposition == nil {
                    transposition = Interval(diatonicSteps: diatonic + 7 * octaves, semitones: chromatic + 12 * octaves)
                }
            default:
                try x.skipUnknown(in: "attributes")
            }
        }
        return marks
    }

    /// A `<time>`: one or more beats/beat-type pairs (summed), `3+2` beats, symbols.
    private func parseTime(_ x: XMLStream) throws(MusicXMLError) -> TimeSignature? {
        let symbolText = x.attribute("symbol")
        var total = Rational.zero
        var denominators: [Int] = []
        var numerators: [Int] = []
        var pendingBeats: Int?
        var senza = false
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .beats:
                let text = try x.text()
                var sum = 0
                for piece in text.split(separator: "+") {
                    guard let v = Int(piece.trimmingCharacters(in: .whitespaces)), v > 0, v <= 1000 else {
                        throw x.error(.invalidValue(element: "beats", value: text))
                    }
                    sum += v
                }
                pendingBeats = sum
            case .beatType:
                let text = try x.text()
                guard let d = Int(text), d > 0, d <= 1024 else { throw x.error(.invalidValue(element: "beat-type", value: text)) }
                if let beats = pendingBeats {
                    total += Rational(beats * 4, d)
                    numerators.append(beats)
                    denominators.append(d)
                    pendingBeats = nil
                }
            case .senzaMisura:
                senza = true
                try x.skip()
            default:
                try x.skipUnknown(in: "time")
            }
        }
        guard total > 0 else { return nil }
        let symbol: TimeSignature.Symbol
        switch symbolText {
        case "common": symbol = .common
        case "cut": symbol = .cut
        case "single-number": symbol = .singleNumber
        default: symbol = senza ? .senzaMisura : .normal
        }
        if numerators.count == 1 { return TimeSignature(numerators[0], denominators[0], symbol: symbol) }
        // Several signatures summed: express the whole bar over the largest beat type.
        let denominator = denominators.max() ?? 4
        let numerator = total * Rational(denominator, 4)
        guard numerator.isInteger else { return nil }
        return TimeSignature(numerator.numerator, denominator, symbol: symbol)
    }

    // MARK: Barlines and chord symbols

    private func parseBarline(_ x: XMLStream, into built: inout Built, at: Rational) throws(MusicXMLError) {
        let where_ = x.attribute("location") ?? "right"
        var barline = Barline(where_ == "left" ? .left : where_ == "middle" ? .middle : .right)
        if barline.location == .middle { barline.offset = at }
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .barStyle:
                barline.style = try x.text()
            case .repeat:
                barline.repeat = x.attribute("direction").flatMap(Barline.Repeat.init(rawValue:))
                barline.times = x.attribute("times").flatMap { Int($0) }
                try x.skip()
            case .fermata:
                let type = x.attribute("type").flatMap(Fermata.Orientation.init(rawValue:))
                let text = try x.text()
                barline.fermatas.append(Fermata(type, shape: text.isEmpty ? nil : Fermata.Shape(rawValue: text)))
            case .ending:
                if let type = x.attribute("type") {
                    barline.ending = Barline.Ending(number: x.attribute("number") ?? "1", type: type)
                }
                try x.skip()
            default:
                try x.skip()
            }
        }
        // A barline inside the bar is kept even when plain: it is drawn. At the bar's edges a
        // plain barline carries nothing.
        if barline.location != .middle {
            guard barline != Barline(barline.location) else { return }
            if barline.style == "regular" && barline.repeat == nil && barline.ending == nil && barline.fermatas.isEmpty { return }
        }
        built.barlines.append(barline)
    }
}
