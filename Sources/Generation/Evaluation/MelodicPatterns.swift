import Notation

/// The melodic interval patterns of a piece, for the memorisation check of `recompose evaluate
/// --reference`: has a generated piece copied its melody from the corpus it learnt from?
///
/// The melody is the top line of the treble staff: at each onset where a note is struck (tie
/// continuations and grace notes are not), its highest pitch. A pattern is the sequence of
/// ``length`` − 1 semitone steps between ``length`` consecutive melody notes — intervals, so the
/// same tune in another key is the same pattern (the corpus is transposed to C major / A minor,
/// generated pieces are in any key). Only windows whose eight notes touch at least three pitch
/// classes count: repeated notes, trills and octave alternations are figures every piano piece
/// shares, not a melody (with them Chopin's repeated-note preludes would "copy" half their
/// windows from each other; without, each of the 48 Chopin pieces of the shared corpus shares
/// 2.4% of its windows with the other 47 on average, median 1.2%, at most 14%).
public struct MelodicPatterns: Sendable, Hashable, Codable {
    /// Notes per pattern: 8, as in the measure (in Chopin one piece shares about 2% of
    /// its 8-note patterns with the other 47, at most 12%).
    public static let length = 8

    /// Every melodic pattern in order, one per window of ``length`` notes with at least three
    /// pitch classes (repeats kept, so that shares count positions of the piece, not distinct
    /// figures).
    public var windows: [[Int8]]

    /// The patterns of a melody given as MIDI note numbers.
    public init(melody: [Int]) {
        let steps = zip(melody.dropFirst(), melody).map { Int8(clamping: $0 - $1) }
        let width = MelodicPatterns.length - 1
        let all = steps.count < width ? [] : (0...(steps.count - width)).map { Array(steps[$0..<($0 + width)]) }
        windows = all.filter(MelodicPatterns.isMelodic)
    }

    /// Whether the notes of a window of steps touch at least three pitch classes.
    static func isMelodic(_ steps: [Int8]) -> Bool {
        var pitchClasses: Set<Int> = [0], position = 0
        for step in steps {
            position += Int(step)
            pitchClasses.insert((position % 12 + 12) % 12)
        }
        return pitchClasses.count >= 3
    }

    /// The patterns of the top line of `staff` of the score's first part.
    public init(score: Score, staff: Int = 1) {
        self.init(melody: MelodicPatterns.melody(of: score, staff: staff))
    }

    /// The top line: the highest struck pitch at each onset of the staff, in time order.
    public static func melody(of score: Score, staff: Int = 1) -> [Int] {
        var highest: [Rational: Int] = [:]
        for placed in score.events where placed.part == 0 && placed.staff == staff {
            let event = placed.event
            guard !event.isRest, !event.isGrace, event.tie == nil || event.tie == .start,
                  let top = event.pitches.map(\.midi).max() else { continue }
            highest[placed.offset] = max(highest[placed.offset] ?? top, top)
        }
        return highest.keys.sorted().compactMap { highest[$0] }
    }

    /// The distinct patterns.
    public var distinct: Set<[Int8]> { Set(windows) }

    /// The share of this piece's windows whose pattern `isCopied` says occurs elsewhere; `nil`
    /// when the melody is too short to have a pattern.
    public func copiedShare(isCopied: ([Int8]) -> Bool) -> Double? {
        guard !windows.isEmpty else { return nil }
        return Double(windows.filter(isCopied).count) / Double(windows.count)
    }
}

/// In how many pieces of a reference corpus each melodic pattern occurs.
public struct PatternIndex: Sendable {
    /// Pattern → number of reference pieces that contain it at least once.
    public private(set) var pieceCounts: [[Int8]: Int] = [:]

    /// Indexes the patterns of the reference pieces.
    public init<S: Sequence>(_ pieces: S) where S.Element == MelodicPatterns {
        for piece in pieces {
            for pattern in piece.distinct { pieceCounts[pattern, default: 0] += 1 }
        }
    }

    /// The share of `piece`'s windows that occur verbatim in the reference. For a piece that
    /// is itself one of the reference pieces, `excludingItself` counts only the other pieces
    /// (leave one out), which is how the corpus's own figure is measured.
    public func copiedShare(of piece: MelodicPatterns, excludingItself: Bool = false) -> Double? {
        let own = excludingItself ? 1 : 0
        return piece.copiedShare { (pieceCounts[$0] ?? 0) - own > 0 }
    }
}
