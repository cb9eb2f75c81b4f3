/// How a score is played where it is not simply read straight on: the jumps and marks of a
/// MusicXML `<sound>` element (`dacapo`, `dalsegno`, `fine`, `tocoda`, `segno`, `coda`).
///
/// ``Score/unfolded()`` follows them. Names link a jump to its target (`dalsegno="A"` goes to
/// `segno="A"`); MusicXML files usually leave the name empty or `"1"`.
///
/// ```swift
/// Direction(offset: 0, kind: .playback(Playback(daCapo: true)))   // D.C.
/// ```
public struct Playback: Sendable, Hashable, Codable {
    /// Go back to the start of the piece (D.C.).
    public var daCapo: Bool
    /// Go back to the segno of this name (D.S.).
    public var dalSegno: String?
    /// The piece ends here after a jump (Fine).
    public var fine: Bool
    /// After a jump, go on at the coda of this name (To Coda).
    public var toCoda: String?
    /// The target of a D.S. of this name.
    public var segno: String?
    /// The target of a To Coda of this name.
    public var coda: String?

    /// Creates a set of playback marks.
    public init(daCapo: Bool = false, dalSegno: String? = nil, fine: Bool = false, toCoda: String? = nil,
                segno: String? = nil, coda: String? = nil) {
        self.daCapo = daCapo
        self.dalSegno = dalSegno
        self.fine = fine
        self.toCoda = toCoda
        self.segno = segno
        self.coda = coda
    }

    /// Whether no mark is set.
    public var isEmpty: Bool { self == Playback() }
}
