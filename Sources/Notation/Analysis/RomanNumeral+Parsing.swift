// Reading a figure in a key: RomanNumeral("V7/V", in: .cMajor).

extension RomanNumeral {
    /// Reads a figure in a key; ``pitches`` are the chord it stands for, spelled and voiced as
    /// music21 does (see the conventions on ``RomanNumeral``).
    ///
    /// ```swift
    /// try RomanNumeral("viio7/ii", in: .cMajor).pitches.map(\.name)  // ["C#5", "E5", "G5", "Bb5"]
    /// try RomanNumeral("It+6", in: .cMajor).pitches.map(\.name)      // ["Ab4", "C5", "F#5"]
    /// ```
    ///
    /// - Throws: ``NotationError`` (`invalidRomanNumeral`) naming the figure when it is empty, has no numeral, an
    ///   inversion this reader does not know (`"V99"`), more than two alterations (`"bbbII"`),
    ///   or would need more than a triple sharp or flat in this key.
    public init(_ figure: String, in key: Key) throws(NotationError) {
        let normalized = RomanNumeral.normalize(figure)
        guard !normalized.isEmpty else { throw .invalidRomanNumeral(figure, "empty figure") }
        let reading = try RomanNumeral.read(Substring(normalized), in: key, whole: figure)
        self.init(figure: normalized, key: key, pitches: reading.pitches, root: reading.root,
                  scaleDegree: reading.scaleDegree, alteration: reading.alteration,
                  inversion: reading.inversion, appliedKey: reading.appliedKey)
    }

    /// music21's spelling fixes: `0` (not after a digit), `°` and `º` are `o`; `/o` is `ø`.
    static func normalize(_ figure: String) -> String {
        var out = ""
        var previous: Character?
        for c in figure {
            if c == "0", !(previous?.isNumber ?? false) { out.append("o") } else if c == "°" || c == "º" {
                out.append("o")
            } else { out.append(c) }
            previous = c
        }
        return out.replacingOccurrences(of: "/o", with: "ø")
    }

    /// The quality a figure asks for.
    enum ImpliedQuality {
        case major, minor, diminished, halfDiminished, augmented, dominantSeventh, none

        /// Semitones above the root of the third, fifth and (where fixed) seventh.
        var semitones: [Int] {
            switch self {
            case .major: return [4, 7]
            case .minor: return [3, 7]
            case .diminished: return [3, 6, 9]
            case .halfDiminished: return [3, 6, 10]
            case .augmented: return [4, 8]
            case .dominantSeventh: return [4, 7, 10]
            case .none: return []
            }
        }
    }

    /// The augmented sixths: scale degree of the root (in the minor key) and the chord steps
    /// raised a semitone.
    enum AugmentedSixth: String, CaseIterable {
        case It, Ger, Fr, Sw

        var scaleDegree: Int { self == .It || self == .Ger ? 4 : 2 }
        var defaultInversion: String { [.It: "6", .Ger: "65", .Fr: "43", .Sw: "43"][self]! }
        var raisedChordSteps: [Int] { [.It: [1], .Ger: [1], .Fr: [3], .Sw: [1, 3]][self]! }
    }

    /// A figure read so far.
    struct Reading {
        var pitches: [Pitch]
        var root: Pitch
        var scaleDegree: Int
        var alteration: Int
        var inversion: Int
        var appliedKey: Key?
    }

