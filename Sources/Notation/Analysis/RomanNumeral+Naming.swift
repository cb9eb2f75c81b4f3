// Naming a chord in a key: RomanNumeral(chord: …, in: key).figure, as music21's
// roman.romanNumeralFromChord(chord, key).figure.

extension RomanNumeral {
    /// Names a chord in a key, as music21's `romanNumeralFromChord(chord, key)` does; `nil` for
    /// a chord without pitches.
    ///
    /// The numeral is the degree of the chord's root (music21's root by letter names,
    /// ``Chord/spelledRoot``), upper case when the chord has a major third, lower case
    /// otherwise; then the figured bass of the chord above its bass, reduced to the usual
    /// shorthand (`6`, `64`, `7`, `65`, `43`, `42`), with `o`, `ø` or `+` for diminished,
    /// half-diminished and augmented fifths. Accidentals in the figures are counted against
    /// the key on the (possibly altered) degree. In minor, ^6 and ^7 count from the *raised*
    /// degree (music21's convention when naming): G♯ B D in A minor is `viio`, G B D `bVII`,
    /// F♯ A C `vio`, F A C `bVI`. Augmented sixths get their national names (`It6`, `Fr43`,
    /// `Ger65`); minor sevenths and minor-major sevenths get music21's `7` and `7[#7]` forms.
    /// The names are music21's even where they do not read back to the same chord: B♭ D F A in
    /// C is `bVII#7#5#3`, although `bVII7` reads as B♭ D F A.
    ///
    /// ```swift
    /// let chord = Chord([try Pitch("F3"), try Pitch("G3"), try Pitch("B3"), try Pitch("D4")])
    /// RomanNumeral(chord: chord, in: .cMajor)?.figure   // "V42"
    /// ```
    ///
    /// ``pitches`` are the chord's pitches, low to high.
    public init?(chord: Chord, in key: Key) {
        self.init(pitches: chord.pitches, in: key)
    }

    /// Names the chord of `pitches` (in the order given; the bass is the lowest by letter and
    /// octave) in a key. See ``init(chord:in:)``.
    public init?(pitches: [Pitch], in key: Key) {
        guard let named = RomanNumeral.name(pitches, in: key) else { return nil }
        self.init(figure: named.figure, key: key, pitches: pitches, root: named.root,
                  scaleDegree: named.scaleDegree, alteration: named.alteration,
                  inversion: named.inversion, appliedKey: nil)
    }

    private struct Named {
        var figure: String
        var root: Pitch
        var scaleDegree: Int
        var alteration: Int
        var inversion: Int
    }

    /// A tone's place in a figure: letter distance above the bass (1…7), alteration from the
    /// key's scale, and that alteration written as `b`s or `#`s.
    private struct FigureTuple {
        var aboveBass: Int
        var alter: Int
        var prefix: String
    }

    private static func prefix(_ alter: Int) -> String {
        alter < 0 ? String(repeating: "b", count: -alter) : String(repeating: "#", count: alter)
    }

    private static func figureTuple(_ pitch: Pitch, key: Key, scale: [Pitch], bass: Pitch) -> FigureTuple {
        let aboveBass = ((pitch.step.rawValue - bass.step.rawValue) % 7 + 7) % 7 + 1
        let degree = ((pitch.step.rawValue - key.tonicStep.rawValue) % 7 + 7) % 7
        let alter = pitch.alter - scale[degree].alter
        return FigureTuple(aboveBass: aboveBass, alter: alter, prefix: prefix(alter))
    }

    private static let romanDigits = ["I", "II", "III", "IV", "V", "VI", "VII"]

    private static let shorthands: [String: String] = [
        "53": "", "3": "", "63": "6", "753": "7", "75": "7", "73": "7", "9753": "9", "975": "9",
        "953": "9", "97": "9", "95": "9", "93": "9", "653": "65", "6b53": "6b5", "643": "43",
        "642": "42", "bb7b5b3": "o7", "b7b5b3": "ø7", "bb7b53": "o7", "b7b53": "ø7",
    ]

    private static let augmentedSixthNames: [String: String] = [
        "#ivo6b3": "It6", "#ivob64": "It64", "#ivobb64": "It64", "#ivob5b3": "It53", "#ivob5bb3": "It53",
        "IIø#643": "Fr43", "IIø75#3": "Fr7", "IIø7b5#3": "Fr7", "IIø6#42": "Fr42", "IIøb6#42": "Fr42",
        "IIø65": "Fr65", "IIø65b3": "Fr65",
        "#ii64b3": "Sw43", "#iiø7": "Sw7", "#iib7bb53": "Sw7", "#iib642": "Sw42", "#iibb642": "Sw42",
        "#ii6b5b3": "Sw65", "#ii6b5bb3": "Sw65",
        "#ivo6b5b3": "Ger65", "#ivo6bb5b3": "Ger65", "#ivob64b3": "Ger43", "#ivobb64bb3": "Ger43",
        "#ivob6b42": "Ger42", "#ivob6bb42": "Ger42", "#ivø7": "Ger7", "#ivobb7b5bb3": "Ger7",
    ]

    private static let minorSeventhFigures = ["b75b3": "7", "6b5": "65", "b64b3": "43", "6b42": "42"]

