extension Staff {
    /// The staff extended with whole-bar rests to `count` measures (unchanged if it already
    /// has that many). New bars take the length of the last bar's time signature.
    public func padded(toMeasureCount count: Int) -> Staff {
        guard measures.count < count else { return self }
        var result = self
        let meter = measures.last(where: { $0.timeSignature != nil })?.timeSignature ?? .commonTime
        var number = (measures.last?.number ?? 0) + 1
        while result.measures.count < count {
            let rests = Duration.decompose(meter.barLength).map { Event.rest(Rest($0)) }
            result.measures.append(Measure(number: number, length: meter.barLength, voices: [Voice(id: "1", sequence: rests)]))
            number += 1
        }
        return result
    }
}

extension Score {
    /// The score with every staff of every part padded with rest bars to the same number of
    /// measures — the longest staff's — so parts and staves end together.
    public func balanced() -> Score {
        let count = parts.flatMap(\.staves).map(\.measures.count).max() ?? 0
        var result = self
        for p in result.parts.indices {
            for s in result.parts[p].staves.indices {
                result.parts[p].staves[s] = result.parts[p].staves[s].padded(toMeasureCount: count)
            }
        }
        return result
    }
}
