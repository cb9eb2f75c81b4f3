import Foundation
import Testing
@testable import Notation
import TestSupport

/// A performance made directly from notes, independent of the reader and the writer.
func performance(_ notes: [(track: Int, pitch: UInt8, on: Int, off: Int)], meta: [(tick: Int, MIDIMetaEvent)] = [],
                 ticksPerQuarter: Int = 480) -> MIDIFile {
    var conductor = meta.map { MIDITrackEvent(tick: $0.tick, message: .meta($0.1)) }
    let trackCount = (notes.map(\.track).max() ?? 0)
    var tracks = [MIDITrack](repeating: MIDITrack(), count: trackCount + 1)
    var events = [[MIDITrackEvent]](repeating: [], count: trackCount + 1)
    for note in notes {
        events[note.track].append(.init(tick: note.on, message: .noteOn(channel: 0, key: note.pitch, velocity: 64)))
        events[note.track].append(.init(tick: note.off, message: .noteOff(channel: 0, key: note.pitch, velocity: 0)))
    }
    for index in 1..<events.count {
        tracks[index].events = events[index].enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }.map(\.element)
        tracks[index].events.append(.init(tick: tracks[index].endTick, message: .meta(.endOfTrack)))
    }
    conductor.append(.init(tick: 0, message: .meta(.endOfTrack)))
    tracks[0].events = conductor
    return MIDIFile(format: .simultaneous, division: .ticksPerQuarter(ticksPerQuarter), tracks: tracks)
}

/// (staff, voice, offset, pitch names) of every note and chord.
func summary(_ score: Score) -> [(staff: Int, voice: String, offset: Rational, length: Rational, pitches: [String])] {
    score.notesAndChords.map { ($0.staff, $0.voice, $0.offset, $0.event.quarterLength, $0.event.pitches.map(\.name)) }
}

@Suite("Quantizer")
struct QuantizerTests {
    @Test("onsets snap to sixteenths or eighth triplets, whichever is nearer; the finer grid wins ties")
    func grid() throws {
        let file = performance([(1, 72, 0, 110), (1, 72, 130, 300), (1, 72, 310, 470), (1, 72, 475, 950)])
        let result = try Quantizer().score(from: file)
        let notes = summary(result.score).filter { $0.staff == 1 }
        // 130/480 = 0.271 → 1/4; 310/480 = 0.646 → 2/3 (error 0.021 < 0.104); 475/480 → 1.
        // Ends snap to the grids of their onset: 110 → 1/4; 300 (0.625, halfway on the sixteenth
        // grid) → 1/2, and is not held to 2/3 (5/12 is no whole number of steps); 470 → 1; 950 → 2.
        #expect(notes.map(\.length) == [Rational(1, 4), Rational(1, 4), Rational(1, 3), 1])
        #expect(notes.map(\.offset) == [0, Rational(1, 4), Rational(2, 3), 1])
        #expect(result.report.notesExtended == 0)
        // A note released at 0.3 (nearest point 1/3) before an onset at 1/2 is held to it, not
        // followed by a 1/6 rest.
        let short = try Quantizer().score(from: performance([(1, 72, 0, 144), (1, 74, 240, 480)]))
        #expect(summary(short.score).filter { $0.staff == 1 }.map(\.length) == [Rational(1, 2), Rational(1, 2)])
        #expect(short.report.notesExtended == 1)
        let grid = Quantizer.Grid(ticksPerQuarter: 480, divisors: [4, 3])
        #expect(grid.snap(140) == Rational(1, 4))   // 0.2917: 1/24 from both 1/4 and 1/3 → 1/4
        #expect(grid.snap(60) == 0)                  // halfway between 0 and 1/4 rounds down, as music21
        #expect(result.report.notesIn == 4)
        #expect(result.report.tripletOnsets == 1)
        #expect(abs(result.report.maximumOnsetDisplacement - (2.0 / 3.0 - 310.0 / 480.0)) < 1e-12)
    }

