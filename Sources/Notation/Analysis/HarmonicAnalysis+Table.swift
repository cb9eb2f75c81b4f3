extension HarmonicAnalysis {
    /// A readable table: one line per sounding slice — measure, offset in the measure, key,
    /// figure of all pitches, the chord-tone figure with its non-chord tones when they differ,
    /// the pitches — followed by the slice's voice-leading findings and cadence.
    ///
    /// ```text
    /// m.1    0     G major  I        G2 D4 B4 G5
    /// m.1    1     G major  V6       F#3 D4 A4 A5
    /// m.1    3/2   G major  V65      F#3 C4 A4 D5   harmony V6, non-chord C4 · parallelFifth 1-3
    /// ```
    public var table: String {
        var findings: [Int: [String]] = [:]
        for finding in voiceLeading {
            findings[finding.slice, default: []].append("\(finding.kind.rawValue) \(finding.voices.map(String.init).joined(separator: "-"))")
        }
        for cadence in cadences {
            findings[cadence.slice, default: []].append("cadence \(cadence.kind.rawValue) in \(cadence.key)")
        }
        var lines: [String] = []
        var lastKey: Key?
        for (i, slice) in slices.enumerated() where !slice.pitches.isEmpty {
            if let key = slice.key, key != lastKey, lastKey != nil {
                lines.append("-- \(key) from m.\(slice.position.measureName)")
            }
            lastKey = slice.key ?? lastKey
            var notes: [String] = []
            if !slice.nonChordTones.isEmpty, let harmony = slice.harmony {
                notes.append("harmony \(harmony.figure), non-chord \(slice.nonChordTones.map(\.name).joined(separator: " "))")
            } else if !slice.isRecognisedChord {
                notes.append("no chord")
            }
            notes += findings[i] ?? []
            let columns = [
                pad("m.\(slice.position.measureName)", 6), pad(slice.position.offsetInMeasure.description, 5),
                pad(slice.key?.description ?? "", 9), pad(slice.roman?.figure ?? "-", 8),
                pad(slice.pitches.map(\.name).joined(separator: " "), 16),
            ]
            lines.append((columns.joined(separator: " ") + (notes.isEmpty ? "" : "  " + notes.joined(separator: " · ")))
                .trimmingTrailingSpaces)
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
