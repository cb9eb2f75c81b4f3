/// A mark that changes how a note is attacked or held.
///
/// Raw values are the MusicXML element names (`<articulations>` children, plus `fermata`).
public enum Articulation: String, Sendable, Hashable, Codable, CaseIterable {
    case accent, strongAccent = "strong-accent", staccato, tenuto, detachedLegato = "detached-legato"
    case staccatissimo, spiccato, scoop, plop, doit, falloff, breathMark = "breath-mark"
    case caesura, stress, unstress, softAccent = "soft-accent"
    /// An articulation MusicXML has no element for.
    case otherArticulation = "other-articulation"
    case fermata
}
