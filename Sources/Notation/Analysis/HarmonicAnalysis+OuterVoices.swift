extension HarmonicAnalysis {
    /// Parallel and hidden fifths and octaves, crossings aside, between the outer voices — the
    /// highest and lowest sounding pitch of each slice — for music whose voices are not written
    /// apart (a piano part, a generated piece). Judged as ``voiceLeading`` judges two voices,
    /// between consecutive slices that both sound at least two pitches; ``VoiceLeadingFinding/voices``
    /// is `[0, 1]` (top, bottom).
    public var outerVoiceLeading: [VoiceLeadingFinding] {
        var found: [VoiceLeadingFinding] = []
        var previous: (index: Int, top: Pitch, bottom: Pitch)?
        for (i, slice) in slices.enumerated() {
            guard slice.pitches.count >= 2, let top = slice.pitches.last, let bottom = slice.pitches.first else {
                previous = nil
                continue
            }
            if let p = previous, !(p.top == top && p.bottom == bottom) {
                let quartet = VoiceLeadingQuartet(upper: (p.top, top), lower: (p.bottom, bottom))
                for kind in quartet.findings where kind != .voiceCrossing && kind != .voiceOverlap {
                    found.append(VoiceLeadingFinding(kind: kind, voices: [0, 1], slice: i))
                }
            }
            previous = (i, top, bottom)
        }
        return found
    }
}
