/// The instrument a part is played on, with its MIDI sound.
public struct Instrument: Sendable, Hashable, Codable {
    /// The instrument's name, e.g. "Piano".
    public var name: String?
    /// General MIDI program 0…127 (0 = acoustic grand piano).
    public var midiProgram: Int?
    /// MIDI channel 1…16.
    public var midiChannel: Int?
    /// Chromatic transposition from written to sounding pitch (−2 semitones for a B♭ clarinet),
    /// as MusicXML `<transpose>`.
    public var transposition: Interval?

    /// Creates an instrument description.
    public init(name: String? = nil, midiProgram: Int? = nil, midiChannel: Int? = nil, transposition: Interval? = nil) {
        self.name = name
        self.midiProgram = midiProgram
        self.midiChannel = midiChannel
        self.transposition = transposition
    }

    /// An acoustic grand piano.
    public static let piano = Instrument(name: "Piano", midiProgram: 0)
}