    private static let minorMajorSeventhFigures = [
        "75b3": "7[#7]", "65": "65[#7]", "b643": "43[#7]", "6b42": "42[#7]",
        "#753": "#7", "6#53": "65[#7]", "64#3": "43[#7]", "42": "42[#7]",
    ]

    private static func name(_ pitches: [Pitch], in key: Key) -> Named? {
        guard let analysis = ChordSpelling(pitches) else { return nil }
        let root = analysis.root
        let isMajorThird = analysis.semitones(3) == 4

        // The root's degree and alteration; in minor, ^6 and ^7 count from the raised degree.
        let scale = key.pitches
        var ft = figureTuple(root, key: key, scale: scale, bass: key.tonic)
        if key.mode == .minor, ft.aboveBass == 6 || ft.aboveBass == 7 {
            if ft.alter == 1 {
                ft.alter = 0; ft.prefix = ""
            } else if ft.alter == 0 {
                ft.prefix = "b"
            } else if ft.alter > 1 {
                ft.alter -= 1; ft.prefix = String(ft.prefix.dropFirst())
            } else {
                ft.prefix = "b" + ft.prefix
            }
        }
        let alteredKey = Key(key.tonicStep, alter: key.tonicAlter + ft.alter, key.mode == .major ? .major : .minor)
        var stepRoman = romanDigits[ft.aboveBass - 1]
        if !isMajorThird { stepRoman = stepRoman.lowercased() }
        let inversionString = postFigure(analysis, key: alteredKey)

        var figure = ft.prefix + stepRoman + inversionString
        if !isMajorThird, let sub = minorSeventhFigures[inversionString], analysis.isSeventh(ofType: [0, 3, 7, 10]) {
            figure = ft.prefix + stepRoman + sub
        } else if !isMajorThird, let sub = minorMajorSeventhFigures[inversionString],
                  analysis.isSeventh(ofType: [0, 3, 7, 11]) {
            figure = ft.prefix + stepRoman + sub
        } else if let sub = augmentedSixthNames[figure], analysis.isAugmentedSixth {
            figure = sub
        }

        let written = ft.prefix.first == "#" ? ft.prefix.count : -ft.prefix.count
        return Named(figure: figure, root: root, scaleDegree: ft.aboveBass, alteration: written,
                     inversion: Chord.inversion(bassStep: analysis.bass.step, rootStep: root.step))
    }

    /// The figures after the numeral: music21's `_postFigureFromChordAndKey`.
    private static func postFigure(_ chord: ChordSpelling, key: Key) -> String {
        let scale = key.pitches
        let tuples = chord.pitches.map { figureTuple($0, key: key, scale: scale, bass: chord.bass) }
        let bassFigureAlter = tuples[0].alter
        let third = chord.index(ofChordStep: 3), fifth = chord.index(ofChordStep: 5)
        var isMajorTriad = false, isMinorTriad = false, isStandardTriad = false
        if chord.pitchClassCount == 3 {
            isMajorTriad = chord.isTriad(third: 4, fifth: 7)
            isMinorTriad = !isMajorTriad && chord.isTriad(third: 3, fifth: 7)
            isStandardTriad = isMajorTriad || isMinorTriad || chord.isTriad(third: 3, fifth: 6)
                || chord.isTriad(third: 4, fifth: 8)
        }
        let order = tuples.indices.sorted { a, b in
            let (x, y) = (tuples[a], tuples[b])
            if x.aboveBass != y.aboveBass { return x.aboveBass > y.aboveBass }
            if x.alter != y.alter { return x.alter < y.alter }
            if chord.pitches[a].midi != chord.pitches[b].midi { return chord.pitches[a].midi < chord.pitches[b].midi }
            return a < b
        }
        var strings: [String] = []
        for i in order {
            let ft = tuples[i]
            var prefix = ft.prefix
            if ft.aboveBass != 1, i == third {
                if isMajorTriad || isMinorTriad { prefix = "" }
            } else if ft.aboveBass != 1, i == fifth, isStandardTriad {
                prefix = ""
            }
            if ft.aboveBass == 1 {
                if ft.alter != bassFigureAlter, !prefix.isEmpty {
                    let s = prefix + "8"
                    if !strings.contains(s) { strings.insert(s, at: 0) }
                }
            } else {
                let s = prefix + String(ft.aboveBass)
                if !strings.contains(s) { strings.append(s) }
            }
        }
        var all = strings.joined()
        if let short = shorthands[all] { all = short }
        if all == "75" || all == "73" { all = "7" }
        return qualitySuffix(chord, all)
    }

    /// music21's `correctSuffixForChordQuality`: `o`, `ø` or `+` from the fifth and seventh.
    private static func qualitySuffix(_ chord: ChordSpelling, _ inversion: String) -> String {
        let fifth = chord.semitones(5)
        var mark = fifth == 6 ? "o" : fifth == 8 ? "+" : ""
        if inversion.hasPrefix("o") || inversion.hasPrefix("ø") || inversion.hasPrefix("/o"), mark == "o" { mark = "" }
        if let seventh = chord.semitones(7), seventh != 0, fifth == 6, seventh == 10, mark == "o" { mark = "ø" }
        return mark + inversion
    }
}
