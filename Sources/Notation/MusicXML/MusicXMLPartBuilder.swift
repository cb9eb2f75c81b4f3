/// Collects one part's measures while the document streams by, then assembles its staves.
///
/// Measure lengths follow music21 (`PartParser.adjustTimeAttributesFromMeasure`): a measure
/// lasts until the end of its latest note, rest or (in Finale files) `<forward>`; a bar
/// overfull by an odd amount keeps the bar length; a measure with no notes or rests lasts a
/// full bar.
final class PartBuilder {
    let id: String
    @exclusivity(unchecked) var divisions: Int?
    var staves = 1
    var barLength: Rational?
    var transposition: Interval?
    @exclusivity(unchecked) var measures: [Built] = []
    var warnings: [MusicXMLError] = []
    private var warnedDivisions = false
    /// Slur numbers started and not yet stopped, to report a stop with no start.
    var openSlurs: Set<Int> = []
    /// Beam levels begun and not yet ended, by voice, to report a continue with no begin.
    var openBeams: [String: UInt16] = [:]
    /// Tuplet brackets begun and not yet ended, by voice, outermost first.
    var openTuplets: [String: [OpenTuplet]] = [:]
    /// Counts the notes read, to tell which tuplet brackets began together.
    var noteSerial = 0
    /// Whether the part has rounded a notated value its divisions cannot express (a triplet in
    /// 256 per quarter): its other durations may then be a division or two off too.
    var roundsDurations = false

    /// One measure while being read.
    struct Built {
        var number: Int
        var label: String?
        var length = Rational.zero
        var elements: [Placed] = []
        var keys: [Int: (Key?, KeySignature)] = [:]     // staff 0 = every staff
        var time: TimeSignature?
        var clefs: [Int: Clef] = [:]
        var directions: [Direction] = []
        /// The latest point of a zero-length mark music21 keeps as an element (dynamics,
        /// words, metronome, chord symbols, clef/key/time changes): it counts towards the
        /// measure's length as music21's `highestTime` does.
        var markEnd = Rational.zero
        var barlines: [Barline] = []
        /// Figured bass read and waiting for the note it stands under (the next one that is
        /// neither a grace note nor a chord tone).
        var pendingFigures: [FiguredBass] = []
    }

    /// An event with its staff, voice and offset in the measure.
    struct Placed {
        var staff: Int
        var voice: String
        var offset: Rational
        var event: Event
        var isSimpleNote: Bool
    }

    let budget: MusicXMLBudget

    init(id: String, budget: MusicXMLBudget) {
        self.id = id
        self.budget = budget
    }

    /// A single notated duration of exactly `length`: plain, dotted or a common tuplet when
    /// possible, else the shortest note type at least that long in an `n:m` tuplet (a 5/24
    /// note is a 16th in 6:5), so that one MusicXML note stays one note as in music21.
    static func exactDuration(_ length: Rational) -> Duration? {
        guard length > 0 else { return nil }
        if let single = Duration(quarterLength: length) { return single }
        guard let type = NoteType.allCases.last(where: { $0.quarterLength >= length }) else { return nil }
        let ratio = length / type.quarterLength   // < 1: normal / actual
        guard ratio.numerator > 0, ratio.denominator <= 1 << 20 else { return nil }
        return Duration(type, tuplets: [Tuplet(ratio.denominator, ratio.numerator)])
    }

    /// The finest time grid (per quarter) the part's values need, and the part's length so far.
    /// Both are bounded so that exact arithmetic on offsets can never overflow: with grids up
    /// to 2^20 per quarter and pieces up to 2^20 quarters, every cross product fits in 64 bits.
    var grid = 1
    var total = Rational.zero
    static let limit = 1 << 20

    /// Quarter notes for a number of divisions, checked against the grid limit.
    func quarters(_ divs: Rational, _ x: XMLStream, element: String) throws(MusicXMLError) -> Rational {
        // A coarse bound in floating point first, so the exact check below cannot overflow.
        guard divs.doubleValue.magnitude < Double(PartBuilder.limit) * Double(divisions ?? 1) else {
            throw x.error(.invalidValue(element: element, value: "\(divs)"))
        }
        let value = divs / Rational(divisions ?? 1)
        let (product, overflow) = (grid / Rational.gcd(grid, value.denominator)).multipliedReportingOverflow(by: value.denominator)
        guard !overflow, product <= PartBuilder.limit else {
            throw x.error(.invalidValue(element: element, value: "\(divs) (needs a time grid finer than 2^20 per quarter)"))
        }
        grid = product
        return value
    }

    /// Checks a position reached inside a measure.
    func checkPosition(_ at: Rational, _ x: XMLStream, element: String) throws(MusicXMLError) {
        guard at.magnitude < Rational(PartBuilder.limit) else {
            throw x.error(.invalidValue(element: element, value: "position \(at) quarters into a measure"))
        }
    }

