/// A silence of a given length.
public struct Rest: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The notated length.
    public var duration: Duration
    /// Whether the rest fills a whole measure whatever its meter (MusicXML `measure="yes"`).
    public var isMeasureRest: Bool
    /// Marks written on the rest: a fermata, a slur end, beams through it.
    public var marks: NoteMarks {
        get { markStorage?.marks ?? NoteMarks() }
        set { markStorage = newValue.isEmpty ? nil : .marks(newValue) }
    }
    /// Boxed so that an unmarked rest stays small.
    private var markStorage: NoteMarkStorage?
    /// The marks when there are any (the MusicXML writer's fast path), else `nil`.
    var marksIfAny: NoteMarks? { markStorage?.marks }

    /// Creates a rest.
    public init(_ duration: Duration = Duration(.quarter), isMeasureRest: Bool = false, marks: NoteMarks = NoteMarks()) {
        self.duration = duration
        self.isMeasureRest = isMeasureRest
        self.markStorage = marks.isEmpty ? nil : .marks(marks)
    }

    public var description: String { "rest \(duration)" }
}