    @Test("without triplets everything lands on sixteenths")
    func noTriplets() throws {
        let file = performance([(1, 72, 0, 110), (1, 72, 310, 470)])
        let score = try Quantizer(options: .init(allowsTriplets: false)).score(from: file).score
        #expect(summary(score).filter { $0.staff == 1 }.map(\.offset) == [0, Rational(3, 4)])
        #expect(Quantizer.Options(divisors: [4, 3, 6], allowsTriplets: false).effectiveDivisors == [4])
    }

    @Test("music21's grouping: onsets within the chord window join a chord at the first onset")
    func chordWindow() throws {
        let file = performance([(1, 72, 0, 480), (1, 76, 100, 480), (1, 79, 130, 480)])
        // By default the notes are rolled (100 and 130 ticks apart, more than 1/16 of a quarter):
        // each keeps its own grid point, 0, 1/4 and 1/4.
        let rolled = summary(try Quantizer().score(from: file).score).filter { $0.staff == 1 }
        #expect(rolled.map(\.pitches) == [["C5"], ["E5", "G5"]])
        #expect(rolled.map(\.offset) == [0, Rational(1, 4)])
        let score = try Quantizer(options: .init(keepsArpeggios: false)).score(from: file).score
        let staff1 = summary(score).filter { $0.staff == 1 }
        #expect(staff1.map(\.pitches) == [["C5", "E5"], ["G5"]])
        #expect(staff1.map(\.offset) == [0, Rational(1, 4)])
        // A wider window (two sixteenths) takes in the third note too.
        let wide = try Quantizer(options: .init(chordWindow: 2, keepsArpeggios: false)).score(from: file).score
        #expect(summary(wide).filter { $0.staff == 1 }.map(\.pitches) == [["C5", "E5", "G5"]])
    }

    @Test("two tracks become one piano part, higher hand on top; one track is split at middle C")
    func staves() throws {
        let twoTracks = performance([(1, 40, 0, 480), (2, 76, 0, 480)])
        let score = try Quantizer().score(from: twoTracks).score
        #expect(score.parts.count == 1)
        #expect(score.parts[0].staves.map(\.clef) == [.treble, .bass])
        #expect(summary(score).map(\.staff) == [1, 2])
        #expect(summary(score).map(\.pitches) == [["E5"], ["E2"]])

        // Two tracks with different programs (violin and cello) are two parts.
        var duo = performance([(1, 76, 0, 480), (2, 40, 0, 480)])
        duo.tracks[1].events.insert(.init(tick: 0, message: .programChange(channel: 0, program: 40)), at: 0)
        duo.tracks[2].events.insert(.init(tick: 0, message: .programChange(channel: 0, program: 42)), at: 0)
        let parts = try Quantizer().score(from: duo).score.parts
        #expect(parts.map(\.instrument.midiProgram) == [40, 42])
        #expect(parts.map { $0.staves.count } == [1, 1])

        // Three piano tracks: named hands win over pitch ("Piano right Main" lies low but is a
        // right-hand track); an unnamed track goes by its mean pitch.
        var three = performance([(1, 76, 0, 480), (2, 55, 0, 480), (3, 43, 0, 480), (4, 64, 0, 480)])
        three.tracks[1].events.insert(.init(tick: 0, message: .meta(.trackName("Piano right"))), at: 0)
        three.tracks[2].events.insert(.init(tick: 0, message: .meta(.trackName("Piano right Main"))), at: 0)
        three.tracks[3].events.insert(.init(tick: 0, message: .meta(.trackName("Piano left"))), at: 0)
        let merged = try Quantizer().score(from: three).score
        #expect(merged.parts.count == 1)
        #expect(summary(merged).map(\.staff) == [1, 2])
        #expect(summary(merged).map(\.pitches) == [["G3", "E4", "E5"], ["G2"]])

        // One track needing two staves (over two octaves, both sides of middle C well used).
        let oneTrack = performance([(1, 59, 0, 480), (1, 60, 0, 480), (1, 40, 480, 960), (1, 72, 480, 960)])
        let middleC = Quantizer.Options(handSeparation: .splitPoint(Pitch(.C, octave: 4)))
        let split = try Quantizer(options: middleC).score(from: oneTrack).score
        #expect(split.parts.count == 1)
        #expect(summary(split).map(\.staff) == [1, 1, 2, 2])
        #expect(summary(split).map(\.pitches) == [["C4"], ["C5"], ["B3"], ["E2"]])
        let higherSplit = try Quantizer(options: .init(splitPitch: 59, handSeparation: .splitPoint(Pitch(.B, octave: 3)))).score(from: oneTrack).score
        #expect(summary(higherSplit).map(\.pitches) == [["B3", "C4"], ["C5"], ["E2"]])
        // A melody in one track stays one staff.
        let melody = try Quantizer().score(from: performance([(1, 59, 0, 480), (1, 60, 480, 960)])).score
        #expect(melody.parts[0].staves.count == 1)
    }

