/// Reading `<tuplet>` brackets, so that a 3:2 inside a 5:4 stays two nested tuplets.
///
/// `<time-modification>` gives only the product of a note's tuplets (15:8 for a triplet inside
/// a quintuplet); the `<tuplet>` brackets, told apart by `number`, give each level. A note's
/// tuplets are the brackets open in its voice, outermost first, when their ratios multiply to
/// exactly the numbers its `<time-modification>` writes (a level with no bracket of its own
/// is the part left over, innermost, as music21 reads it); otherwise the note keeps the single
/// tuplet of its `<time-modification>`, so nothing the file did not imply is ever written back.
extension PartBuilder {
    /// A `<tuplet>` mark as written on a note.
    struct TupletMark {
        var start: Bool
        var number: Int
        /// `<tuplet-actual>`/`<tuplet-normal>` numbers and note values, when written.
        var actual: Int?, normal: Int?
        var actualUnit: Rational?, normalUnit: Rational?
    }

    /// A bracket begun and not yet ended in one voice.
    struct OpenTuplet {
        var number: Int
        var tuplet: Tuplet
        /// The serial number of the note that began it: brackets begun together are ordered
        /// when the first of them ends (the one ending first is the inner one).
        var startedAt: Int
        /// Elements of the measure being read that lie under it (for that reordering).
        var members: [Int] = []
        /// `measures.count` when it began: members are only reordered within that measure.
        var measure: Int
    }

    /// Reads one `<tuplet>` of a note's `<notations>`.
    func parseTuplet(_ x: XMLStream, into n: inout NoteData) throws(MusicXMLError) {
        let type = x.attribute("type")
        let number = x.attribute("number").flatMap { Int($0) } ?? 1
        guard type == "start" || type == "stop", (1...16).contains(number) else {
            warnings.append(x.error(.invalidValue(element: "tuplet", value: "type \(type ?? "missing"), number \(number)")))
            return try x.skip()
        }
        var mark = TupletMark(start: type == "start", number: number)
        try x.forEachChild { (_) throws(MusicXMLError) in
            let portion = x.name
            guard portion == "tuplet-actual" || portion == "tuplet-normal" else { return try x.skip() }
            var count: Int?
            var unit: NoteType?
            var dots = 0
            try x.forEachChild { (_) throws(MusicXMLError) in
                switch x.name {
                case "tuplet-number": count = try x.int()
                case "tuplet-type": unit = NoteType(rawValue: try x.text())
                case "tuplet-dot": dots += 1; try x.skip()
                default: try x.skip()
                }
            }
            if let c = count, !(1...1000).contains(c) {
                warnings.append(x.error(.invalidValue(element: "tuplet-number", value: String(c))))
                count = nil
            }
            let length = unit.map { Duration($0, dots: min(dots, 4)).quarterLength }
            if portion == "tuplet-actual" { mark.actual = count; mark.actualUnit = length } else { mark.normal = count; mark.normalUnit = length }
        }
        n.tupletMarks.append(mark)
    }

    /// The note's tuplets, outermost first, after opening the brackets it begins (`voice` is
    /// the note's voice). Brackets it ends are closed by ``closeTuplets(_:voice:element:in:)``.
    func tuplets(of n: NoteData, voice: String) -> [Tuplet] {
        let timeModification: (actual: Int, normal: Int)? = {
            guard let a = n.actual, let m = n.normal, (1...1000).contains(a), (1...1000).contains(m) else { return nil }
            return (a, m)
        }()
        noteSerial += 1
        var open = openTuplets[voice] ?? []
        for mark in n.tupletMarks where mark.start {
            open.removeAll { $0.number == mark.number }   // a bracket begun again replaces the old one
            guard let tuplet = bracketRatio(mark, timeModification: timeModification, inside: open) else { continue }
            open.append(OpenTuplet(number: mark.number, tuplet: tuplet, startedAt: noteSerial, measure: measures.count))
        }
        if !n.tupletMarks.isEmpty || openTuplets[voice] != nil { openTuplets[voice] = open }
        guard let (actual, normal) = timeModification, actual != normal else { return [] }
        let single = [Tuplet(actual, normal)]
        guard !open.isEmpty, let pa = Self.product(open.map(\.tuplet.actual)), let pn = Self.product(open.map(\.tuplet.normal)),
              actual % pa == 0, normal % pn == 0
        else { return single }
        let rest = (actual / pa, normal / pn)
        if rest == (1, 1) { return open.map(\.tuplet) }
        // A level with no bracket of its own: what the brackets leave of the time modification.
        return rest.0 != rest.1 ? open.map(\.tuplet) + [Tuplet(rest.0, rest.1)] : single
    }

