/// Writing chord symbols as `<harmony>`.
extension MusicXMLTextBuilder {
    /// The `<harmony>` element of a chord symbol, children in the XSD's order: root (or
    /// function), kind, inversion, bass, degrees, offset, staff. `offset` is in divisions.
    static func harmonyXML(_ symbol: ChordSymbol, offset: Int?, staff: Int?) -> String {
        func note(_ pitch: SpelledPitchClass, _ prefix: String) -> String {
            "<\(prefix)-step>\(pitch.step)</\(prefix)-step>" + (pitch.alter != 0 ? "<\(prefix)-alter>\(pitch.alter)</\(prefix)-alter>" : "")
        }
        var text = "<harmony>"
        if let root = symbol.root {
            text += "<root>\(note(root, "root"))</root>"
        } else if let function = symbol.function {
            text += "<function>\(escape(function))</function>"
        } else {
            // MusicXML needs a root even for "no chord"; an empty text keeps it from printing.
            text += "<root><root-step text=\"\">C</root-step></root>"
        }
        var kindText = symbol.text
        if symbol.kind == .none && kindText == nil { kindText = "N.C." }
        text += "<kind" + (kindText.map { " text=\"\(escape($0))\"" } ?? "") + ">\(symbol.kind.rawValue)</kind>"
        if let inversion = symbol.inversion, inversion >= 0 { text += "<inversion>\(inversion)</inversion>" }
        if let bass = symbol.bass { text += "<bass>\(note(bass, "bass"))</bass>" }
        for degree in symbol.degrees where degree.value > 0 {
            text += "<degree><degree-value>\(degree.value)</degree-value><degree-alter>\(degree.alter)</degree-alter>"
                + "<degree-type>\(degree.operation.rawValue)</degree-type></degree>"
        }
        if let offset { text += "<offset>\(offset)</offset>" }
        if let staff { text += "<staff>\(staff)</staff>" }
        return text + "</harmony>"
    }
}

/// Writing playback marks as `<sound>`.
extension MusicXMLTextBuilder {
    /// A `<sound>` element carrying the marks as attributes.
    static func soundXML(_ playback: Playback) -> String {
        var text = "<sound"
        func attribute(_ name: String, _ value: String?) {
            if let value { text += " \(name)=\"\(escape(value))\"" }
        }
        attribute("segno", playback.segno)
        attribute("dalsegno", playback.dalSegno)
        attribute("dacapo", playback.daCapo ? "yes" : nil)
        attribute("tocoda", playback.toCoda)
        attribute("coda", playback.coda)
        attribute("fine", playback.fine ? "yes" : nil)
        return text + "/>"
    }
}
