import Notation

/// How a clef's elements become the tokens a network reads and writes.
///
/// - ``chords``: one token per element, the note label naming every pitch of a chord with its
///   octave (`"C4.E4.G4"`/`"quarter"`). What the seed study did, and the vocabulary of the
///   ``Recipe/seed`` and ``Recipe/barAware`` recipes: on the 48 Chopin pieces the treble needs
///   2,688 such labels, most seen a handful of times, so the network cannot learn what a chord
///   it rarely meets shares with the others.
/// - ``notes``: one token per pitch, low to high; every pitch of a chord but the highest carries
///   the duration label ``Token/continuationLabel`` (`"+"`: "another pitch starts with this
///   one"), the highest the chord's duration. `C4.E4.G4/quarter` is `C4/+`, `E4/+`, `G4/quarter`;
///   a rest or a single pitch is one token as before. Note labels are single pitches (about 70
///   per hand on Chopin), so a chord is learnt as the pitches it is made of — the bass note first
///   and then what stands above it — and a new voicing of known pitches can be written.
///
/// ``encode(_:)`` and ``decode(_:)`` convert between the two: decoding a note-wise stream gives
/// back exactly the element stream it was made from.
public enum TokenEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// One token per element (chord labels with octaves).
    case chords
    /// One token per pitch, low to high, with ``Token/continuationLabel`` on all but the last.
    case notes

    /// The most pitches one chord may have when generated note by note (Chopin's densest chords
    /// have eight; ten fingers is a hard bound).
    public static let maximumChordSize = 10

    /// The tokens of elements (one token per element, as ``ElementExtractor`` makes them) in
    /// this encoding.
    public func encode(_ elements: [Token]) -> [Token] {
        guard self == .notes else { return elements }
        var result: [Token] = []
        result.reserveCapacity(elements.count * 2)
        for element in elements {
            guard let pitches = Token.pitches(for: element.noteLabel), pitches.count > 1 else {
                result.append(element)
                continue
            }
            let sorted = pitches.sorted()
            for pitch in sorted.dropLast() {
                result.append(Token(noteLabel: pitch.name, durationLabel: Token.continuationLabel))
            }
            result.append(Token(noteLabel: sorted[sorted.count - 1].name, durationLabel: element.durationLabel))
        }
        return result
    }

    /// The elements of tokens in this encoding: the pitches of continuation tokens joined to the
    /// token that ends their chord (a trailing, unfinished chord is left out). A stream with no
    /// continuation token — every ``chords`` stream — comes back unchanged.
    public func decode(_ tokens: [Token]) -> [Token] {
        guard tokens.contains(where: \.continuesChord) else { return tokens }
        var result: [Token] = []
        var pending: [Pitch] = []
        for token in tokens {
            let pitches = Token.pitches(for: token.noteLabel) ?? []
            if token.continuesChord {
                pending += pitches
                continue
            }
            if pending.isEmpty || pitches.isEmpty {
                // A rest cannot end a chord; the dangling pitches are dropped.
                result.append(token)
            } else {
                result.append(Token(pitches: Array(Set(pending + pitches)), durationLabel: token.durationLabel))
            }
            pending = []
        }
        return result
    }
}

extension Token {
    /// The duration label of a pitch that starts together with the next token's (see
    /// ``TokenEncoding/notes``): it takes no time of its own.
    public static let continuationLabel = "+"

    /// Whether this token is a pitch of a chord that the next token continues.
    public var continuesChord: Bool { durationLabel == Token.continuationLabel }

    /// A token of these pitches (any order; none for a rest) with a duration label as it is.
    init(pitches: [Pitch], durationLabel: String) {
        self.init(noteLabel: Token.noteLabel(for: pitches), durationLabel: durationLabel)
    }
}
