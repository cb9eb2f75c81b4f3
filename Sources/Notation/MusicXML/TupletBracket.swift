/// The MusicXML `<tuplet>` brackets a written note starts and stops, by nesting level (0 is the
/// outermost tuplet of the note's ``Duration/tuplets``).
struct TupletBracket: Sendable, Hashable {
    /// Levels of the brackets begun on this note.
    var starts: [Int] = []
    /// Levels of the brackets ended on this note.
    var stops: [Int] = []

    /// No bracket begins or ends here.
    static let none = TupletBracket()
    /// An outermost bracket begins here.
    static let start = TupletBracket(starts: [0])
    /// An outermost bracket ends here.
    static let stop = TupletBracket(stops: [0])

    /// The `<notations>` content for a note of `duration`: starts outermost first, then stops
    /// innermost first. A lone tuplet keeps the short form (`number` 1, the ratio taken from
    /// `<time-modification>`); nested brackets are numbered by level and spell their own ratio
    /// in `<tuplet-actual>`/`<tuplet-normal>`, which readers need to tell the levels apart.
    func xml(_ duration: Duration) -> String {
        guard !starts.isEmpty || !stops.isEmpty else { return "" }
        let nested = duration.tuplets.count > 1
        var text = ""
        for level in starts.sorted() where level < min(duration.tuplets.count, 16) {
            if !nested && level == 0 {
                text += "<tuplet type=\"start\" bracket=\"yes\"/>"
                continue
            }
            let t = duration.tuplets[level]
            text += "<tuplet type=\"start\" number=\"\(level + 1)\" bracket=\"yes\">"
                + "<tuplet-actual><tuplet-number>\(t.actual)</tuplet-number></tuplet-actual>"
                + "<tuplet-normal><tuplet-number>\(t.normal)</tuplet-number></tuplet-normal></tuplet>"
        }
        for level in stops.sorted(by: >) where level < 16 {
            text += level == 0 ? "<tuplet type=\"stop\"/>" : "<tuplet type=\"stop\" number=\"\(level + 1)\"/>"
        }
        return text
    }
}
