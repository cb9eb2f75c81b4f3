/// Reading `<harmony>`: chord symbols.
extension PartBuilder {
    /// Reads a `<harmony>` into a ``Direction/Kind/chordSymbol(_:)`` direction. A `<kind>`
    /// outside MusicXML's list is kept as the symbol's text with kind `.other` and reported in
    /// the reading's skipped list; a harmony with neither root nor function nor kind is
    /// reported and dropped.
    func parseHarmony(_ x: XMLStream, into built: inout Built, at: Rational) throws(MusicXMLError) {
        var offset = Rational.zero
        var symbol = ChordSymbol(root: nil, kind: .other)
        var sawKind = false
        var staff: Int?
        var stacked = 0
        var unreadable = false
        func readNote(_ stepName: String, _ alterName: String) throws(MusicXMLError) -> SpelledPitchClass? {
            var step: Step?
            var alter = 0
            try x.forEachChild { (_) throws(MusicXMLError) in
                if x.name == stepName {
                    let text = try x.text()
                    step = text.count == 1 ? Step(letter: text.first!) : nil
                } else if x.name == alterName {
                    // A microtonal root has no spelling in the model: the symbol is reported.
                    guard let a = try x.decimal(), a.isInteger, (-3...3).contains(a.numerator) else { alter = 99; return }
                    alter = a.numerator
                } else {
                    try x.skip()
                }
            }
            guard let step, alter != 99 else { unreadable = true; return nil }
            return SpelledPitchClass(unchecked: step, alter: alter)
        }
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .offset:
                if let d = try x.decimal() { offset = try quarters(d, x, element: "offset") }
            case .root:
                stacked += 1
                if stacked == 1 { symbol.root = try readNote("root-step", "root-alter") } else { try x.skip() }
            case .kind:
                guard stacked <= 1 else { try x.skip(); return }
                let printed = x.attribute("text")
                let value = try x.text()
                sawKind = true
                if let kind = ChordSymbol.Kind(rawValue: value) {
                    symbol.kind = kind
                    symbol.text = printed
                } else {
                    // e.g. "minor-major" for "major-minor": keep what the file says.
                    symbol.kind = .other
                    symbol.text = printed ?? value
                    x.skipped.insert("harmony/kind=\(value)")
                }
            case .bass:
                guard stacked <= 1 else { try x.skip(); return }
                symbol.bass = try readNote("bass-step", "bass-alter")
            case .staff:
                staff = try x.int()
            default:
                switch x.name {
                case "function", "numeral":
                    stacked += 1
                    if stacked == 1, x.name == "function" { symbol.function = try x.text() }
                    else {
                        if stacked == 1 { x.skipped.insert("harmony/numeral") }
                        try x.skip()
                    }
                case "inversion" where stacked <= 1:
                    symbol.inversion = try x.int()
                case "degree" where stacked <= 1:
                    var value: Int?, alter = 0
                    var operation: ChordSymbol.Degree.Operation?
                    try x.forEachChild { (_) throws(MusicXMLError) in
                        switch x.name {
                        case "degree-value": value = try x.int()
                        case "degree-alter":
                            if let a = try x.decimal(), a.isInteger, (-3...3).contains(a.numerator) { alter = a.numerator }
                            else { unreadable = true }
                        case "degree-type": operation = ChordSymbol.Degree.Operation(rawValue: try x.text())
                        default: try x.skip()
                        }
                    }
                    guard let value, let operation, (1...99).contains(value) else { unreadable = true; return }
                    symbol.degrees.append(ChordSymbol.Degree(value, alter: alter, operation))
                case "frame", "footnote", "level":
                    try x.skipUnknown(in: "harmony")
                default:
                    if stacked > 1 { try x.skip() } else { try x.skipUnknown(in: "harmony") }
                }
            }
        }
        // A second stacked chord (V of II) has no place in the model yet: reported.
        if stacked > 1 { x.skipped.insert("harmony/stacked-chord") }
        built.markEnd = max(built.markEnd, at + offset)
        guard sawKind, !unreadable, symbol.root != nil || symbol.function != nil || symbol.kind == .none else {
            x.skipped.insert("harmony")
            return
        }
        if symbol.kind == .none { symbol.root = nil }
        built.directions.append(Direction(offset: max(.zero, at + offset), staff: staff, kind: .chordSymbol(symbol)))
    }
}
