import Notation

/// Builds a two-staff piano `Score` from generated treble and bass tokens (the seed's "build
/// treble and bass streams", "stream balancing" and "build a score" steps).
///
/// Tokens follow each other in time from offset 0 in each hand. The shorter hand is padded
/// with rests so both end in the same bar; both hands are barred by one `MeasureBuilder`, so
/// barlines coincide, notes that cross a barline are split and tied, and every bar is complete.
/// The music is generated in C major or A minor and moved to the requested key by the nearest
/// interval, respelled by letter.
public struct PieceAssembler: Sendable {
    /// Key, meter, tempo and titles of the piece.
    public var options: AssemblyOptions

    /// Creates an assembler.
    public init(options: AssemblyOptions = AssemblyOptions()) { self.options = options }

    /// Timed events for a token stream, starting at 0. Unknown labels become rests.
    public static func timedEvents(_ tokens: [Token]) -> [TimedEvent] {
        var offset = Rational.zero
        var events: [TimedEvent] = []
        events.reserveCapacity(tokens.count)
        for token in tokens {
            guard let duration = try? Duration(label: token.durationLabel) else { continue }
            let length = duration.quarterLength
            events.append(TimedEvent(offset: offset, length: length, pitches: Token.pitches(for: token.noteLabel) ?? []))
            offset += length
        }
        return events
    }

    /// The score of the two hands.
    /// - Throws: `NotationError/unspellable(_:)` if the transposition to the target key
    ///   would need more than a triple sharp or flat.
    public func score(treble: [Token], bass: [Token]) throws(NotationError) -> Score {
        let upper = PieceAssembler.timedEvents(treble), lower = PieceAssembler.timedEvents(bass)
        let length = max(upper.last?.end ?? 0, lower.last?.end ?? 0)
        let generatedKey: Key = options.key.mode.isMinor ? .aMinor : .cMajor
        let interval = Score.transpositionInterval(from: generatedKey, to: options.key)
        let meter = options.timeSignature
        let trebleStaff = MeasureBuilder(timeSignature: meter, key: generatedKey, clef: .treble)
            .staff(from: upper, minimumLength: length)
        var bassStaff = MeasureBuilder(timeSignature: meter, key: generatedKey, clef: .bass)
            .staff(from: lower, minimumLength: length)
        bassStaff = bassStaff.padded(toMeasureCount: trebleStaff.measures.count)
        var part = Part(id: "P1", name: "Piano", abbreviation: "Pno.", instrument: .piano, staves: [trebleStaff, bassStaff])
        if !part.staves[0].measures.isEmpty {
            part.staves[0].measures[0].directions.append(
                Direction(offset: 0, staff: 1, kind: .tempo(Tempo(options.tempo))))
        }
        let score = Score(metadata: Metadata(title: options.title, composer: options.composer), parts: [part])
        return try score.transposed(by: interval)
    }
}