    @Test("pitches are spelled in the file's key, or in an estimated key")
    func spelling() throws {
        let scale: [UInt8] = [68, 70, 72, 73, 75, 77, 79]  // A♭ major scale
        var notes: [(track: Int, pitch: UInt8, on: Int, off: Int)] = []
        for (i, p) in scale.enumerated() { notes.append((1, p, i * 480, i * 480 + 480)) }
        let withSignature = performance(notes, meta: [(0, .keySignature(fifths: -4, minor: false))])
        let flats = try Quantizer().score(from: withSignature).score
        #expect(summary(flats).flatMap(\.pitches) == ["Ab4", "Bb4", "C5", "Db5", "Eb5", "F5", "G5"])
        #expect(flats.parts[0].staves[0].measures[0].key == (Key("Ab major")))
        // No key signature: the histogram finds A♭ major.
        let estimated = try Quantizer().score(from: performance(notes)).score
        #expect(summary(estimated).flatMap(\.pitches).contains("Db5"))
        // A major: the same key number is C♯.
        let aMajor = performance([(1, 61, 0, 480)], meta: [(0, .keySignature(fifths: 3, minor: false))])
        let sharps = try Quantizer().score(from: aMajor).score
        #expect(summary(sharps).flatMap(\.pitches) == ["C#4"])

        #expect(PitchSpeller(key: Key("Ab major")).spell(61).name == "Db4")
        #expect(PitchSpeller(key: Key("A major")).spell(61).name == "C#4")
        #expect(PitchSpeller(key: Key("D minor")).spell(73).name == "C#5")   // leading tone
        #expect(PitchSpeller(key: Key("A minor")).spell(68).name == "G#4")
        #expect(PitchSpeller(key: Key("C major")).spell(70).name == "Bb4")
        #expect(PitchSpeller(key: Key("C# major")).spell(60).name == "B#3")
    }

    @Test("rests fill gaps and bars follow the file's time signature")
    func restsAndMeter() throws {
        let file = performance([(1, 72, 480, 960), (1, 74, 1200, 2400)], meta: [(0, .timeSignature(numerator: 3, denominatorPower: 2, clocksPerClick: 24, thirtySecondsPerQuarter: 8))])
        let score = try Quantizer().score(from: file).score
        let staff = score.parts[0].staves[0]
        #expect(staff.measures.map(\.length) == [3, 3])
        #expect(staff.measures.map(\.number) == [1, 2])
        #expect(staff.measures[0].timeSignature == TimeSignature(3, 4))
        #expect(staff.measures.allSatisfy { $0.isComplete })
        let first = staff.measures[0].voices[0].elements.map { $0.event.isRest ? "r" : $0.event.pitches[0].name }
        #expect(first == ["r", "C5", "r", "D5"])
        // The second note (beats 2.5–5) crosses the barline: tied.
        let ties = score.notesAndChords.filter { $0.staff == 1 }.map(\.event.tie)
        #expect(ties == [nil, .start, .stop])
    }

