import Notation

/// What `recompose info` reports about a score: its JSON line with `--json`, and the text
/// block otherwise.
struct ScoreSummary: Encodable {
    var file: String
    var title: String?
    var parts: Int
    var staves: Int
    var measures: Int
    var notes: Int
    var chords: Int
    var keys: [String]
    var meters: [String]
    var tempo: Double?
    var key: String?
    var keyCorrelation: Double?
    var length: String

    /// The text block: the path, then one indented line per fact.
    var text: String {
        var lines = ["\(file)"]
        if let title { lines.append("  title:    \(title)") }
        lines.append("  parts:    \(parts) (\(staves) staves)")
        lines.append("  measures: \(measures), \(length) quarter notes")
        lines.append("  notes:    \(notes) (\(chords) chords)")
        lines.append("  keys:     \(keys.isEmpty ? "none written" : keys.joined(separator: ", "))")
        lines.append("  meters:   \(meters.isEmpty ? "none written" : meters.joined(separator: ", "))")
        if let tempo { lines.append("  tempo:    \(tempo) quarter notes per minute") }
        if let key { lines.append("  estimated key: \(key) (r = \(keyCorrelation ?? 0))") }
        return lines.joined(separator: "\n")
    }
}

extension ScoreSummary {
    /// The summary of `score`, read from `path`. Keys and meters are those written in the first
    /// staff, each change once; the tempo is the first tempo mark.
    init(_ score: Score, path: String) {
        var keys: [String] = [], meters: [String] = []
        for measure in score.parts.first?.staves.first?.measures ?? [] {
            if let key = measure.key?.description ?? measure.keySignature.map({ Key(signature: $0).description }),
               keys.last != key { keys.append(key) }
            if let meter = measure.timeSignature?.description, meters.last != meter { meters.append(meter) }
        }
        var tempo: Double?
        search: for measure in score.parts.flatMap(\.staves).flatMap(\.measures) {
            for direction in measure.directions {
                if case .tempo(let t) = direction.kind { tempo = t.quarterNotesPerMinute; break search }
            }
        }
        let events = score.notesAndChords
        let estimate = score.estimatedKey()
        self.init(file: path, title: score.metadata.title ?? score.metadata.movementTitle, parts: score.parts.count,
                  staves: score.parts.reduce(0) { $0 + $1.staves.count },
                  measures: score.parts.first?.measureCount ?? 0,
                  notes: events.reduce(0) { $0 + $1.event.pitches.count },
                  chords: events.filter { $0.event.pitches.count > 1 }.count,
                  keys: keys, meters: meters, tempo: tempo, key: estimate?.key.description,
                  keyCorrelation: estimate.map { ($0.correlation * 10_000).rounded() / 10_000 },
                  length: score.length.description)
    }
}
