/// One piece's clef stream as vocabulary indices: the model's raw input.
public struct EncodedPiece: Sendable, Hashable, Codable {
    /// Where the piece came from (a file name), for reports and the split by piece.
    public var name: String
    /// Note/chord/rest indices, one per element.
    public var notes: [Int32]
    /// Duration indices, one per element.
    public var durations: [Int32]

    /// Creates an encoded piece. - Precondition: both arrays have the same length.
    public init(name: String, notes: [Int32], durations: [Int32]) {
        precondition(notes.count == durations.count, "notes and durations differ in length")
        self.name = name
        self.notes = notes
        self.durations = durations
    }

    /// Encodes tokens with the two vocabularies.
    public init(name: String, tokens: [Token], noteVocabulary: Vocabulary, durationVocabulary: Vocabulary) {
        self.init(name: name,
                  notes: tokens.map { Int32(noteVocabulary.index(of: $0.noteLabel)) },
                  durations: tokens.map { Int32(durationVocabulary.index(of: $0.durationLabel)) })
    }

    /// The number of elements.
    public var count: Int { notes.count }

    /// One element's indices.
    public struct Element: Sendable, Hashable {
        /// The note/chord/rest index.
        public var note: Int32
        /// The duration index.
        public var duration: Int32
        /// Creates an element.
        public init(note: Int32, duration: Int32) {
            self.note = note
            self.duration = duration
        }
    }

    /// Element `index`'s indices. - Precondition: `index` is in `0..<count`.
    public func element(_ index: Int) -> Element { Element(note: notes[index], duration: durations[index]) }
}