    @Test("overlapping notes open a second voice; small legato overlaps are cut instead")
    func voices() throws {
        // A whole-note C5 against four quarter E4s in one hand (same track, all above middle C).
        let file = performance([(1, 72, 0, 1920), (1, 64, 0, 480), (1, 64, 480, 960), (1, 64, 960, 1440), (1, 64, 1440, 1920)])
        let score = try Quantizer(options: .init(splitPitch: 0)).score(from: file).score
        let notes = summary(score)
        #expect(notes.filter { $0.voice == "1" }.map(\.pitches) == [["C5"]])
        #expect(notes.filter { $0.voice == "2" }.count == 4)
        #expect(score.parts[0].staves[0].measures[0].isComplete)

        // Legato: the first note is held a sixteenth into the second.
        let legato = performance([(1, 72, 0, 600), (1, 74, 480, 960)])
        let result = try Quantizer().score(from: legato)
        #expect(summary(result.score).filter { $0.staff == 1 }.map(\.voice) == ["1", "1"])
        #expect(summary(result.score).filter { $0.staff == 1 }.map(\.length) == [1, 1])
        #expect(result.report.notesShortened == 1)
    }

    @Test("the Chopin prelude becomes complete two-staff measures with every note",
          .requires(shared: "corpus/piano-midi/chopin/chpn-p20.mid"))
    func chopin() throws {
        let file = try MIDIReader().read(contentsOf: SharedData.url("corpus/piano-midi/chopin/chpn-p20.mid"))
        let result = try Quantizer().score(from: file)
        let score = result.score
        #expect(score.parts.count == 1)
        #expect(score.parts[0].staves.count == 2)
        #expect(score.parts[0].staves.allSatisfy { $0.measures.allSatisfy { m in m.isComplete } })
        #expect(score.parts[0].staves[0].measures.count == 13)  // 13 bars of 4/4
        // The file's signature says E♭ major; the notes say C minor.
        #expect(score.parts[0].staves[0].measures[0].key == (Key("C minor")))
        #expect(score.notesAndChords.contains { $0.event.pitches.map(\.name).contains("B3") })
        let sounding = score.notesAndChords.filter { $0.event.tie == nil || $0.event.tie == .start }
        #expect(sounding.reduce(0) { $0 + $1.event.pitches.count } == file.notes.count)
        #expect(result.report.notesOut == file.notes.count)
        #expect(result.report.maximumOnsetDisplacement <= 1.0 / 6.0)
    }

    @Test("every Chopin file: complete bars on every staff, every note of the file sounds once",
          .requires(shared: "corpus/piano-midi/chopin"))
    func wholeChopinCorpus() throws {
        let directory = SharedData.url("corpus/piano-midi/chopin")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        var files = 0
        for name in names.sorted() where name.hasSuffix(".mid") {
            let file = try MIDIReader().read(contentsOf: directory.appendingPathComponent(name))
            let score = try Quantizer().score(from: file).score
            let incomplete = score.parts.flatMap(\.staves).flatMap(\.measures).filter { !$0.isComplete }.count
            #expect(incomplete == 0, "\(name): \(incomplete) incomplete bars")
            let counts = score.parts.map { $0.staves.map(\.measures.count) }
            #expect(Set(counts.flatMap { $0 }).count == 1, "\(name): staves differ in bar count")
            let sounding = score.notesAndChords.filter { $0.event.tie == nil || $0.event.tie == .start }
            #expect(sounding.reduce(0) { $0 + $1.event.pitches.count } == file.notes.count, "\(name)")
            files += 1
        }
        #expect(files == 48)
    }

    @Test("absurd lengths are refused; an empty file gives an empty score")
    func robustness() throws {
        let far = performance([(1, 60, 0, 480), (1, 62, 1 << 40, (1 << 40) + 480)])
        #expect(throws: MIDIError.self) { try Quantizer().score(from: far) }
        #expect(try Quantizer().score(from: MIDIFile()).score.parts.isEmpty)
    }

    @Test("damaged corpus files quantize without crashing, into complete bars",
          .requires(shared: "corpus/piano-midi/chopin/chpn-p7.mid"))
    func damagedCorpusFile() throws {
        let bytes = [UInt8](try Data(contentsOf: SharedData.url("corpus/piano-midi/chopin/chpn-p7.mid")))
        var quantized = 0
        for cut in stride(from: 20, to: bytes.count, by: max(1, bytes.count / 40)) {
            var damaged = Array(bytes[..<cut])
            if cut % 2 == 0, damaged.count > 30 { damaged[damaged.count / 2] ^= 0x5A }
            guard let file = try? MIDIReader().read(damaged) else { continue }
            let score = try Quantizer().score(from: file).score
            #expect(score.parts.allSatisfy { $0.staves.allSatisfy { $0.measures.allSatisfy { m in m.isComplete } } })
            quantized += 1
        }
        // The lenient reader keeps what it can of a damaged file, so most of them get this far.
        #expect(quantized > 0)
    }

