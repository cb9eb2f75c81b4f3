import Notation

/// The JSON line `recompose dump` (and `recompose-dev xmldump`) prints for a note or chord:
/// part, staff, voice, absolute offset, duration (0 for grace notes), pitches low to high, tie
/// and grace flag — `{"part":0,"staff":1,"voice":"1","offset":"17/2","duration":"1/3",
/// "pitches":["C#4","E4"],"tie":"start","grace":false}`.
package struct NoteRecord: Encodable {
    var part: Int
    var staff: Int
    var voice: String
    var offset: Rational
    var duration: Rational
    var pitches: [String]
    /// `null` when there is none, as the dump always has.
    @NullWhenNil var tie: Tie?
    var grace: Bool

    /// The record of a placed note or chord.
    package init(_ placed: PlacedEvent) {
        part = placed.part
        staff = placed.staff
        voice = placed.voice
        offset = placed.offset
        grace = placed.event.isGrace
        duration = grace ? .zero : placed.event.duration.quarterLength
        pitches = placed.event.pitches.map(\.name)
        tie = placed.event.tie
    }
}

/// A `{"file": PATH}` line that heads a file's records (with `"error"` when it could not be read).
package struct FileRecord: Encodable {
    var file: String
    var error: String?

    /// A file heading, with the error's text when reading failed.
    package init(file: String, error: (any Error)? = nil) {
        self.file = file
        self.error = error.map { "\($0)" }
    }
}
