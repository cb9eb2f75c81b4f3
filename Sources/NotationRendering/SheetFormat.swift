/// An image or document format MuseScore draws sheet music in.
public enum SheetFormat: String, Sendable, Hashable, CaseIterable {
    /// One PNG image per page.
    case png
    /// One SVG image per page.
    case svg
    /// One PDF document holding every page.
    case pdf

    /// The format an output path's extension names, if any.
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }

    /// Whether MuseScore writes one file per page (`NAME-1.png`, `NAME-2.png`, …).
    var isPaged: Bool { self != .pdf }
}