    @Test("sustain pedal presses become pedal marks under the lowest staff, and are written back")
    func pedal() throws {
        var file = performance([(1, 72, 0, 1920), (2, 48, 0, 1920)])
        let pedal: [(Int, UInt8)] = [(10, 127), (470, 0), (490, 127), (1000, 0), (1005, 127), (1010, 0), (1500, 127), (1900, 0)]
        file.tracks.append(MIDITrack(events: pedal.map { .init(tick: $0.0, message: .controlChange(channel: 0, controller: 64, value: $0.1)) }
                                     + [.init(tick: 1900, message: .meta(.endOfTrack))]))
        let score = try Quantizer().score(from: file).score
        let lower = score.parts[0].staves[1].measures[0].directions
        let marks = lower.compactMap { d -> String? in if case .pedal(let m) = d.kind { return "\(d.offset) \(m.type.rawValue)" } else { return nil } }
        // Down at 0; up and down again at 1 (470, 490 → 1): a change; up at 1000 (→ 2), and the
        // press at 1005–1010 is shorter than the grid: no mark of its own; down at 1500 (3.125,
        // halfway, rounds down to 3); up at 1900 (→ 4, the end of the only bar).
        #expect(marks == ["0 start", "1 change", "2 stop", "3 start", "4 stop"])
        #expect(lower.allSatisfy { $0.staff == 2 })
        #expect(score.parts[0].staves[0].measures[0].directions.allSatisfy { if case .pedal = $0.kind { false } else { true } })
        let written = MIDIWriter().file(from: score)
        let presses = written.tracks[2].events.compactMap { $0.message.sustainPedal }
        #expect(presses == [true, false, true, false, true, false])
    }

    @Test("time-signature and key changes start bars and are written where they start")
    func meterAndKeyChanges() throws {
        let ts = { (n: UInt8, p: UInt8) in MIDIMetaEvent.timeSignature(numerator: n, denominatorPower: p, clocksPerClick: 24, thirtySecondsPerQuarter: 8) }
        // 4/4 at 0; 3/4 at quarter 4 (a barline); 6/8 at quarter 8.5, inside the second 3/4 bar,
        // which therefore ends early. C major notes, then a D major signature at quarter 7 and
        // D major notes.
        let notes: [(track: Int, pitch: UInt8, on: Int, off: Int)] = [(1, 60, 0, 960), (1, 64, 960, 1920), (1, 67, 1920, 3360),
                                                                     (1, 62, 3360, 4080), (1, 66, 4080, 4800), (1, 69, 4800, 5520)]
        let file = performance(notes, meta: [(0, ts(4, 2)), (1920, ts(3, 2)), (4080, ts(6, 3)),
                                             (3360, .keySignature(fifths: 2, minor: false))])
        let staff = try Quantizer().score(from: file).score.parts[0].staves[0]
        #expect(staff.measures.map(\.length) == [4, 3, Rational(3, 2), 3])
        #expect(staff.measures.map { $0.timeSignature?.description } == ["4/4", "3/4", nil, "6/8"])
        // The opening key is estimated from the notes before the first signature (C major); D
        // major is written in the bar that starts at quarter 7 (4 + 3).
        #expect(staff.measures.map { $0.key?.description } == ["C major", nil, "D major", nil])
        let pitches = try Quantizer().score(from: file).score.notesAndChords.filter { $0.staff == 1 }.flatMap { $0.event.pitches.map(\.name) }
        #expect(pitches.contains("F#4"))
        // Written and read back (now with a signature at the start), the score is the same.
        let score = try Quantizer().score(from: file).score
        let again = try Quantizer().score(from: try MIDIReader().read(data: try MIDIWriter().data(for: score))).score
        #expect(again == score)
        #expect(staff.measures.allSatisfy { $0.isComplete })
    }
}
