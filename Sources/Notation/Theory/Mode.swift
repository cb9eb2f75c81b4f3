/// The mode of a key: major, minor, or one of the church modes.
public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
    case major, minor, ionian, dorian, phrygian, lydian, mixolydian, aeolian, locrian

    /// Fifths from the major key on the same tonic to this mode's signature: minor is 3 flats
    /// more than major (C minor has 3 flats), dorian 2, lydian one sharp more.
    public var fifthsFromMajor: Int {
        switch self {
        case .major, .ionian: return 0
        case .lydian: return 1
        case .mixolydian: return -1
        case .dorian: return -2
        case .minor, .aeolian: return -3
        case .phrygian: return -4
        case .locrian: return -5
        }
    }

    /// Whether the mode is minor in the major/minor sense: `.minor` or its church-mode name
    /// `.aeolian` (both natural minor, both relative to the major a minor third up).
    public var isMinor: Bool { self == .minor || self == .aeolian }

    /// Semitones of each scale degree above the tonic (natural minor for `.minor`).
    public var semitones: [Int] {
        let major = [0, 2, 4, 5, 7, 9, 11]
        let rotation: Int
        switch self {
        case .major, .ionian: rotation = 0
        case .dorian: rotation = 1
        case .phrygian: rotation = 2
        case .lydian: rotation = 3
        case .mixolydian: rotation = 4
        case .minor, .aeolian: rotation = 5
        case .locrian: rotation = 6
        }
        return (0..<7).map { (major[($0 + rotation) % 7] - major[rotation] + 12) % 12 }
    }
}
