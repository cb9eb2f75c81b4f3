/// Anything that occupies time in a voice: a note, a chord or a rest.
public enum Event: Sendable, Hashable, Codable {
    case note(Note)
    case chord(Chord)
    case rest(Rest)

    /// The notated duration.
    public var duration: Duration {
        get {
            switch self {
            case .note(let n): return n.duration
            case .chord(let c): return c.duration
            case .rest(let r): return r.duration
            }
        }
        set {
            switch self {
            case .note(var n): n.duration = newValue; self = .note(n)
            case .chord(var c): c.duration = newValue; self = .chord(c)
            case .rest(var r): r.duration = newValue; self = .rest(r)
            }
        }
    }

    /// Time taken in the voice: zero for grace notes and chords.
    public var quarterLength: Rational {
        switch self {
        case .note(let n): return n.quarterLength
        case .chord(let c): return c.quarterLength
        case .rest(let r): return r.duration.quarterLength
        }
    }

    /// The sounding pitches, low to high; empty for a rest.
    public var pitches: [Pitch] {
        switch self {
        case .note(let n): return [n.pitch]
        case .chord(let c): return c.pitches
        case .rest: return []
        }
    }

    /// The tie, for notes and chords.
    public var tie: Tie? {
        get {
            switch self {
            case .note(let n): return n.tie
            case .chord(let c): return c.tie
            case .rest: return nil
            }
        }
        set {
            switch self {
            case .note(var n): n.tie = newValue; self = .note(n)
            case .chord(var c): c.tie = newValue; self = .chord(c)
            case .rest: break
            }
        }
    }

    /// Whether this is a rest.
    public var isRest: Bool { if case .rest = self { return true } else { return false } }

    /// Whether this is a grace note or grace chord.
    public var isGrace: Bool {
        switch self {
        case .note(let n): return n.isGrace
        case .chord(let c): return c.isGrace
        case .rest: return false
        }
    }

    /// The same event transposed by an interval.
    public func transposed(by interval: Interval) throws(NotationError) -> Event {
        switch self {
        case .note(var n):
            n.pitch = try n.pitch.transposed(by: interval)
            return .note(n)
        case .chord(var c):
            // Build the new tones first: assigning `notes` re-sorts it, so tones must not be
            // changed one at a time.
            var notes = c.notes
            for i in notes.indices { notes[i].pitch = try notes[i].pitch.transposed(by: interval) }
            c.notes = notes
            return .chord(c)
        case .rest:
            return self
        }
    }
}

extension Event: CustomStringConvertible {
    public var description: String {
        switch self {
        case .note(let n): return n.description
        case .chord(let c): return c.description
        case .rest(let r): return r.description
        }
    }
}