    /// Records the element placed for a note under the brackets open in its voice, then closes
    /// the brackets the note ends. Two brackets begun on the same note are put in order here:
    /// the one ending first is the inner one.
    func closeTuplets(_ n: NoteData, voice: String, element: Int?, in built: inout Built) {
        guard var open = openTuplets[voice], !open.isEmpty else { return }
        if let element {
            for i in open.indices { open[i].members.append(element) }
        }
        for mark in n.tupletMarks where !mark.start {
            guard let b = open.firstIndex(where: { $0.number == mark.number }) else { continue }
            // A bracket begun with this one but listed inside it outlives it: it is the outer one.
            if let c = open.indices.last(where: { $0 > b && open[$0].startedAt == open[b].startedAt }),
               open[b].measure == measures.count, open[c].measure == measures.count {
                let outer = open[b].tuplet, inner = open[c].tuplet
                for member in open[b].members where member < built.elements.count {
                    var duration = built.elements[member].event.duration
                    guard b < duration.tuplets.count, c < duration.tuplets.count,
                          duration.tuplets[b] == outer, duration.tuplets[c] == inner else { continue }
                    duration.tuplets.swapAt(b, c)
                    built.elements[member].event.duration = duration
                }
                open.swapAt(b, c)
                open.remove(at: c)
            } else {
                open.remove(at: b)
            }
        }
        openTuplets[voice] = open.isEmpty ? nil : open
    }

    /// The ratio of a bracket begun: its `<tuplet-actual>`/`<tuplet-normal>` (in one note
    /// value when they name two), else the part of the note's time modification the brackets
    /// already open leave over, else the whole time modification.
    private func bracketRatio(_ mark: TupletMark, timeModification: (actual: Int, normal: Int)?,
                              inside open: [OpenTuplet]) -> Tuplet? {
        if mark.actual != nil || mark.normal != nil {
            guard let actual = mark.actual ?? timeModification?.actual, let normal = mark.normal ?? timeModification?.normal
            else { return nil }
            guard let au = mark.actualUnit, let nu = mark.normalUnit, au != nu else { return Tuplet(actual, normal) }
            // 5 sixteenths in the time of 2 eighths is 5:4 in sixteenths.
            let inActualUnits = Rational(normal) * nu / au
            let whole = Rational(actual) * Rational(inActualUnits.denominator)
            guard whole.isInteger, whole.numerator <= 1_000_000, inActualUnits.numerator <= 1_000_000 else { return nil }
            return Tuplet(whole.numerator, inActualUnits.numerator)
        }
        guard let (actual, normal) = timeModification, actual != normal else { return nil }
        if let pa = Self.product(open.map(\.tuplet.actual)), let pn = Self.product(open.map(\.tuplet.normal)),
           actual % pa == 0, normal % pn == 0, actual / pa != normal / pn {
            return Tuplet(actual / pa, normal / pn)
        }
        return Tuplet(actual, normal)
    }

    /// The product of tuplet numbers, `nil` beyond what a `<time-modification>` can hold.
    private static func product(_ values: [Int]) -> Int? {
        var result = 1
        for v in values {
            let (p, overflow) = result.multipliedReportingOverflow(by: v)
            guard !overflow, p <= 1_000_000 else { return nil }
            result = p
        }
        return result
    }
}