    func noteMissingDivisions(_ x: XMLStream) {
        guard divisions == nil, !warnedDivisions else { return }
        warnedDivisions = true
        warnings.append(x.error(.assumption("part \(id) has durations before any <divisions>; taking 1 division per quarter")))
    }

    /// Staves for the finished part.
    func assemble() -> [Staff] {
        // Staves are what <staves> declares; a <staff> number beyond that is read as staff 1,
        // as music21 does (the part is not split).
        let staffCount = max(1, staves)
        if measures.contains(where: { m in m.elements.contains { $0.staff > staffCount } }) {
            for i in measures.indices {
                for j in measures[i].elements.indices where measures[i].elements[j].staff > staffCount {
                    measures[i].elements[j].staff = 1
                }
            }
        }
        var result: [Staff] = []
        for staffNumber in 1...staffCount {
            var staff = Staff(clef: .treble, measures: [])
            staff.measures.reserveCapacity(measures.count)
            var firstClef: Clef?
            for built in measures {
                var voiceOrder: [String] = []
                var voiceElements: [String: [Voice.Element]] = [:]
                for placed in built.elements where placed.staff == staffNumber {
                    if voiceElements[placed.voice] == nil { voiceOrder.append(placed.voice) }
                    voiceElements[placed.voice, default: []].append(Voice.Element(offset: placed.offset, event: placed.event))
                }
                let voices = voiceOrder.map { id -> Voice in
                    var elements = voiceElements[id] ?? []
                    if zip(elements, elements.dropFirst()).contains(where: { $0.offset > $1.offset }) {
                        elements = elements.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
                    }
                    return Voice(id: id, elements: elements)
                }
                let key = built.keys[staffNumber] ?? built.keys[0]
                let clef = built.clefs[staffNumber]
                if firstClef == nil, let clef { firstClef = clef }
                let directions = built.directions.filter { ($0.staff ?? 1) == staffNumber }
                    .enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
                var measure = Measure(number: built.number, length: built.length, voices: voices,
                                      key: key?.0, keySignature: key?.1, timeSignature: built.time,
                                      clef: clef, directions: directions, label: built.label)
                measure.barlines = built.barlines
                staff.measures.append(measure)
            }
            staff.clef = firstClef ?? .treble
            result.append(staff)
        }
        return result
    }

    /// Ends a measure: applies music21's full-measure-rest rule and computes its length.
    func finish(_ built: inout Built) {
        if let time = built.time, time.symbol != .senzaMisura || time.numerator > 0 {
            barLength = time.barLength
        }
        let bar = barLength ?? 4
        // A lone rest (and no single notes) that is a measure rest, has no type, or is an
        // undotted whole/breve of the wrong length fills the bar.
        let rests = built.elements.indices.filter { built.elements[$0].event.isRest }
        if rests.count == 1, !built.elements.contains(where: \.isSimpleNote),
           case .rest(var rest) = built.elements[rests[0]].event {
            let length = rest.duration.quarterLength
            let wholeish = (rest.duration.type == .whole || rest.duration.type == .breve)
                && rest.duration.dots == 0 && rest.duration.tuplets.isEmpty
            if rest.isMeasureRest || (length != bar && wholeish) {
                if length != bar, let single = PartBuilder.exactDuration(bar) { rest.duration = single }
                rest.isMeasureRest = true
                built.elements[rests[0]].event = .rest(rest)
                if rest.duration.quarterLength != bar {
                    // No single rest shows this bar; write it as several.
                    let start = built.elements[rests[0]].offset
                    let template = built.elements[rests[0]]
                    built.elements.remove(at: rests[0])
                    var at = start
                    for (i, d) in Duration.decompose(bar).enumerated() {
                        var piece = template
                        piece.offset = at
                        piece.event = .rest(Rest(d, isMeasureRest: true))
                        built.elements.insert(piece, at: rests[0] + i)
                        at += d.quarterLength
                    }
                }
            }
        }
        var highest = built.markEnd
        var hasSound = false
        for element in built.elements {
            highest = max(highest, element.offset + element.event.quarterLength)
            hasSound = true
        }
        if highest == bar {
            built.length = highest
        } else if highest > bar {
            let diff = highest - bar
            let round = diff > Rational(1, 2) || (diff / Rational(1, 16)).isInteger || (diff / Rational(1, 12)).isInteger
            built.length = round ? highest : bar
        } else if highest == .zero && !hasSound {
            // music21 fills a measure with no notes or rests with a bar rest on every staff.
            built.length = bar
            for staff in 1...max(1, staves) {
                if let d = PartBuilder.exactDuration(bar) {
                    built.elements.append(Placed(staff: staff, voice: "1", offset: .zero,
                                                 event: .rest(Rest(d, isMeasureRest: true)), isSimpleNote: false))
                }
            }
        } else {
            built.length = highest
        }
    }
}
