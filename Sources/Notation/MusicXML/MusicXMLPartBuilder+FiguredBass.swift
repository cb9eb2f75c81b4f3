/// Reading `<figured-bass>`.
extension PartBuilder {
    /// Reads a `<figured-bass>`; it is placed under the next note (see ``placeFiguredBass(_:at:staff:)``).
    /// Values outside MusicXML's lists (a `<prefix>` of some style's own symbol, a figure
    /// number that is not a number) are left out and reported in the reading's skipped list;
    /// a `<figured-bass>` with no figure (invalid) is reported and dropped.
    func parseFiguredBass(_ x: XMLStream, into built: inout Built) throws(MusicXMLError) {
        var figures = FiguredBass([], parentheses: x.attribute("parentheses") == "yes")
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .duration:
                guard let d = try x.decimal(), d >= 0 else { throw x.error(.invalidValue(element: "duration", value: x.lastText)) }
                noteMissingDivisions(x)
                let length = try quarters(d, x, element: "duration")
                guard length < PartBuilder.absurdLength else { throw x.error(.invalidValue(element: "duration", value: "\(d)")) }
                figures.duration = length
            default:
                guard x.name == "figure" else { return try x.skipUnknown(in: "figured-bass") }
                figures.figures.append(try parseFigure(x))
            }
        }
        guard !figures.figures.isEmpty else {
            x.skipped.insert("figured-bass[no figure]")
            return
        }
        built.pendingFigures.append(figures)
    }

    private func parseFigure(_ x: XMLStream) throws(MusicXMLError) -> FiguredBass.Figure {
        var figure = FiguredBass.Figure()
        try x.forEachChild { (_) throws(MusicXMLError) in
            let name = x.name
            switch name {
            case "prefix", "suffix":
                let text = try x.text()
                guard !text.isEmpty else { return }
                guard let modifier = FiguredBass.Modifier(rawValue: text) else {
                    x.skipped.insert("figure/\(name)=\(text)")
                    return
                }
                if name == "prefix" { figure.prefix = modifier } else { figure.suffix = modifier }
            case "figure-number":
                let text = try x.text()
                guard !text.isEmpty else { return }
                guard let number = Int(text), (0...1000).contains(number) else {
                    x.skipped.insert("figure/figure-number=\(text)")
                    return
                }
                figure.number = number
            case "extend":
                figure.extend = x.attribute("type").flatMap(StartStop.init(rawValue:)) ?? .continue
                try x.skip()
            default:
                try x.skipUnknown(in: "figure")
            }
        }
        return figure
    }

    /// Places the figured bass read since the last note at `at`, each after the ones before it
    /// have run their `<duration>` (figures changing under one note), on `staff`.
    func placeFiguredBass(_ built: inout Built, at: Rational, staff: Int?) {
        var offset = at
        // Like a note's, the staff is stated only in a part of several staves.
        let staff = staves > 1 ? staff ?? 1 : nil
        for figures in built.pendingFigures {
            built.directions.append(Direction(offset: offset, staff: staff, kind: .figuredBass(figures)))
            offset += figures.duration ?? .zero
        }
        built.pendingFigures.removeAll()
    }
}
