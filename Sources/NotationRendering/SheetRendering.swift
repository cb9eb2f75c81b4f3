import Foundation
import Notation

/// What ``SheetRenderer`` produced: the page files and what MuseScore said about the input.
public struct SheetRendering: Sendable, Hashable {
    /// Every file written, in page order: one for a one-page PNG/SVG or any PDF, else
    /// `NAME-1.png`, `NAME-2.png`, ….
    public var pages: [URL]
    /// MuseScore's stderr lines about the input (import errors and warnings), without its
    /// progress lines and environment notices. Empty when MuseScore read the file cleanly.
    public var messages: [String]

    /// Creates a rendering result.
    public init(pages: [URL], messages: [String]) {
        self.pages = pages
        self.messages = messages
    }
}
