/// Spells MIDI key numbers as pitches in a key: D♭ in A♭ major, C♯ in A major.
///
/// Scale notes take the key's spelling. Other notes are spelled as alterations of a scale
/// degree, as tonal music usually writes them: in major the raised first, fourth and fifth and
/// the lowered third and seventh (C♯ E♭ F♯ G♯ B♭ in C major); in minor the lowered second, the
/// raised third and fourth, and the raised sixth and seventh (F♯ and G♯ in A minor).
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
        // Chromatic notes by scale degree (0-based) they alter, the way tonal music usually
        // spells them: major #1 b3 #4 #5 b7; minor b2 #3 #4 and the raised 6th and 7th.
        let minor = key.mode.isMinor
        let chromatic: [(semitones: Int, degree: Int)] = minor
            ? [(1, 1), (4, 2), (6, 3), (9, 5), (11, 6)]
            : [(1, 0), (3, 2), (6, 3), (8, 4), (10, 6)]
        let tonic = key.tonic
        let scale = key.pitches
        if scale.count == 7 {
            for (semis, degree) in chromatic {
                let pc = (tonic.pitchClass + semis) % 12
                if table[pc] == nil, let spelled = Pitch(midi: 60 + pc, step: scale[degree].step) { table[pc] = spelled }
            }
        }
        let fifths = key.signature.fifths
        for pc in 0..<12 where table[pc] == nil {
            table[pc] = Pitch(midi: 60 + pc, preferFlats: fifths < 0 || (fifths == 0 && [3, 10].contains(pc)))
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
