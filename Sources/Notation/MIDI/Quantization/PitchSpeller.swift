/// Spells MIDI key numbers as pitches in a key: D♭ in A♭ major, C♯ in A major.
///
/// Scale notes take the key's spelling. Other notes take the spelling that reads best in the
/// key: in minor keys the raised sixth and seventh (F♯ and G♯ in A minor); otherwise sharps in
/// sharp keys, flats in flat keys, and in C major / A minor C♯, E♭, F♯, G♯, B♭.
///
/// The spelling step is its own type so that a better key estimate (a `KeyEstimator`) can feed
/// it without the quantizer changing.
public struct PitchSpeller: Sendable, Hashable {
    /// The key spelled in.
    public var key: Key
    private var table: [Pitch]  // pitch class → spelling in octave 4 (octave fixed later)

    /// Creates a speller for a key.
    public init(key: Key) {
        self.key = key
        var table = [Pitch?](repeating: nil, count: 12)
        for pitch in key.pitches { table[pitch.pitchClass] = pitch }
        if key.mode == .minor || key.mode == .aeolian {
            let tonic = key.tonic
            // Raised sixth and seventh: the letters of degrees 6 and 7, a semitone up.
            for (degree, semis) in [(5, 9), (6, 11)] {
                let letter = key.pitches[degree].step
                let pc = (tonic.pitchClass + semis) % 12
                if table[pc] == nil, let spelled = Pitch(midi: 60 + pc, step: letter) { table[pc] = spelled }
            }
        }
        let fifths = key.signature.fifths
        for pc in 0..<12 where table[pc] == nil {
            let preferFlats = fifths < 0 || (fifths == 0 && [3, 10].contains(pc))
            table[pc] = Pitch(midi: 60 + pc, preferFlats: preferFlats)
        }
        self.table = table.map { $0 ?? Pitch(.C, octave: 4) }
    }

    /// The spelling of a MIDI key number.
    public func spell(_ midi: Int) -> Pitch {
        let pc = ((midi % 12) + 12) % 12
        let shape = table[pc]
        // Keep the letter and alteration, choose the octave that sounds `midi` (B#3 is MIDI 60).
        return Pitch(midi: midi, step: shape.step) ?? Pitch(midi: midi)
    }
}
