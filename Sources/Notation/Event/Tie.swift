/// Where a note stands in a chain of tied notes.
public enum Tie: String, Sendable, Hashable, Codable {
    /// The first note of a tie: it continues into the next.
    case start
    /// A middle note: tied from the previous and into the next.
    case `continue`
    /// The last note of a tie.
    case stop

    /// The tie for the first and last part when an untied or tied note is split.
    static func splitting(_ tie: Tie?) -> (first: Tie, middle: Tie, last: Tie) {
        switch tie {
        case nil: return (.start, .continue, .stop)
        case .start?: return (.start, .continue, .continue)
        case .continue?: return (.continue, .continue, .continue)
        case .stop?: return (.continue, .continue, .stop)
        }
    }
}
