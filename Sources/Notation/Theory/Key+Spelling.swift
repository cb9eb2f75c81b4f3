/// A key estimated from sounding pitches has a pitch class and a mode, not a spelling: the
/// estimator names a tonic as music21 does (C♯ major, never D♭ major). A score written in
/// D♭ major and moved "from C♯ major to C major" goes down an augmented unison and comes out
/// full of double flats. These pick the spelling the score itself uses.
extension Key {
    /// The same key with its tonic spelt on the neighbouring letter (C♯ major ↔ D♭ major,
    /// B major ↔ C♭ major, G♯ minor ↔ A♭ minor); `nil` when that spelling needs a double
    /// sharp or flat in its tonic or more than seven in its signature (D major, A minor,
    /// F major — E♯ major would need eleven sharps).
    public var enharmonicEquivalent: Key? {
        for offset in [1, -1] {
            let step = Step(rawValue: ((tonicStep.rawValue + offset) % 7 + 7) % 7)!
            var alter = tonicPitchClass - step.semitones
            alter = ((alter + 6) % 12 + 12) % 12 - 6
            let key = Key(step, alter: alter, mode)
            if abs(alter) <= 1, abs(key.signature.fifths) <= 7 { return key }
        }
        return nil
    }
}

extension Score {
    /// `key`, or its ``Key/enharmonicEquivalent``, whichever spells more of the score's sounding
    /// time with its own scale notes (a pitch counts when its letter and alteration are the
    /// scale's at that letter); `key` on a tie or when it has no equivalent. For a piece written
    /// in D♭ major and estimated as C♯ major this gives D♭ major.
    public func keySpelledAsWritten(_ key: Key) -> Key {
        guard let other = key.enharmonicEquivalent else { return key }
        let scales = [key, other].map { candidate in
            Dictionary(uniqueKeysWithValues: candidate.pitches.map { ($0.step, $0.alter) })
        }
        var fits = [Rational.zero, .zero]
        for (pitch, length) in weightedPitches {
            for k in 0..<2 where scales[k][pitch.step] == pitch.alter { fits[k] += length }
        }
        return fits[1] > fits[0] ? other : key
    }
}
