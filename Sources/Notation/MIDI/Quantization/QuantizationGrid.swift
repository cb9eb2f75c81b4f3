extension Quantizer {
    /// Snaps tick positions to the nearest point of one of several grids, exactly.
    struct Grid: Sendable {
        let ticksPerQuarter: Int
        /// Finest first, so that it wins ties (as music21 prefers the smaller unit).
        let divisors: [Int]

        /// The nearest grid point to `tick`, in quarter notes. Halfway cases round down on each
        /// grid (as music21's `nearestMultiple`); between grids the smaller error wins, then the
        /// finer grid.
        func snap(_ tick: Int) -> Rational { snap(tick) { _ in true } }

        /// The nearest point to `tick` on the grids that `onset` lies on.
        func snap(_ tick: Int, onGridOf onset: Rational) -> Rational {
            // A grid d holds the onset when d × onset is whole: the onset's denominator divides d.
            let denominator = onset.denominator
            if divisors.contains(where: { $0 % denominator == 0 }) { return snap(tick) { $0 % denominator == 0 } }
            return snap(tick)
        }

        private func snap(_ tick: Int, using: (Int) -> Bool) -> Rational {
            var bestK = 0, bestD = 1
            var bestError = -1, bestScale = 1  // error = bestError / (tpq * bestScale)
            for d in divisors where using(d) {
                // k/d nearest to tick/tpq: k = floor(tick*d/tpq), or +1 past the half.
                let scaled = tick * d
                var k = scaled >= 0 ? scaled / ticksPerQuarter : -((-scaled + ticksPerQuarter - 1) / ticksPerQuarter)
                let remainder = scaled - k * ticksPerQuarter
                if 2 * remainder > ticksPerQuarter { k += 1 }
                let error = abs(scaled - k * ticksPerQuarter)  // in units of 1/(tpq*d)
                // Compare error/(tpq*d) with bestError/(tpq*bestScale).
                if bestError < 0 || error * bestScale < bestError * d {
                    bestK = k; bestD = d; bestError = error; bestScale = d
                }
            }
            return Rational(bestK, bestD)
        }

        /// The smallest length a note at `offset` gets: one step of the finest grid it lies on.
        func step(at offset: Rational) -> Rational {
            for d in divisors where (offset * Rational(d)).isInteger { return Rational(1, d) }
            return Rational(1, divisors[0])
        }

        /// Whether a grid point lies only on a grid with a factor of three.
        func isTriplet(_ offset: Rational) -> Bool { offset.denominator % 3 == 0 }
    }

    /// Tempo, meter and key events of the whole file, on the quantization grid.
    struct ConductorInfo: Sendable {
        var meters: [(offset: Rational, timeSignature: TimeSignature)] = []
        var keys: [(offset: Rational, key: Key)] = []
        var firstTempo: Double?
        /// Tempo changes after the start, on the grid, in beats per minute rounded to 1/100 (as
        /// the metronome marks are written), each differing from the one before.
        var tempoChanges: [(offset: Rational, bpm: Double)] = []

        init(file: MIDIFile, grid: Grid) {
            var meterEvents: [(tick: Int, value: TimeSignature)] = []
            var keyEvents: [(tick: Int, value: Key)] = []
            var tempoEvents: [(tick: Int, value: Double)] = []
            var tempoTick = Int.max
            for track in file.tracks {
                for event in track.events {
                    guard case .meta(let meta) = event.message else { continue }
                    if let meter = meta.timeSignatureValue { meterEvents.append((event.tick, meter)) }
                    if let key = meta.keyValue { keyEvents.append((event.tick, key)) }
                    if let bpm = meta.beatsPerMinute {
                        tempoEvents.append((event.tick, (bpm * 100).rounded() / 100))
                        if event.tick < tempoTick {
                            tempoTick = event.tick
                            firstTempo = bpm
                        }
                    }
                }
            }
            var current = firstTempo.map { ($0 * 100).rounded() / 100 }
            for change in ConductorInfo.changes(tempoEvents, grid: grid) where change.offset > 0 && change.value != current {
                tempoChanges.append((change.offset, change.value))
                current = change.value
            }
            meters = ConductorInfo.changes(meterEvents, grid: grid).map { ($0.offset, $0.value) }
            keys = ConductorInfo.changes(keyEvents, grid: grid).map { ($0.offset, $0.value) }
        }

        /// Sorted, one per grid point (the last one read wins), repeats of the same value dropped.
        static func changes<T: Equatable>(_ events: [(tick: Int, value: T)], grid: Grid) -> [(offset: Rational, value: T)] {
            let sorted = events.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }
            var result: [(offset: Rational, value: T)] = []
            for (_, event) in sorted {
                let offset = max(grid.snap(event.tick), .zero)
                if let last = result.last, last.offset == offset { result[result.count - 1].value = event.value; continue }
                result.append((offset, event.value))
            }
            var deduplicated: [(offset: Rational, value: T)] = []
            for change in result where deduplicated.last?.value != change.value { deduplicated.append(change) }
            return deduplicated
        }
    }
}
