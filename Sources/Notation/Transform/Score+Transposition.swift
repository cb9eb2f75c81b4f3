/// Transposition of measures, staves, parts and scores by an interval or to a key.
///
/// Transposition respells by letter (see ``Pitch/transposed(by:)``): E major up a major third
/// is G♯ major, not A♭. Key and key-signature changes and chord symbols (root and bass) move
/// with the music. A note's printed accidental (``Note/displayedAccidental``, a courtesy or
/// editorial sign) becomes the sign of its new alteration; the accidentals the key and the
/// bar's earlier notes call for are worked out again when the score is written. The original
/// value is never modified; each method returns a new one.
extension Measure {
    /// The measure with every pitch, key, key signature and chord symbol moved by `interval`.
    public func transposed(by interval: Interval) throws(NotationError) -> Measure {
        var result = self
        for v in result.voices.indices {
            for e in result.voices[v].elements.indices {
                let event = try result.voices[v].elements[e].event.transposed(by: interval)
                result.voices[v].elements[e].event = Measure.respellingShownAccidentals(event)
            }
        }
        for d in result.directions.indices {
            if case .chordSymbol(let symbol) = result.directions[d].kind {
                result.directions[d].kind = .chordSymbol(try symbol.transposed(by: interval))
            }
        }
        if let key { result.key = try key.transposed(by: interval) }
        if let keySignature { result.keySignature = keySignature.transposed(by: interval) }
        return result
    }

    /// The event with each printed accidental made the sign of its note's (new) alteration: a
    /// courtesy sharp on F♯ becomes a courtesy natural on G after a minor second up.
    private static func respellingShownAccidentals(_ event: Event) -> Event {
        func respelled(_ note: Note) -> Note {
            guard note.displayedAccidental != nil else { return note }
            var note = note
            note.displayedAccidental = Accidental(alter: note.pitch.alter)
            return note
        }
        switch event {
        case .note(let note):
            return .note(respelled(note))
        case .chord(var chord):
            guard chord.notes.contains(where: { $0.displayedAccidental != nil }) else { return event }
            chord.notes = chord.notes.map(respelled)
            return .chord(chord)
        case .rest:
            return event
        }
    }
}

extension Staff {
    /// The staff transposed by `interval`.
    public func transposed(by interval: Interval) throws(NotationError) -> Staff {
        var result = self
        for m in result.measures.indices { result.measures[m] = try result.measures[m].transposed(by: interval) }
        return result
    }

    /// The staff moved by `interval`'s semitones, each key area spelt in a key of at most seven
    /// sharps or flats: an area that `interval` would put in D𝄫 major (twelve flats) moves by
    /// the enharmonic interval instead and lands in C major. A piece in D♭ major with a middle
    /// section in C♯ minor, moved down an augmented unison, keeps its C minor middle and gets a
    /// C major frame instead of a D𝄫 major one.
    public func transposedKeepingKeysWritable(by interval: Interval) throws(NotationError) -> Staff {
        var result = self
        var inForce: KeySignature?
        for m in measures.indices {
            if let signature = measures[m].keySignature ?? measures[m].key?.signature { inForce = signature }
            var step = interval
            if let fifths = inForce?.transposed(by: interval).fifths {
                if fifths > 7 { step = Interval(diatonicSteps: interval.diatonicSteps + 1, semitones: interval.semitones) }
                if fifths < -7 { step = Interval(diatonicSteps: interval.diatonicSteps - 1, semitones: interval.semitones) }
            }
            result.measures[m] = try measures[m].transposed(by: step)
        }
        return result
    }
}

extension Part {
    /// The part transposed by `interval`.
    public func transposed(by interval: Interval) throws(NotationError) -> Part {
        var result = self
        for s in result.staves.indices { result.staves[s] = try result.staves[s].transposed(by: interval) }
        return result
    }
}

extension Score {
    /// The score transposed by `interval`.
    ///
    /// ```swift
    /// let up = try score.transposed(by: "M3")
    /// ```
    ///
    /// - Throws: ``NotationError/unspellable(_:)`` when a pitch would need more than a triple
    ///   sharp or flat.
    public func transposed(by interval: Interval) throws(NotationError) -> Score {
        var result = self
        for p in result.parts.indices { result.parts[p] = try result.parts[p].transposed(by: interval) }
        return result
    }

    /// The interval that moves `source` to the key of the same mode written with `target`'s
    /// signature, by the nearest way (at most a tritone up or down).
    ///
    /// For a major or minor `target` this is the seed's preprocessing rule: a major piece goes to
    /// C major and a minor piece to A minor when the target is C major (or A minor). A dorian
    /// piece goes to the dorian key of that signature (D dorian for C major).
    public static func transpositionInterval(from source: Key, to target: Key) -> Interval {
        let destination: Key
        if source.mode == target.mode {
            destination = target
        } else {
            destination = Key(signature: target.signature, mode: source.mode)
        }
        var interval = Interval(from: source.tonic, to: destination.tonic)
        // Nearest direction: fold into −6 … +6 semitones by moving an octave.
        if interval.semitones > 6 {
            interval = Interval(diatonicSteps: interval.diatonicSteps - 7, semitones: interval.semitones - 12)
        } else if interval.semitones < -6 {
            interval = Interval(diatonicSteps: interval.diatonicSteps + 7, semitones: interval.semitones + 12)
        }
        return interval
    }

    /// The score moved from key `source` to `target` (see ``transpositionInterval(from:to:)``),
    /// with every key change of the piece moved by the same interval.
    public func transposed(from source: Key, to target: Key) throws(NotationError) -> Score {
        try transposed(by: Score.transpositionInterval(from: source, to: target))
    }

    /// ``transposed(from:to:)``, except that a key area the interval would put in a key of more
    /// than seven sharps or flats is spelt in its enharmonic key instead (see
    /// ``Staff/transposedKeepingKeysWritable(by:)``): what corpus preprocessing wants, where a
    /// D♭ major piece with a C♯ minor middle, estimated as C♯ major, would otherwise come out
    /// in D𝄫 major. Every key area still moves by the same number of semitones.
    public func transposedKeepingKeysWritable(from source: Key, to target: Key) throws(NotationError) -> Score {
        let interval = Score.transpositionInterval(from: source, to: target)
        var result = self
        for p in result.parts.indices {
            for s in result.parts[p].staves.indices {
                result.parts[p].staves[s] = try result.parts[p].staves[s].transposedKeepingKeysWritable(by: interval)
            }
        }
        return result
    }
}

extension Score {
    /// The score moved to `target`'s signature in its own mode, after estimating its key:
    /// `score.transposed(to: "C major")` puts a major piece in C major and a minor piece in
    /// A minor, by the nearest interval — the seed's preprocessing step.
    ///
    /// The estimated key is spelt as the score spells it (``keySpelledAsWritten(_:)``), so a
    /// piece written in D♭ major goes down a minor second, not an augmented unison into double
    /// flats. A score with no notes is returned unchanged.
    public func transposed(to target: Key, weighting profile: KeyProfile = .default) throws(NotationError) -> Score {
        guard let estimate = estimatedKey(weighting: profile) else { return self }
        return try transposed(from: keySpelledAsWritten(estimate.key), to: target)
    }

    /// ``transposed(to:weighting:)`` with the key given by name (`"C major"`).
    public func transposed(to target: String, weighting profile: KeyProfile = .default) throws(NotationError) -> Score {
        try transposed(to: try Key(target), weighting: profile)
    }
}
