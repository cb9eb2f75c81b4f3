/// Reading the playback attributes of `<sound>`.
extension PartBuilder {
    /// The jumps and targets a `<sound>` element's attributes name, or `nil` when it names none.
    static func playback(_ x: XMLStream) -> Playback? {
        let yes: (String?) -> Bool = { $0 == "yes" }
        let result = Playback(daCapo: yes(x.attribute("dacapo")), dalSegno: x.attribute("dalsegno"),
                              fine: x.attribute("fine") != nil, toCoda: x.attribute("tocoda"),
                              segno: x.attribute("segno"), coda: x.attribute("coda"))
        return result.isEmpty ? nil : result
    }
}
