/// Who wrote a score and what it is called.
public struct Metadata: Sendable, Hashable, Codable {
    /// The work's title.
    public var title: String?
    /// The work number (opus), if any.
    public var workNumber: String?
    /// The movement's title.
    public var movementTitle: String?
    /// The movement's number.
    public var movementNumber: String?
    /// The composer.
    public var composer: String?
    /// The lyricist or poet.
    public var lyricist: String?
    /// The arranger.
    public var arranger: String?
    /// Copyright notice.
    public var rights: String?
    /// Other creators and fields by role, e.g. `["encoder": "…"]`.
    public var extra: [String: String]

    /// Creates metadata.
    public init(title: String? = nil, composer: String? = nil, workNumber: String? = nil,
                movementTitle: String? = nil, movementNumber: String? = nil, lyricist: String? = nil,
                arranger: String? = nil, rights: String? = nil, extra: [String: String] = [:]) {
        self.title = title
        self.composer = composer
        self.workNumber = workNumber
        self.movementTitle = movementTitle
        self.movementNumber = movementNumber
        self.lyricist = lyricist
        self.arranger = arranger
        self.rights = rights
        self.extra = extra
    }
}
