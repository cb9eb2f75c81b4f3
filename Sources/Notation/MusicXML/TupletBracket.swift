/// Whether a written note starts or stops a MusicXML `<tuplet>` bracket.
enum TupletBracket: Sendable, Hashable {
    case none, start, stop

    /// The `<notations>` content that says so.
    var xml: String {
        switch self {
        case .none: return ""
        case .start: return "<tuplet type=\"start\" bracket=\"yes\"/>"
        case .stop: return "<tuplet type=\"stop\"/>"
        }
    }
}
