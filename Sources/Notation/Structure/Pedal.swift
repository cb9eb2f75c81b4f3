/// A piano pedal mark (MusicXML `<pedal>`): the sustain pedal going down, up, or both.
public struct Pedal: Sendable, Hashable, Codable {
    /// What the pedal does here. Raw values are MusicXML's.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The sustain pedal goes down.
        case start
        /// The sustain pedal comes up.
        case stop
        /// Up and down again at one point (a notch in the pedal line).
        case change
        /// A pedal line continued across a system break.
        case `continue`
        /// The sostenuto pedal goes down.
        case sostenuto
        /// A pedal line resumed after a `discontinue`.
        case resume
        /// A pedal line interrupted without the pedal coming up.
        case discontinue
    }

    /// What the pedal does.
    public var type: Kind
    /// Whether a pedal line (bracket) is drawn, when stated.
    public var line: Bool?
    /// Whether the Ped./✱ signs are drawn, when stated.
    public var sign: Bool?

    /// Creates a pedal mark.
    public init(_ type: Kind, line: Bool? = nil, sign: Bool? = nil) {
        self.type = type
        self.line = line
        self.sign = sign
    }
}
