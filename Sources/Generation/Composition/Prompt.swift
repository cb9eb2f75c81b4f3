/// The music a composition starts from: a window of treble and bass tokens, in C major or
/// A minor, fed through each model to build its state before the first element is drawn.
///
/// ``ModelBundle/prompt(contentsOf:)`` makes one from the end of a MIDI or MusicXML file.
public struct Prompt: Sendable, Hashable, Codable {
    /// Treble tokens, oldest first (may be empty: the model then starts with no history).
    public var treble: [Token]
    /// Bass tokens, oldest first (may be empty).
    public var bass: [Token]

    /// Creates a prompt from token windows.
    public init(treble: [Token], bass: [Token]) {
        self.treble = treble
        self.bass = bass
    }
}
