import CommandLineSupport
import Notation

/// One JSON line of `recompose analyze --json`: a key region, a chord, a voice-leading finding
/// or a cadence, with where it is.
struct AnalysisRecord: Encodable {
    var type: String
    var file: String
    var measure: Int
    /// From the measure's start, a reduced fraction (`"3/2"`).
    var offset: String
    /// From the start of the piece.
    var scoreOffset: String
    var key: String?
    var pitches: [String]?
    var roman: String?
    var harmony: String?
    var nonChordTones: [String]?
    var kind: String?
    var voices: [Int]?

    init(type: String, file: String, at slice: HarmonicSlice) {
        self.init(type: type, file: file, position: slice.position)
    }

    init(type: String, file: String, position: MeasurePosition) {
        self.type = type
        self.file = file
        measure = position.measureNumber
        offset = position.offsetInMeasure.description
        scoreOffset = position.offset.description
    }

    /// Every record of an analysis, in time order within each kind: key regions, chords,
    /// voice leading, cadences.
    static func records(of analysis: HarmonicAnalysis, file: String) -> [AnalysisRecord] {
        var records: [AnalysisRecord] = []
        for region in analysis.keyRegions {
            var r = AnalysisRecord(type: "key", file: file, position: region.position)
            r.key = region.key.description
            records.append(r)
        }
        for slice in analysis.slices where !slice.pitches.isEmpty {
            var r = AnalysisRecord(type: "chord", file: file, at: slice)
            r.key = slice.key?.description
            r.pitches = slice.pitches.map(\.name)
            r.roman = slice.roman?.figure
            r.harmony = slice.isRecognisedChord ? slice.harmony?.figure : nil
            r.nonChordTones = slice.nonChordTones.map(\.name)
            records.append(r)
        }
        for finding in analysis.voiceLeading {
            var r = AnalysisRecord(type: "voiceLeading", file: file, at: analysis.slices[finding.slice])
            r.kind = finding.kind.rawValue
            r.voices = finding.voices
            records.append(r)
        }
        for cadence in analysis.cadences {
            var r = AnalysisRecord(type: "cadence", file: file, at: analysis.slices[cadence.slice])
            r.kind = cadence.kind.rawValue
            r.key = cadence.key.description
            records.append(r)
        }
        return records
    }
}
