/// Writing figured bass as `<figured-bass>`.
extension MusicXMLTextBuilder {
    /// Where a measure's figured bass goes. A `<figured-bass>` has no offset: it stands under the
    /// next note written (not a grace note or chord tone), and figures written one after another
    /// before a note follow each other by their `<duration>`s. So each is written before a note
    /// that begins at its offset, else before the note it falls under (after the figures before
    /// it there), else after the bar's content at its offset (`trailing`).
    static func figuredBassPlacement(_ measure: Measure) -> (before: [[Int]: [FiguredBass]], trailing: [Direction]) {
        var before: [[Int]: [FiguredBass]] = [:]
        var trailing: [Direction] = []
        let figures = measure.directions.filter { if case .figuredBass = $0.kind { true } else { false } }
            .enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        guard !figures.isEmpty else { return ([:], []) }
        var notes: [(key: [Int], start: Rational, end: Rational)] = []
        for (v, voice) in measure.voices.enumerated() {
            for (e, element) in voice.elements.enumerated() where element.event.quarterLength > .zero || element.event.isRest {
                notes.append(([v, e], element.offset, element.offset + element.event.quarterLength))
            }
        }
        for d in figures {
            guard case .figuredBass(let f) = d.kind else { continue }
            if let note = notes.first(where: { $0.start == d.offset }) ?? notes.first(where: { $0.start < d.offset && d.offset < $0.end }) {
                before[note.key, default: []].append(f)
            } else {
                trailing.append(d)
            }
        }
        return (before, trailing)
    }

    /// The `<figured-bass>` element: figures (prefix, number, suffix, extend), then duration.
    func figuredBassXML(_ figures: FiguredBass) -> String {
        var text = figures.parentheses ? "<figured-bass parentheses=\"yes\">" : "<figured-bass>"
        for f in figures.figures {
            text += "<figure>"
            if let prefix = f.prefix { text += "<prefix>\(prefix.rawValue)</prefix>" }
            if let number = f.number { text += "<figure-number>\(number)</figure-number>" }
            if let suffix = f.suffix { text += "<suffix>\(suffix.rawValue)</suffix>" }
            if let extend = f.extend { text += "<extend type=\"\(extend.rawValue)\"/>" }
            text += "</figure>"
        }
        if let duration = figures.duration { text += "<duration>\(units(duration))</duration>" }
        return text + "</figured-bass>"
    }
}
