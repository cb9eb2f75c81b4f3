extension ChordSymbol: CustomStringConvertible {
    /// The figure: root, kind abbreviation (``Kind/abbreviation``), degrees, then `/bass`:
    /// `"Bb7/D"`, `"F#m7b5"`, `"Cmaj9"`, `"C7b9"`, `"Cadd9"`, `"C7sus4"`, `"N.C."`. A symbol
    /// with no root but a ``function`` prints the function. ``init(_:)`` reads it back.
    public var description: String {
        if kind == .none { return "N.C." }
        var text = root?.name ?? function ?? ""
        var degrees = self.degrees[...]
        // "7sus4" rather than "sus4add7": a suspended chord's seventh is written before it.
        if kind == .suspendedFourth || kind == .suspendedSecond, let first = degrees.first,
           first == Degree(7, alter: 0, .add) {
            text += "7"
            degrees = degrees.dropFirst()
        }
        text += kind.abbreviation
        for degree in degrees {
            let sign = degree.alter > 0 ? String(repeating: "#", count: degree.alter)
                : String(repeating: "b", count: -degree.alter)
            switch degree.operation {
            case .subtract: text += "omit\(degree.value)"
            case .alter: text += "\(sign)\(degree.value)"
            case .add: text += sign.isEmpty ? "add\(degree.value)" : "\(sign)\(degree.value)"
            }
        }
        if let bass { text += "/" + bass.name }
        return text
    }

    /// Parses a chord figure.
    ///
    /// The root is a capital letter with `#`/`b` (or music21's `-`) signs; then a kind
    /// abbreviation: none (major), `m`/`min`, `+`/`aug`, `dim`/`o`, `7`, `maj7`/`M7`/`Δ7`,
    /// `m7`, `dim7`/`o7`, `+7`/`aug7`/`7+`, `m7b5`/`ø7`/`ø`, `mM7`/`mmaj7`, `6`, `m6`, `9`,
    /// `maj9`/`M9`, `m9`, `11`, `maj11`, `m11`, `13`, `maj13`, `m13`, `sus2`, `sus4`/`sus`,
    /// `7sus4`, `5`/`power`, `pedal`, `N6`, `It+6`, `Fr+6`, `Gr+6`, `tristan`; then any number
    /// of degrees: `add9`, `b9`, `#11`, `b5`, `omit3`/`no3` (a sign before a degree the kind has
    /// alters it, before one it lacks adds it); then `/BASS`. `"N.C."` (or `"NC"`) is no
    /// chord. A `b` straight after the root letter is a flat: `"Cb9"` is C♭ 9.
    ///
    /// - Throws: ``NotationError/invalidChordSymbol(_:_:)`` naming the text and what is wrong.
    public init(_ figure: String) throws(NotationError) {
        let trimmed = figure.trimmingCharacters(in: .whitespaces)
        if ["N.C.", "NC", "N.C", "n.c."].contains(trimmed) { self = .noChord; return }
        var rest = Substring(trimmed)
        var bass: SpelledPitchClass?
        if let slash = rest.lastIndex(of: "/") {
            var bassText = rest[rest.index(after: slash)...]
            guard let parsed = SpelledPitchClass.parsePrefix(&bassText), bassText.isEmpty else {
                throw .invalidChordSymbol(figure, "the bass after '/' is not a note name")
            }
            bass = parsed
            rest = rest[..<slash]
        }
        guard let root = SpelledPitchClass.parsePrefix(&rest) else {
            throw .invalidChordSymbol(figure, "it does not start with a root A–G")
        }
        var kind = Kind.major
        var degrees: [Degree] = []
        // The longest abbreviation that starts the rest.
        let startsWithDegree = ["add", "omit", "no"].contains { rest.hasPrefix($0) }
        if !startsWithDegree, let match = ChordSymbol.abbreviations.first(where: { rest.hasPrefix($0.text) }) {
            kind = match.kind
            degrees += match.degrees
            rest = rest.dropFirst(match.text.count)
        }
        while !rest.isEmpty {
            rest = rest.drop { $0 == "(" || $0 == ")" || $0 == "," || $0 == " " }
            if rest.isEmpty { break }
            var operation: Degree.Operation?
            for (word, op) in [("add", Degree.Operation.add), ("omit", .subtract), ("no", .subtract)] where rest.hasPrefix(word) {
                operation = op
                rest = rest.dropFirst(word.count)
                break
            }
            var alter = 0
            while let c = rest.first, c == "#" || c == "b" || c == "♯" || c == "♭" || c == "+" || c == "-" {
                alter += (c == "#" || c == "♯" || c == "+") ? 1 : -1
                rest = rest.dropFirst()
            }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let value = Int(digits), (1...13).contains(value) else {
                throw .invalidChordSymbol(figure, "'\(rest)' is not a degree such as b9, #11, add9 or omit3")
            }
            rest = rest.dropFirst(digits.count)
            let inKind = kind.degrees.contains { $0.degree == value }
            let op = operation ?? (inKind ? .alter : .add)
            guard op != .add || operation != nil || alter != 0 else {
                throw .invalidChordSymbol(figure, "a bare \(value) after the kind: write add\(value)")
            }
            degrees.append(Degree(value, alter: alter, op))
        }
        self.init(root: root, kind: kind, bass: bass, degrees: degrees)
    }

    /// Figure suffixes, longest first so `"m7b5"` wins over `"m7"` and `"maj7"` over `"m"`.
    private static let abbreviations: [(text: String, kind: Kind, degrees: [Degree])] = {
        var list: [(String, Kind, [Degree])] = [
            ("min", .minor, []), ("m", .minor, []), ("aug", .augmented, []), ("+", .augmented, []),
            ("dim", .diminished, []), ("o", .diminished, []), ("°", .diminished, []),
            ("7", .dominant, []), ("dom7", .dominant, []),
            ("maj7", .majorSeventh, []), ("M7", .majorSeventh, []), ("Δ7", .majorSeventh, []), ("Δ", .majorSeventh, []),
            ("Maj7", .majorSeventh, []), ("ma7", .majorSeventh, []),
            ("m7", .minorSeventh, []), ("min7", .minorSeventh, []), ("-7", .minorSeventh, []),
            ("dim7", .diminishedSeventh, []), ("o7", .diminishedSeventh, []), ("°7", .diminishedSeventh, []),
            ("+7", .augmentedSeventh, []), ("aug7", .augmentedSeventh, []), ("7+", .augmentedSeventh, []),
            ("7#5", .augmentedSeventh, []),
            ("m7b5", .halfDiminished, []), ("ø7", .halfDiminished, []), ("ø", .halfDiminished, []),
            ("min7b5", .halfDiminished, []),
            ("mM7", .majorMinor, []), ("mmaj7", .majorMinor, []), ("minmaj7", .majorMinor, []), ("m(maj7)", .majorMinor, []),
            ("6", .majorSixth, []), ("m6", .minorSixth, []), ("min6", .minorSixth, []),
            ("9", .dominantNinth, []), ("maj9", .majorNinth, []), ("M9", .majorNinth, []), ("Maj9", .majorNinth, []),
            ("m9", .minorNinth, []), ("min9", .minorNinth, []),
            ("11", .dominant11th, []), ("maj11", .major11th, []), ("M11", .major11th, []), ("Maj11", .major11th, []),
            ("m11", .minor11th, []), ("min11", .minor11th, []),
            ("13", .dominant13th, []), ("maj13", .major13th, []), ("M13", .major13th, []), ("Maj13", .major13th, []),
            ("m13", .minor13th, []), ("min13", .minor13th, []),
            ("sus2", .suspendedSecond, []), ("sus4", .suspendedFourth, []), ("sus", .suspendedFourth, []),
            ("7sus4", .suspendedFourth, [Degree(7, .add)]), ("7sus", .suspendedFourth, [Degree(7, .add)]),
            ("7sus2", .suspendedSecond, [Degree(7, .add)]),
            ("5", .power, []), ("power", .power, []), ("pedal", .pedal, []),
            ("N6", .neapolitan, []), ("It+6", .italian, []), ("It", .italian, []), ("Fr+6", .french, []),
            ("Fr", .french, []), ("Gr+6", .german, []), ("Ger", .german, []), ("tristan", .tristan, []),
        ]
        list.sort { $0.0.count > $1.0.count }
        return list.map { (text: $0.0, kind: $0.1, degrees: $0.2) }
    }()
}
