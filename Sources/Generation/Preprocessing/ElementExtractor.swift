import Notation

/// Turns one staff of a score into the token stream a model learns from (the seed's "element
/// extraction" and "data transformation" steps).
///
/// The staff is cut into vertical slices (every onset and release of any of its voices), so
/// the token stream is monophonic in time: the sum of its durations is exactly the staff's
/// length, and decoding it gives back the same rhythm. A slice whose length no single note can
/// show is decomposed into writable parts, each its own token with the same pitches — there is
/// no "complex" duration category.
public struct ElementExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// The tokens of staff `staffNumber` (1-based) of `part`.
    public func tokens(of part: Part, staff staffNumber: Int) -> [Token] {
        timedTokens(of: part, staff: staffNumber).tokens
    }

    /// The tokens of staff `staffNumber` (1-based) of `part` and the offset (quarter notes from
    /// the part's start) of the first one: the leading rests that ``tokens(ofSlices:)`` drops,
    /// which the other hand's timeline needs to line up with this one.
    public func timedTokens(of part: Part, staff staffNumber: Int) -> (tokens: [Token], start: Rational) {
        guard staffNumber >= 1, staffNumber <= part.staves.count else { return ([], .zero) }
        let single = Score(parts: [Part(id: part.id, staves: [part.staves[staffNumber - 1]])])
        let slices = single.chordified()
        return (tokens(ofSlices: slices), slices.first { !$0.pitches.isEmpty }?.offset ?? .zero)
    }

    /// Tokens for a list of slices that follow each other in time.
    public func tokens(ofSlices slices: [TimedEvent]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(slices.count)
        for slice in slices {
            for duration in Duration.decompose(slice.length) {
                result.append(Token(pitches: slice.pitches, duration: duration))
            }
        }
        // Leading and trailing rests say nothing about the music.
        while result.first?.noteLabel == Token.restLabel { result.removeFirst() }
        while result.last?.noteLabel == Token.restLabel { result.removeLast() }
        return result
    }
}
