extension ChordSymbol {
    /// The chord the symbol stands for, as music21's `harmony.ChordSymbol(figure).pitches`
    /// realises it: the kind's degrees stacked on the root in octave 3, with added, altered and
    /// removed degrees applied; a bass goes lowest (in octave 3) and chord tones spelled like it
    /// are not repeated above. Empty for no chord or a symbol without a root.
    ///
    /// An added degree is measured from a dominant chord (an added 7 is a minor seventh), an
    /// altered one from the kind's own note — MusicXML's `<degree-alter>` rules.
    public var pitches: [Pitch] {
        guard let root, kind != .none else { return [] }
        var tones: [(degree: Int, alter: Int)] = kind.degrees
        for degree in degrees {
            switch degree.operation {
            case .subtract:
                tones.removeAll { $0.degree == degree.value }
            case .alter:
                if let i = tones.firstIndex(where: { $0.degree == degree.value }) {
                    tones[i].alter += degree.alter
                } else {
                    tones.append((degree.value, degree.alter))
                }
            case .add:
                let dominant = degree.value % 7 == 0 ? -1 : 0
                tones.append((degree.value, dominant + degree.alter))
            }
        }
        let bottom = root.pitch(octave: 3)
        var result: [Pitch] = []
        for tone in tones.sorted(by: { $0.degree < $1.degree }) {
            let steps = tone.degree - 1
            let semitones = ChordSymbol.majorScale[steps % 7] + 12 * (steps / 7) + tone.alter
            guard let pitch = try? bottom.transposed(by: Interval(diatonicSteps: steps, semitones: semitones)) else { continue }
            result.append(pitch)
        }
        guard let bass else { return result }
        let low = bass.pitch(octave: 3)
        result.removeAll { SpelledPitchClass($0) == bass }
        result = result.map { pitch in
            var pitch = pitch
            while pitch.midi <= low.midi { pitch.octave += 1 }
            return pitch
        }
        return [low] + result.sorted { $0.midi < $1.midi }
    }

    private static let majorScale = [0, 2, 4, 5, 7, 9, 11]
}
