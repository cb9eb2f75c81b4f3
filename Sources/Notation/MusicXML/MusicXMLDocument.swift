/// The result of reading a MusicXML file: the score, the things read with an assumption (e.g.
/// a missing `<divisions>` taken as 1, each with its line), and the elements passed over.
public typealias MusicXMLDocument = ScoreReading<MusicXMLError>
