import Foundation

/// Reads MusicXML (`.musicxml`, `.xml`, compressed `.mxl`; score-partwise or score-timewise;
/// UTF-8 or UTF-16) into a ``Score``.
///
/// Parsing streams through libxml2's `xmlTextReader` with network access, DTD loading and
/// entity substitution off, so a DOCTYPE fetches nothing and an external entity is never read.
/// Offsets and measure lengths follow music21's reading of the same file: a measure takes
/// the time of its content's highest point, an empty measure takes the bar length.
///
/// ```swift
/// let score = try MusicXMLReader().read(contentsOf: URL(fileURLWithPath: "bwv66.6.mxl"))
/// let reading = try MusicXMLReader().readScore(contentsOf: url)
/// print(reading.skipped)    // ["credit", "defaults", …]
/// print(reading.warnings)   // [MusicXMLError] read past with an assumption
/// ```
public struct MusicXMLReader: ScoreReader {
    /// The bounds beyond which a file is refused.
    public var limits: Limits

    /// Creates a reader.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads a file; `.mxl` archives are recognised by content, not by name.
    public func read(contentsOf url: URL) throws(MusicXMLError) -> Score {
        try readScore(contentsOf: url).score
    }

    /// Reads MusicXML or `.mxl` bytes.
    public func read(data: Data, fileName: String = "<data>") throws(MusicXMLError) -> Score {
        try readScore(data: data, fileName: fileName).score
    }

    /// Reads a file and reports skipped elements and warnings.
    public func readScore(contentsOf url: URL) throws(MusicXMLError) -> MusicXMLDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw MusicXMLError(file: url.path, problem: .io("cannot read file"), cause: error)
        }
        return try readScore(data: data, fileName: url.path)
    }

    /// Reads bytes and reports skipped elements and warnings.
    public func readScore(data: Data, fileName: String = "<data>") throws(MusicXMLError) -> MusicXMLDocument {
        guard data.count <= limits.maximumFileSize else {
            throw MusicXMLError(file: fileName, problem: .limitExceeded(
                "\(data.count) bytes, more than the limit of \(limits.maximumFileSize)"))
        }
        var xml = data
        if MXLArchive.isArchive(data) {
            xml = try MXLArchive.rootDocument(in: data, file: fileName, maximumSize: limits.maximumFileSize)
        }
        let stream = try XMLStream(data: xml, file: fileName)
        var parser = ScoreParser(stream: stream, budget: MusicXMLBudget(limits: limits))
        return try parser.parse()
    }
}

/// Parses one document: header, part list and parts, into part builders, then assembles.
struct ScoreParser {
    let x: XMLStream
    var metadata = Metadata()
    var partOrder: [String] = []
    var partInfo: [String: PartInfo] = [:]
    var builders: [String: PartBuilder] = [:]
    var builderOrder: [String] = []
    var warnings: [MusicXMLError] = []
    var finale = false
    let budget: MusicXMLBudget

    struct PartInfo {
        var name: String?
        var abbreviation: String?
        var instrument = Instrument()
    }

    init(stream: XMLStream, budget: MusicXMLBudget) {
        x = stream
        self.budget = budget
    }

