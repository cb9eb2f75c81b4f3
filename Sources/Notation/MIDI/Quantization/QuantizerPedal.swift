extension Quantizer {
    /// Sustain-pedal marks from controller 64 of every track, on the grid: `"start"` where the
    /// pedal goes down, `"stop"` where it comes up, `"change"` where it comes up and goes down
    /// again at one grid point. A press shorter than the grid (down and up at one point) leaves
    /// no mark.
    static func pedalMarks(_ file: MIDIFile, grid: Grid) -> [(offset: Rational, mark: String)] {
        var changes: [(tick: Int, order: Int, down: Bool)] = []
        for track in file.tracks {
            for event in track.events {
                if let down = event.message.sustainPedal { changes.append((event.tick, changes.count, down)) }
            }
        }
        changes.sort { ($0.tick, $0.order) < ($1.tick, $1.order) }
        var marks: [(offset: Rational, mark: String)] = []
        var isDown = false
        var index = 0
        while index < changes.count {
            let offset = max(grid.snap(changes[index].tick), .zero)
            let wasDown = isDown
            var lifted = false
            while index < changes.count && max(grid.snap(changes[index].tick), .zero) == offset {
                if changes[index].down != isDown {
                    isDown = changes[index].down
                    if !isDown { lifted = true }
                }
                index += 1
            }
            switch (wasDown, isDown) {
            case (false, true): marks.append((offset, "start"))
            case (true, false): marks.append((offset, "stop"))
            case (true, true) where lifted: marks.append((offset, "change"))
            default: break
            }
        }
        return marks
    }

    /// Puts pedal marks into a staff's bars as directions for staff `number`.
    static func addPedalMarks(_ marks: [(offset: Rational, mark: String)], to staff: inout Staff, number: Int) {
        let offsets = staff.measureOffsets
        var bar = 0
        for mark in marks {
            while bar + 1 < offsets.count && offsets[bar + 1] <= mark.offset { bar += 1 }
            guard bar < staff.measures.count else { return }
            staff.measures[bar].directions.append(Direction(offset: mark.offset - offsets[bar], staff: number,
                                                            kind: .pedal(Pedal(Pedal.Kind(rawValue: mark.mark) ?? .stop))))
        }
    }
}
