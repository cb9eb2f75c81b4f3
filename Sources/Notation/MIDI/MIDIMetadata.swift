/// How a score's credits travel through a Standard MIDI File, which has a copyright meta event
/// but no field for a composer: the conductor track (track 0) carries the title as its track
/// name, the rights as a copyright event, and the composer, lyricist and arranger as text
/// events `Composer: …`, `Lyricist: …`, `Arranger: …` (the convention notation programs read
/// and write). ``MIDIWriter`` writes them and ``Quantizer`` reads them back.
enum MIDIMetadata {
    /// The text-event labels, in the order written.
    static var labels: [(label: String, keyPath: WritableKeyPath<Metadata, String?>)] { [
        ("Composer", \.composer), ("Lyricist", \.lyricist), ("Arranger", \.arranger),
    ] }

    /// The conductor-track events for a score's credits other than the title, at tick 0.
    static func events(_ metadata: Metadata) -> [MIDITrackEvent] {
        var events: [MIDITrackEvent] = []
        if let rights = metadata.rights, !rights.isEmpty { events.append(.init(tick: 0, message: .meta(.copyright(rights)))) }
        for (label, keyPath) in labels {
            if let value = metadata[keyPath: keyPath], !value.isEmpty {
                events.append(.init(tick: 0, message: .meta(.text("\(label): \(value)"))))
            }
        }
        return events
    }

    /// Reads the credits from the first track's copyright and labelled text events into `metadata`.
    static func read(_ track: MIDITrack, into metadata: inout Metadata) {
        for event in track.events {
            guard case .meta(let meta) = event.message else { continue }
            switch meta {
            case .copyright(let text) where metadata.rights == nil && !text.isEmpty:
                metadata.rights = text
            case .text(let text):
                for (label, keyPath) in labels where metadata[keyPath: keyPath] == nil && text.hasPrefix(label + ": ") {
                    metadata[keyPath: keyPath] = String(text.dropFirst(label.count + 2))
                }
            default: break
            }
        }
    }
}

extension MIDIWriter {
    /// The conductor-track events for the score's credits (see `MIDIMetadata`).
    static func metadataEvents(_ metadata: Metadata) -> [MIDITrackEvent] { MIDIMetadata.events(metadata) }
}