    mutating func parse() throws(MusicXMLError) -> MusicXMLDocument {
        try x.moveToRoot()
        let timewise: Bool
        switch x.tag {
        case .scorePartwise: timewise = false
        case .scoreTimewise: timewise = true
        default: throw x.error(.wrongRoot(x.name))
        }
        var measureIndex = 0
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .work: try parseWork()
            case .movementNumber: metadata.movementNumber = nonEmpty(try x.text())
            case .movementTitle: metadata.movementTitle = nonEmpty(try x.text())
            case .identification: try parseIdentification()
            case .partList: try parsePartList()
            case .defaults, .credit: try x.skip()
            case .part where !timewise:
                let builder = try builderFor(id: x.attribute("id"))
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    if tag == .measure {
                        try builder.parseMeasure(x, finale: finale)
                    } else {
                        try x.skipUnknown(in: "part")
                    }
                }
            case .measure where timewise:
                let number = x.attribute("number")
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    if tag == .part {
                        let builder = try builderFor(id: x.attribute("id"))
                        try builder.parseMeasure(x, finale: finale, number: number, index: measureIndex)
                    } else {
                        try x.skipUnknown(in: "measure")
                    }
                }
                measureIndex += 1
            default: try x.skipUnknown()
            }
        }
        // Parts in part-list order; parts missing from the list follow in document order.
        var ids = partOrder.filter { builders[$0] != nil }
        ids += builderOrder.filter { !ids.contains($0) }
        var parts: [Part] = []
        for id in ids {
            guard let builder = builders[id] else { continue }
            let info = partInfo[id] ?? PartInfo()
            var instrument = info.instrument
            if instrument.transposition == nil { instrument.transposition = builder.transposition }
            parts.append(Part(id: id, name: info.name, abbreviation: info.abbreviation, instrument: instrument,
                              staves: builder.assemble()))
            warnings += builder.warnings
        }
        return MusicXMLDocument(score: Score(metadata: metadata, parts: parts), warnings: warnings,
                                skipped: x.skipped.sorted())
    }

    private mutating func builderFor(id: String?) throws(MusicXMLError) -> PartBuilder {
        let key = id ?? "P\(builderOrder.count + 1)"
        if let existing = builders[key] { return existing }
        guard builders.count < budget.limits.maximumParts else {
            throw x.error(.limitExceeded("more than \(budget.limits.maximumParts) parts"))
        }
        let builder = PartBuilder(id: key, budget: budget)
        builders[key] = builder
        builderOrder.append(key)
        return builder
    }

    private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    private mutating func parseWork() throws(MusicXMLError) {
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .workNumber: metadata.workNumber = nonEmpty(try x.text())
            case .workTitle: metadata.title = nonEmpty(try x.text())
            default: try x.skipUnknown(in: "work")
            }
        }
    }

    private mutating func parseIdentification() throws(MusicXMLError) {
        try x.forEachChild { (tag) throws(MusicXMLError) in
            switch tag {
            case .creator:
                let role = x.attribute("type") ?? "creator"
                guard let value = nonEmpty(try x.text()) else { return }
                switch role {
                case "composer": metadata.composer = metadata.composer ?? value
                case "lyricist", "poet": metadata.lyricist = metadata.lyricist ?? value
                case "arranger": metadata.arranger = metadata.arranger ?? value
                default: metadata.extra[role] = value
                }
            case .rights:
                guard let value = nonEmpty(try x.text()) else { return }
                metadata.rights = metadata.rights.map { $0 + "\n" + value } ?? value
            case .encoding:
                var firstSoftware = true
                try x.forEachChild { (tag) throws(MusicXMLError) in
                    if tag == .software {
                        let text = try x.text()
                        guard !text.isEmpty else { return }
                        // music21 applies its Finale workarounds when the first software is Finale.
                        if firstSoftware && text.contains("Finale") { finale = true }
                        firstSoftware = false
                        if metadata.extra["software"] == nil { metadata.extra["software"] = text }
                    } else {
                        try x.skip()
                    }
                }
            case .source: metadata.extra["source"] = nonEmpty(try x.text())
            default: try x.skip()
            }
        }
    }

    private mutating func parsePartList() throws(MusicXMLError) {
        try x.forEachChild { (tag) throws(MusicXMLError) in
            guard tag == .scorePart else { try x.skip(); return }
            let id = x.attribute("id") ?? "P\(partOrder.count + 1)"
            var info = PartInfo()
            try x.forEachChild { (tag) throws(MusicXMLError) in
                switch tag {
                case .partName: info.name = nonEmpty(try x.text())
                case .partAbbreviation: info.abbreviation = nonEmpty(try x.text())
                case .scoreInstrument:
                    try x.forEachChild { (tag) throws(MusicXMLError) in
                        if tag == .instrumentName, info.instrument.name == nil {
                            info.instrument.name = nonEmpty(try x.text())
                        } else { try x.skip() }
                    }
                case .midiInstrument:
                    try x.forEachChild { (tag) throws(MusicXMLError) in
                        switch tag {
                        case .midiProgram:
                            if let p = try x.int(), (1...128).contains(p), info.instrument.midiProgram == nil {
                                info.instrument.midiProgram = p - 1
                            }
                        case .midiChannel:
                            if let c = try x.int(), (1...16).contains(c), info.instrument.midiChannel == nil {
                                info.instrument.midiChannel = c
                            }
                        default: try x.skip()
                        }
                    }
                default: try x.skip()
                }
            }
            if partInfo[id] == nil { partOrder.append(id) }
            partInfo[id] = info
        }
    }
}
