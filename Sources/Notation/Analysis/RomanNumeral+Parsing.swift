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
    /// - Throws: ``RomanNumeralError`` naming the figure when it is empty, has no numeral, an
    ///   inversion this reader does not know (`"V99"`), more than two alterations (`"bbbII"`),
    ///   or would need more than a triple sharp or flat in this key.
    public init(_ figure: String, in key: Key) throws(RomanNumeralError) {
        let normalized = RomanNumeral.normalize(figure)
        guard !normalized.isEmpty else { throw .invalid(figure, "empty figure") }
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
        case major, minor, diminished, halfDiminished, augmented, none

        /// Semitones above the root of the third, fifth and (where fixed) seventh.
        var semitones: [Int] {
            switch self {
            case .major: return [4, 7]
            case .minor: return [3, 7]
            case .diminished: return [3, 6, 9]
            case .halfDiminished: return [3, 6, 10]
            case .augmented: return [4, 8]
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

    /// The inversions read: (inversion, figured-bass numbers above the bass, ascending).
    static let inversions: [String: (inversion: Int, numbers: [Int])] = [
        "": (0, [3, 5]), "53": (0, [3, 5]), "6": (1, [3, 6]), "63": (1, [3, 6]), "64": (2, [4, 6]),
        "7": (0, [3, 5, 7]), "753": (0, [3, 5, 7]), "65": (1, [3, 5, 6]), "653": (1, [3, 5, 6]),
        "43": (2, [3, 4, 6]), "643": (2, [3, 4, 6]), "42": (3, [2, 4, 6]), "642": (3, [2, 4, 6]),
        "2": (3, [2, 4, 6]),
    ]

    static func read(_ figure: Substring, in key: Key, whole: String) throws(RomanNumeralError) -> Reading {
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
            guard run.count <= 2 else { throw .invalid(whole, "at most two sharps or flats before the numeral") }
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
            if workKey.mode != .minor { workKey = Key(workKey.tonicStep, alter: workKey.tonicAlter, .minor) }
            appliedKey = appliedKey.map { _ in workKey }
            scaleDegree = aug.scaleDegree
            quality = .none
        } else {
            guard let (degree, length, upper) = numeral(at: working) else {
                throw .invalid(whole, "no numeral I…VII")
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
        // The inversion.
        var digits = String(working)
        if digits.contains("/") {
            // 6/4 is 64; a slash anywhere else is not understood.
            guard digits.allSatisfy({ $0.isNumber || $0 == "/" }) else {
                throw .invalid(whole, "unexpected '/'")
            }
            digits.removeAll { $0 == "/" }
        }
        if let aug = sixth {
            if digits.isEmpty || !(digits.first?.isNumber ?? false) {
                digits = aug.defaultInversion + digits
            } else if aug != .It, digits == "6" {
                digits = aug.defaultInversion
            }
        }
        guard let (inversion, numbers) = inversions[digits] else {
            throw .invalid(whole, "unknown inversion '\(digits)' (expected 6, 64, 7, 65, 43, 42 or 2)")
        }
        // Sixth and seventh degrees of minor: minor and diminished chords on the raised degree.
        var effectiveAlteration = alteration
        if sixth == nil, workKey.mode == .minor, scaleDegree == 6 || scaleDegree == 7,
           [.minor, .diminished, .halfDiminished].contains(quality) {
            effectiveAlteration += 1
        }

        // Stack the scale tones above the bass, each above the previous.
        let scale = workKey.pitches
        func scalePitch(_ degree: Int) -> Pitch {
            let base = scale[(degree - 1) % 7]
            return Pitch(unchecked: base.step, alter: base.alter, octave: base.octave + (degree - 1) / 7)
        }
        let bassDegree = (scaleDegree + [0, 2, 4, 6][inversion] - 1) % 7 + 1  // within the octave above the tonic
        var pitches = [scalePitch(bassDegree)]
        for number in numbers {
            var p = scalePitch(bassDegree + number - 1)
            if p.midi < pitches[pitches.count - 1].midi { p.octave += 1 }
            pitches.append(p)
        }
        let rootStep = scalePitch(scaleDegree).step
        func chordStep(_ p: Pitch) -> Int { ((p.step.rawValue - rootStep.rawValue) % 7 + 7) % 7 + 1 }
        // The alteration moves all tones but the seventh.
        if effectiveAlteration != 0 {
            for i in pitches.indices where chordStep(pitches[i]) != 7 { pitches[i].alter += effectiveAlteration }
        }
        guard let rootIndex = pitches.firstIndex(where: { chordStep($0) == 1 }) else {
            throw .invalid(whole, "no root")
        }
        // Respell the third, fifth and seventh to the quality's intervals.
        func respell(_ index: Int, by semitones: Int) {
            pitches[index].alter = wrapped(pitches[index].alter + wrapped(semitones))
        }
        let rootClass = pitches[rootIndex].pitchClass
        for (step, wanted) in zip([3, 5, 7], quality.semitones) {
            guard let i = pitches.firstIndex(where: { chordStep($0) == step }) else { continue }
            let actual = ((pitches[i].pitchClass - rootClass) % 12 + 12) % 12
            if actual != wanted { respell(i, by: wanted - actual) }
        }
        if quality == .minor, numbers.count >= 3, let i = pitches.firstIndex(where: { chordStep($0) == 7 }),
           ((pitches[i].pitchClass - rootClass) % 12 + 12) % 12 == 11 {
            respell(i, by: -1)
        }
        if let aug = sixth {
            for step in aug.raisedChordSteps {
                if let i = pitches.firstIndex(where: { chordStep($0) == step }) { pitches[i].alter += 1 }
            }
        }
        guard pitches.allSatisfy({ Pitch.alterRange.contains($0.alter) }) else {
            throw .invalid(whole, "in \(key) it needs more than a triple sharp or flat")
        }
        return Reading(pitches: pitches, root: pitches[rootIndex], scaleDegree: scaleDegree,
                       alteration: alteration, inversion: inversion, appliedKey: appliedKey)
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
