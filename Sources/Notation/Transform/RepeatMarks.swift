/// The repeat signs, endings, jumps and targets of a score, by bar index, and the order they
/// make the bars play in (see ``Score/unfolded()``).
struct RepeatMarks {
    var count: Int
    var forward: Set<Int> = []
    /// Bar index → how many times the section before its backward repeat is played.
    var backward: [Int: Int] = [:]
    /// Bar index where an ending starts → (its numbers, the bar index where it ends).
    var endings: [Int: (numbers: Set<Int>, end: Int)] = [:]
    var segnos: [Int] = [], codas: [Int] = [], toCodas: Set<Int> = [], fines: Set<Int> = []
    var daCapos: Set<Int> = [], dalSegnos: Set<Int> = []
    /// Bar numbers for messages.
    var names: [String]

    init(_ score: Score, count: Int) throws(NotationError) {
        self.count = count
        names = (0..<count).map { "measure \($0 + 1)" }
        var openEnding: (start: Int, numbers: Set<Int>)?
        var endingsByStaff: [Int: (numbers: Set<Int>, end: Int)]?
        for part in score.parts {
            for staff in part.staves {
                var mine: [Int: (numbers: Set<Int>, end: Int)] = [:]
                openEnding = nil
                for (i, m) in staff.measures.enumerated() {
                    names[i] = "measure \(m.label ?? String(m.number))"
                    for barline in m.barlines {
                        if barline.repeat == .forward { forward.insert(i) }
                        if barline.repeat == .backward { backward[i] = max(2, barline.times ?? 2) }
                        guard let ending = barline.ending else { continue }
                        if ending.type == "start" {
                            if let open = openEnding, open.start != i {
                                throw .invalidRepeat(names[open.start], "ending \(ending.number) starts before the ending begun here is closed")
                            }
                            let numbers = Set(ending.number.split { $0 == "," || $0 == " " }.compactMap { Int($0) })
                            openEnding = (i, numbers.isEmpty ? [1] : numbers)
                        } else if let open = openEnding {
                            mine[open.start] = (open.numbers, i)
                            openEnding = nil
                        } else if let back = m.barlines.first(where: { $0.repeat == .backward }) {
                            // A closing bracket whose start was lost (Mozart K. 458, Haydn op. 74
                            // no. 1 in the corpus): the bar that repeats is the ending of every
                            // pass but the last, whatever number the stray stop carries.
                            mine[i] = (Set(1..<max(2, back.times ?? 2)), i)
                        }
                    }
                    for d in m.directions { note(d.kind, at: i) }
                }
                if let open = openEnding {
                    throw .invalidRepeat(names[open.start], "ending \(open.numbers.sorted().map(String.init).joined(separator: ", ")) is never closed")
                }
                if endingsByStaff == nil || endingsByStaff!.isEmpty { endingsByStaff = mine }
            }
        }
        endings = endingsByStaff ?? [:]
        segnos.sort(); codas.sort()
    }

    /// Records a jump or target that a direction names.
    private mutating func note(_ kind: Direction.Kind, at i: Int) {
        switch kind {
        case .playback(let p):
            if p.daCapo { daCapos.insert(i) }
            if p.dalSegno != nil { dalSegnos.insert(i) }
            if p.fine { fines.insert(i) }
            if p.toCoda != nil { toCodas.insert(i) }
            if p.segno != nil, !segnos.contains(i) { segnos.append(i) }
            if p.coda != nil, !codas.contains(i) { codas.append(i) }
        case .segno:
            if !segnos.contains(i) { segnos.append(i) }
        case .coda:
            if !codas.contains(i) { codas.append(i) }
        case .words(let text):
            let t = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
            if t.hasPrefix("d.c.") || t.hasPrefix("da capo") { daCapos.insert(i) }
            else if t.hasPrefix("d.s.") || t.hasPrefix("dal segno") { dalSegnos.insert(i) }
            else if t == "fine" { fines.insert(i) }
            else if t.hasPrefix("to coda") || t == "al coda" { toCodas.insert(i) }
        default:
            break
        }
    }

    /// The bar indices in playing order.
    func playingOrder() throws(NotationError) -> [Int] {
        var order: [Int] = []
        var i = 0
        var repeatStart = 0
        var pass = 1
        var taken: [Int: Int] = [:]
        var jumped = false
        var jumpsDone: Set<Int> = []
        // Each bar can be played at most (its section's repeats) × (jumps + 1) times; a bound
        // well above that turns any mistake in these rules into an error instead of a hang.
        let limit = (count + 1) * ((backward.values.max() ?? 1) + 1) * (daCapos.count + dalSegnos.count + 2) * 4
        // Endings of one group: consecutive endings, the next starting right after one ends.
        var groupLast: [Int: Int] = [:]   // ending start → start of the group's last ending
        for start in endings.keys.sorted() where groupLast[start] == nil {
            var members = [start]
            while let last = members.last, let next = endings[last].map({ $0.end + 1 }), endings[next] != nil { members.append(next) }
            for m in members { groupLast[m] = members.last! }
        }
        while i < count {
            guard order.count < limit else { throw .invalidRepeat(names[i], "the repeats do not come to an end") }
            if let ending = endings[i] {
                let play = jumped ? groupLast[i] == i : ending.numbers.contains(pass)
                if !play {
                    // A pass no ending of the group names goes past the group.
                    let hasLater = !jumped && endings.contains { $0.key > i && $0.value.numbers.contains(pass) && groupLast[$0.key] == groupLast[i] }
                    if hasLater {
                        i = ending.end + 1
                    } else {
                        // Going past the whole group ends its repeat: without this a lone first
                        // ending (no second-ending bracket) left the pass at 2, and the next
                        // repeat's first ending was skipped, and with it that repeat.
                        i = endings[groupLast[i]!]!.end + 1
                        pass = 1
                        repeatStart = i
                    }
                    continue
                }
            }
            if forward.contains(i) && pass == 1 && !jumped { repeatStart = i }
            order.append(i)
            if let times = backward[i], !jumped {
                if taken[i, default: 0] < times - 1 {
                    taken[i, default: 0] += 1
                    pass += 1
                    i = repeatStart
                    continue
                }
                taken[i] = 0
                pass = 1
                repeatStart = i + 1
            } else if let (start, ending) = endings.first(where: { $0.value.end == i }), groupLast[start] == start || jumped {
                _ = ending
                pass = 1
                repeatStart = i + 1
            }
            if jumped && fines.contains(i) { break }
            if jumped && toCodas.contains(i) {
                guard let coda = codas.first(where: { $0 > i }) else {
                    throw .invalidRepeat(names[i], "To Coda with no coda after it")
                }
                i = coda
                continue
            }
            if daCapos.contains(i) && !jumpsDone.contains(i) {
                jumpsDone.insert(i)
                jumped = true
                i = 0
                continue
            }
            if dalSegnos.contains(i) && !jumpsDone.contains(i) {
                guard let segno = segnos.last(where: { $0 <= i }) ?? segnos.first else {
                    throw .invalidRepeat(names[i], "D.S. with no segno")
                }
                jumpsDone.insert(i)
                jumped = true
                i = segno
                continue
            }
            i += 1
        }
        return order
    }
}
