import Notation

/// Opt-in data augmentation: copies of every *training* piece moved to other keys, so a network
/// learns what the music does rather than which pitches the 48 pieces of a corpus happen to use
/// (``PreprocessingOptions/keyAugmentation``). Held-out pieces are never moved: validation and
/// the held-out bits per quarter note measure the corpus as it is, in C major / A minor.
///
/// A piece in C major moved up 2 semitones is spelled in D major, moved down 3 in A major: each
/// shift is an interval (a minor second up for 1, a major second up for 2, … an augmented fourth
/// up for 6; the same below), so a copy is spelled as a piece in its new key would be.
public enum KeyAugmentation {
    /// The shifts, in semitones, for a range of `range` (0: none; 6 or more: every other key
    /// once, −5 … +6). A shift of −6 would repeat +6's key and is left out.
    public static func shifts(range: Int) -> [Int] {
        let n = min(max(range, 0), 6)
        return (-n...n).filter { $0 != 0 && $0 != -6 }
    }

    /// The interval of a shift: its semitones over the diatonic steps a key moved that far takes.
    public static func interval(semitones: Int) -> Interval {
        // 1–2 semitones: a second; 3–4: a third; 5–6: a fourth.
        let steps = (abs(semitones) + 1) / 2
        return Interval(diatonicSteps: semitones < 0 ? -steps : steps, semitones: semitones)
    }

    /// A token moved by `interval`; `nil` if a pitch cannot be spelled there (past a triple
    /// sharp or flat) or the label is not a pitch label.
    public static func transposed(_ token: Token, by interval: Interval) -> Token? {
        guard let pitches = Token.pitches(for: token.noteLabel) else { return nil }
        var moved: [Pitch] = []
        moved.reserveCapacity(pitches.count)
        for pitch in pitches {
            guard let shifted = try? pitch.transposed(by: interval) else { return nil }
            moved.append(shifted)
        }
        // A continuation's order low to high is kept: transposition preserves it.
        return Token(noteLabel: pitches.isEmpty ? token.noteLabel : Token.noteLabel(for: moved),
                     durationLabel: token.durationLabel)
    }
}

extension PreparedPiece {
    /// The piece moved by `semitones` (see ``KeyAugmentation``), named `NAME@+2`; `nil` if one
    /// of its pitches cannot be spelled in the new key. Timing and meter are unchanged.
    public func transposed(semitones: Int) -> PreparedPiece? {
        let interval = KeyAugmentation.interval(semitones: semitones)
        func move(_ tokens: [Token]) -> [Token]? {
            var result: [Token] = []
            result.reserveCapacity(tokens.count)
            for token in tokens {
                guard let moved = KeyAugmentation.transposed(token, by: interval) else { return nil }
                result.append(moved)
            }
            return result
        }
        guard let treble = move(treble), let bass = move(bass) else { return nil }
        var piece = self
        piece.name = "\(name)@\(semitones > 0 ? "+" : "")\(semitones)"
        piece.treble = treble
        piece.bass = bass
        piece.key = key.flatMap { try? $0.transposed(by: interval) }
        piece.keyShift = (keyShift ?? 0) + semitones
        return piece
    }
}
