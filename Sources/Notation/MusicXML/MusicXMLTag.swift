/// The MusicXML element names the reader understands; anything else is `.unknown` and skipped.
///
/// Raw values are the element names. ``XMLStream`` interns each once per document and maps
/// libxml2's dictionary pointers to these cases, so matching a name is a pointer lookup.
enum MusicXMLTag: String, CaseIterable {
    case unknown = ""
    // Document structure.
    case scorePartwise = "score-partwise", scoreTimewise = "score-timewise", part, measure
    case work, workNumber = "work-number", workTitle = "work-title"
    case movementNumber = "movement-number", movementTitle = "movement-title"
    case identification, creator, rights, encoding, software, source
    case partList = "part-list", scorePart = "score-part", partName = "part-name"
    case partAbbreviation = "part-abbreviation", scoreInstrument = "score-instrument"
    case instrumentName = "instrument-name", midiInstrument = "midi-instrument"
    case midiProgram = "midi-program", midiChannel = "midi-channel", partGroup = "part-group"
    case defaults, credit, print
    // Attributes.
    case attributes, divisions, key, fifths, mode, time, beats, beatType = "beat-type", senzaMisura = "senza-misura"
    case staves, clef, sign, line, clefOctaveChange = "clef-octave-change", transpose, diatonic, chromatic
    case octaveChange = "octave-change"
    // Notes.
    case note, chord, grace, cue, pitch, step, alter, octave, unpitched, displayStep = "display-step"
    case displayOctave = "display-octave", rest, duration, tie, voice, type, dot, accidental
    case timeModification = "time-modification", actualNotes = "actual-notes", normalNotes = "normal-notes"
    case normalType = "normal-type", normalDot = "normal-dot", stem, staff, beam, notehead, instrument
    case notations, tied, slur, tuplet, articulations, fermata, ornaments, technical, dynamics
    case arpeggiate, glissando, slide, accidentalMark = "accidental-mark", otherNotation = "other-notation"
    case lyric, syllabic, text, elision, extend
    case backup, forward
    // Directions.
    case direction, directionType = "direction-type", words, metronome, beatUnit = "beat-unit"
    case beatUnitDot = "beat-unit-dot", perMinute = "per-minute", sound, wedge, pedal
    case octaveShift = "octave-shift", rehearsal, segno, coda, offset, dashes, bracket
    // Other measure content.
    case harmony, barline, figuredBass = "figured-bass", bookmark, link, grouping
    case barStyle = "bar-style", `repeat`, ending, root, rootStep = "root-step", rootAlter = "root-alter", kind
    case bass, bassStep = "bass-step", bassAlter = "bass-alter"
}
