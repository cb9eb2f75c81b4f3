import Notation

/// A composed piece with what made it: the score, the token streams sampled for each hand, the
/// prompt they continue, and how long sampling took. What ``ModelBundle/compose(_:)`` returns.
public struct Composition: Sendable {
    /// The two-staff piano score, in the requested key, meter and tempo.
    public var score: Score
    /// The treble tokens sampled (in C major or A minor, before the move to the key).
    public var treble: [Token]
    /// The bass tokens sampled.
    public var bass: [Token]
    /// What the models were primed with.
    public var prompt: Prompt
    /// Wall-clock seconds spent sampling (not assembling the score).
    public var seconds: Double

    /// Creates a composition.
    public init(score: Score, treble: [Token], bass: [Token], prompt: Prompt, seconds: Double) {
        self.score = score
        self.treble = treble
        self.bass = bass
        self.prompt = prompt
        self.seconds = seconds
    }

    /// Elements sampled over both hands.
    public var elementCount: Int { treble.count + bass.count }
}
