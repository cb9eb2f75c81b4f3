/// A barline that is more than a plain single line: a repeat sign, a volta bracket end, or a
/// special style (MusicXML `<barline>`); or any barline standing inside a bar.
///
/// ```swift
/// var m = Measure(number: 8, length: 4)
/// m.barlines = [Barline(.right, style: "light-heavy", repeat: .backward)]
/// m.barlines.append(Barline(.middle, style: "dotted", offset: 2))   // a dotted line after beat 2
/// ```
public struct Barline: Sendable, Hashable, Codable {
    /// Which side of the bar it stands on.
    public enum Location: String, Sendable, Hashable, Codable {
        /// At the bar's start.
        case left
        /// At the bar's end.
        case right
        /// Inside the bar, at ``Barline/offset`` (MusicXML `location="middle"`).
        case middle
    }
    /// A repeat sign's direction: `.forward` opens a repeated section, `.backward` closes it.
    public enum Repeat: String, Sendable, Hashable, Codable { case forward, backward }

    /// A volta (first/second ending) bracket starting, stopping or left open at this barline.
    public struct Ending: Sendable, Hashable, Codable {
        /// The ending numbers as printed, e.g. `"1"` or `"1, 2"`.
        public var number: String
        /// `"start"`, `"stop"` or `"discontinue"` (a bracket with no closing hook).
        public var type: String

        /// Creates an ending mark.
        public init(number: String, type: String) {
            self.number = number
            self.type = type
        }
    }

    /// The side of the bar.
    public var location: Location
    /// The MusicXML bar style (`"light-heavy"`, `"light-light"`, …), if stated.
    public var style: String?
    /// The repeat sign, if any.
    public var `repeat`: Repeat?
    /// How many times a backward repeat is played, when not the usual twice.
    public var times: Int?
    /// The volta bracket mark, if any.
    public var ending: Ending?
    /// Fermatas over (or, inverted, under) the barline: a pause between bars (MusicXML allows two).
    public var fermatas: [Fermata] = []
    /// Where a ``Location/middle`` barline stands, in quarter notes from the bar's start; `nil`
    /// for barlines at the bar's edges.
    public var offset: Rational?

    /// Creates a barline.
    public init(_ location: Location, style: String? = nil, repeat: Repeat? = nil, times: Int? = nil, ending: Ending? = nil,
                fermatas: [Fermata] = [], offset: Rational? = nil) {
        self.fermatas = fermatas
        self.offset = offset
        self.location = location
        self.style = style
        self.repeat = `repeat`
        self.times = times
        self.ending = ending
    }
}