    static func read(_ figure: Substring, in key: Key, whole: String) throws(NotationError) -> Reading {
        var working = figure
        var workKey = key
        var appliedKey: Key?
        // An applied chord: the first slash followed by something that can start a numeral.
        if let slash = figure.indices.first(where: { i in
            guard figure[i] == "/", let next = figure[figure.index(after: i)...].first else { return false }
            return next == "#" || (next.isLetter && next.isASCII && next != "o" && next != "O")
        }) {
            let secondary = try read(figure[figure.index(after: slash)...], in: key, whole: whole)
            let mode: Mode
            switch chordQuality(secondary.pitches, root: secondary.root) {
            case .minor: mode = .minor
            case .major: mode = .major
            default: mode = thirdSemitones(secondary.pitches, root: secondary.root) == 3 ? .minor : .major
            }
            workKey = Key(tonic: secondary.root, mode)
            appliedKey = workKey
            working = figure[..<slash]
        }
        if working == "Cad64" { working = workKey.mode == .minor ? "i64" : "I64" }
        let brackets = try brackets(&working, whole: whole)
        // The Neapolitan.
        if working.hasPrefix("N6") {
            working = "bII6" + working.dropFirst(2)
        } else if working.hasPrefix("N53") {
            working = "bII" + working.dropFirst(3)
        } else if working.hasPrefix("N") {
            working = "bII6" + working.dropFirst(1)
        }
        // The alteration of the degree.
        var alteration = 0
        if let sign = working.first, sign == "b" || sign == "-" || sign == "#" {
            let run = working.prefix { $0 == sign }
            guard run.count <= 2 else { throw .invalidRomanNumeral(whole, "at most two sharps or flats before the numeral") }
            alteration = sign == "#" ? run.count : -run.count
            working = working.dropFirst(run.count)
        }
        // The numeral, or an augmented sixth.
        var scaleDegree: Int
        var quality: ImpliedQuality
        var sixth: AugmentedSixth?
        if let aug = AugmentedSixth.allCases.first(where: { working.hasPrefix($0.rawValue) }) {
            sixth = aug
            working = working.dropFirst(aug.rawValue.count)
            if working.first == "+" { working = working.dropFirst() }
            if workKey.mode == .major { workKey = Key(workKey.tonicStep, alter: workKey.tonicAlter, .minor) }
            appliedKey = appliedKey.map { _ in workKey }
            scaleDegree = aug.scaleDegree
            quality = .none
        } else {
            guard let (degree, length, upper) = numeral(at: working) else {
                throw .invalidRomanNumeral(whole, "no numeral I…VII")
            }
            scaleDegree = degree
            working = working.dropFirst(length)
            quality = upper ? .major : .minor
            switch working.first {
            case "o": quality = .diminished; working = working.dropFirst()
            case "ø": quality = .halfDiminished; working = working.dropFirst()
            case "+": quality = .augmented; working = working.dropFirst()
            default: break
            }
        }
        // The figures after the numeral.
        var digits = String(working)
        if quality != .none, digits.contains("d") {
            // The dominant-seventh mark: V d7, d65, d43, d42, d2.
            guard let d = digits.lastIndex(of: "d"),
                  ["7", "65", "6/5", "43", "4/3", "42", "4/2", "2"].contains(String(digits[digits.index(after: d)...]))
            else { throw .invalidRomanNumeral(whole, "'d' must be followed by 7, 65, 43, 42 or 2") }
            digits.remove(at: d)
            quality = .dominantSeventh
        }
        if let aug = sixth {
            digits = digits.replacingOccurrences(of: #"(\d)/(\d)"#, with: "$1$2", options: .regularExpression)
            if digits.isEmpty || !(digits.first?.isNumber ?? false) {
                digits = aug.defaultInversion + digits
            } else if aug != .It, digits.first == "6", !(digits.dropFirst().first?.isNumber ?? false) {
                digits = aug.defaultInversion + digits.dropFirst()
            }
        }
        // Sixth and seventh degrees of minor: minor and diminished chords on the raised degree
        // (an explicit sharp in the figures then stands for the raise, as music21 reads it).
        var effectiveAlteration = alteration
        if sixth == nil, workKey.mode == .minor, scaleDegree == 6 || scaleDegree == 7,
           [.minor, .diminished, .halfDiminished].contains(quality) {
            effectiveAlteration += 1
            if digits.contains("##") {
                digits = digits.replacingOccurrences(of: "##8", with: "#8")
            } else if let raised = ["#2", "#4", "#6"].first(where: { digits.contains($0) }) {
                digits = digits.replacingOccurrences(of: raised, with: String(raised.dropFirst()))
            } else {
                digits = digits.replacingOccurrences(of: "#8", with: "")
            }
        }
        let figures = try figuredBass(digits, whole: whole)
        let numbers = figures.map(\.number)

        // Stack the scale tones above the bass, each above the previous. A degree names its
        // tone in the octave above the tonic (music21's pitchFromDegree); a tone below the one
        // before it goes up an octave, once.
        let scale = workKey.pitches
        func scalePitch(_ degree: Int) -> Pitch { scale[(degree - 1) % 7] }
        let impliesRoot = figuresImplyingRoot.contains(numbers)
        var bassDegree = scaleDegree
        if impliesRoot {
            // The root of the figures stacked on C: how far the bass lies below the root.
            let stack = [Pitch(.C, octave: 3)] + numbers.map { n in
                Pitch(Step(rawValue: (n - 1) % 7)!, octave: 3 + (n - 1) / 7)
            }
            let rootOfStack = Chord.spelledRoot(of: stack, writtenBass: stack[0]) ?? stack[0]
            let distance = rootOfStack.diatonicNumber - stack[0].diatonicNumber
            bassDegree = ((scaleDegree - distance) % 7 + 7) % 7
            if bassDegree == 0 { bassDegree = 7 }
        }
        var pitches = [scalePitch(bassDegree)]
        for figure in figures.reversed() {
            var p = scalePitch(bassDegree + figure.number - 1)
            if let alter = figure.alter { p.alter = alter == 0 || p.alter == 0 ? alter : p.alter + alter }
            if p.midi < pitches[pitches.count - 1].midi { p.octave += 1 }
            pitches.append(p)
        }
        // The alteration moves all tones but the seventh (and ninth, eleventh, thirteenth).
        func step(_ p: Pitch, above root: Pitch) -> Int { ((p.step.rawValue - root.step.rawValue) % 7 + 7) % 7 + 1 }
        if effectiveAlteration != 0 {
            let stackRoot = Chord.spelledRoot(of: pitches, writtenBass: writtenBass(pitches)) ?? pitches[0]
            var firstOfStep: [Int: Pitch] = [:]
            for p in pitches where firstOfStep[step(p, above: stackRoot)] == nil { firstOfStep[step(p, above: stackRoot)] = p }
            let kept = [7, 2, 4, 6].compactMap { firstOfStep[$0] }
            for i in pitches.indices where !kept.contains(pitches[i]) { pitches[i].alter += effectiveAlteration }
        }
        let root = impliesRoot ? (Chord.spelledRoot(of: pitches, writtenBass: writtenBass(pitches)) ?? pitches[0]) : pitches[0]
        func index(ofChordStep chordStep: Int) -> Int? {
            let wanted = chordStep >= 8 ? chordStep - 7 : chordStep
            return pitches.firstIndex { step($0, above: root) == wanted }
        }
        func semitones(_ i: Int) -> Int { ((pitches[i].pitchClass - root.pitchClass) % 12 + 12) % 12 }
        // Respell the third, fifth and seventh to the quality's intervals, except where a figure
        // with that number carries its own accidental (V7b5).
        func written(_ number: Int) -> Bool { figures.contains { $0.number == number && ($0.alter ?? 0) != 0 } }
        func respell(_ i: Int, by amount: Int) { pitches[i].alter = wrapped(pitches[i].alter + wrapped(amount)) }
        for (chordStep, wanted) in zip([3, 5, 7], quality.semitones) where !written(chordStep) {
            guard let i = index(ofChordStep: chordStep) else { continue }
            if semitones(i) != wanted { respell(i, by: wanted - semitones(i)) }
        }
        if quality == .minor, figures.count >= 3, !written(7), let i = index(ofChordStep: 7), semitones(i) == 11 {
            respell(i, by: -1)
        }
        // Bracketed alterations ([#7]) and the raised tones of augmented sixths.
        for (amount, chordStep) in brackets.alterations + (sixth?.raisedChordSteps.map { (1, $0) } ?? []) {
            if let i = index(ofChordStep: chordStep) { pitches[i].alter += amount }
        }
        // Omitted tones ([no5]) go by name; added tones ([add6]) count from the scale degree.
        if !brackets.omitted.isEmpty {
            let names = Set(brackets.omitted.compactMap { index(ofChordStep: $0).map { pitches[$0].nameWithoutOctave } })
            pitches.removeAll { names.contains($0.nameWithoutOctave) }
        }
        if !brackets.added.isEmpty, let bass = pitches.first {
            for (amount, number) in brackets.added {
                var p = scalePitch(scaleDegree + number - 1)
                p.alter += amount
                while p.midi < bass.midi { p.octave += 1 }
                if p.midi == bass.midi, p.diatonicNumber < bass.diatonicNumber { p.octave += 1 }
                if !pitches.contains(p) { pitches.append(p) }
            }
            pitches.sort { ($0.diatonicNumber, $0.midi) < ($1.diatonicNumber, $1.midi) }
        }
        guard !pitches.isEmpty else { throw .invalidRomanNumeral(whole, "every tone is omitted") }
        guard pitches.allSatisfy({ Pitch.alterRange.contains($0.alter) }) else {
            throw .invalidRomanNumeral(whole, "in \(key) it needs more than a triple sharp or flat")
        }
        let bassStep = step(pitches[0], above: root)
        return Reading(pitches: pitches, root: root, scaleDegree: scaleDegree, alteration: alteration,
                       inversion: [1: 0, 3: 1, 5: 2, 7: 3][bassStep] ?? 0, appliedKey: appliedKey)
    }

    /// The lowest pitch by letter and octave, then by sound (music21's `bass()`).
    private static func writtenBass(_ pitches: [Pitch]) -> Pitch? {
        pitches.min { ($0.diatonicNumber, $0.midi) < ($1.diatonicNumber, $1.midi) }
    }

    /// Figured-bass numbers whose lowest tone is not the root (music21's FIGURES_IMPLYING_ROOT).
    static let figuresImplyingRoot: Set<[Int]> = [
        [6], [6, 3], [6, 4], [6, 5, 3], [6, 5], [6, 4, 3], [4, 3], [6, 4, 2], [4, 2], [2],
        [7, 6, 5, 3], [6, 5, 4, 3], [6, 4, 3, 2], [7, 5, 3, 2],
    ]

    /// One figure above the bass: its number (2…8) and the accidental written before it.
    struct Figure {
        var number: Int
        var alter: Int?
    }

    /// The figures after the numeral, as music21 expands them: `""` is 5 3, `6` is 6 3, `7` is
    /// 7 5 3, `65` is 6 5 3, `43` is 6 4 3, `42` and `2` are 6 4 2; other figures stand as
    /// written (`7b5` is 7 ♭5: no third). Each figure is accidentals (`#`, `b`, `-`) then a digit;
    /// a lone `b3` figure implies a 5 above it.
    static func figuredBass(_ text: String, whole: String) throws(NotationError) -> [Figure] {
        var groups: [(prefix: String, number: Int)] = []
        var prefix = ""
        for c in text where c != "/" {
            if c == "#" || c == "b" || c == "-" {
                prefix.append(c)
            } else if let n = c.wholeNumberValue, n >= 1 {
                guard n <= 8 else { throw .invalidRomanNumeral(whole, "ninths and beyond are not read") }
                groups.append((prefix, n))
                prefix = ""
            } else {
                throw .invalidRomanNumeral(whole, "unexpected '\(c)' in the figures")
            }
        }
        guard prefix.isEmpty else { throw .invalidRomanNumeral(whole, "an accidental with no figure after it") }
        if groups.count == 1, groups[0].number == 3 { groups.insert(("", 5), at: 0) }
        var figures: [Figure] = []
        for (prefix, number) in groups {
            var alter: Int?
            if !prefix.isEmpty {
                if prefix.allSatisfy({ $0 == "#" }) {
                    alter = prefix.count
                } else if prefix.allSatisfy({ $0 == "b" }) || prefix.allSatisfy({ $0 == "-" }) {
                    alter = -prefix.count
                } else {
                    throw .invalidRomanNumeral(whole, "mixed accidentals '\(prefix)'")
                }
                guard abs(alter!) <= 3 else { throw .invalidRomanNumeral(whole, "more than a triple accidental") }
            }
            figures.append(Figure(number: number, alter: alter))
        }
        let longhand: [[Int]: [Int]] = [
            []: [5, 3], [5]: [5, 3], [6]: [6, 3], [7]: [7, 5, 3], [6, 5]: [6, 5, 3], [4, 3]: [6, 4, 3],
            [4, 2]: [6, 4, 2], [2]: [6, 4, 2],
        ]
        guard let full = longhand[figures.map(\.number)] else { return figures }
        return full.map { n in Figure(number: n, alter: figures.first { $0.number == n }?.alter) }
    }

    /// Bracketed parts of a figure: `[no5]`, `[add6]`, `[#7]`.
    struct Brackets {
        var omitted: [Int] = []
        var added: [(alter: Int, number: Int)] = []
        var alterations: [(alter: Int, chordStep: Int)] = []
    }

    /// Takes the bracketed parts out of a figure.
    static func brackets(_ figure: inout Substring, whole: String) throws(NotationError) -> Brackets {
        var result = Brackets()
        while let open = figure.firstIndex(of: "[") {
            guard let close = figure[open...].firstIndex(of: "]") else { throw .invalidRomanNumeral(whole, "unclosed '['") }
            let inside = String(figure[figure.index(after: open)..<close])
            func accidental(_ text: Substring) -> Int? {
                if text.isEmpty { return 0 }
                if text.allSatisfy({ $0 == "#" }) { return text.count }
                if text.allSatisfy({ $0 == "b" }) || text.allSatisfy({ $0 == "-" }) { return -text.count }
                return nil
            }
            if inside.hasPrefix("no") {
                let parts = inside.split(separator: "no", omittingEmptySubsequences: true)
                guard !parts.isEmpty else { throw .invalidRomanNumeral(whole, "[no…] needs a number") }
                for part in parts {
                    guard let n = Int(part), n >= 1 else { throw .invalidRomanNumeral(whole, "[no…] needs a number") }
                    result.omitted.append(n % 7 == 0 ? 7 : n % 7)
                }
            } else if inside.hasPrefix("add") {
                let rest = inside.dropFirst(3)
                let signs = rest.prefix { !$0.isNumber }
                guard let n = Int(rest.dropFirst(signs.count)), n >= 1, let a = accidental(signs) else {
                    throw .invalidRomanNumeral(whole, "[add…] needs an accidental and a number")
                }
                result.added.append((a, n))
            } else {
                let signs = inside.prefix { !$0.isNumber }
                guard !signs.isEmpty, let n = Int(inside.dropFirst(signs.count)), n >= 1, let a = accidental(signs[...]) else {
                    throw .invalidRomanNumeral(whole, "bracket '[\(inside)]' is not [noN], [addN] or [#N]")
                }
                result.alterations.append((a, n))
            }
            figure.removeSubrange(open...close)
        }
        return result
    }

    /// music21's correction of a semitone count into −5…5.
    private static func wrapped(_ semitones: Int) -> Int {
        if semitones >= 6 { return semitones - 12 }
        if semitones <= -6 { return semitones + 12 }
        return semitones
    }

    /// The numeral at the start: (degree, characters, upper case). music21's order: `IV`, then
    /// `I`…`III`, then `V`…`VII` (and the same in lower case).
    private static func numeral(at text: Substring) -> (Int, Int, Bool)? {
        for (upper, one, five) in [(true, Character("I"), Character("V")), (false, "i", "v")] {
            let chars = Array(text.prefix(3))
            if chars.count >= 2, chars[0] == one, chars[1] == five { return (4, 2, upper) }
            let ones = text.prefix { $0 == one }.count
            if ones > 0 { return (min(ones, 3), min(ones, 3), upper) }
            if chars.first == five {
                let more = min(text.dropFirst().prefix { $0 == one }.count, 2)
                return (5 + more, 1 + more, upper)
            }
        }
        return nil
    }

    /// Semitones from the root up to the chord's first third (by letter), `nil` without one.
    static func thirdSemitones(_ pitches: [Pitch], root: Pitch) -> Int? {
        semitones(pitches, root: root, chordStep: 3)
    }

    /// Semitones from `root` up to the first pitch `chordStep - 1` letters above it.
    static func semitones(_ pitches: [Pitch], root: Pitch, chordStep: Int) -> Int? {
        guard let p = pitches.first(where: {
            (($0.step.rawValue - root.step.rawValue) % 7 + 7) % 7 + 1 == chordStep
        }) else { return nil }
        return ((p.pitchClass - root.pitchClass) % 12 + 12) % 12
    }

    /// music21's `Chord.quality`: major or minor from the third and fifth (a lone third counts),
    /// diminished, augmented, or `.none` for anything else.
    static func chordQuality(_ pitches: [Pitch], root: Pitch) -> ImpliedQuality {
        guard let third = thirdSemitones(pitches, root: root) else { return .none }
        guard let fifth = semitones(pitches, root: root, chordStep: 5) else {
            return third == 4 ? .major : third == 3 ? .minor : .none
        }
        switch (third, fifth) {
        case (4, 7): return .major
        case (3, 7): return .minor
        case (3, 6): return .diminished
        case (4, 8): return .augmented
        default: return .none
        }
    }
}
