/// A key profile: how strongly each scale degree (semitones above the tonic) belongs to a
/// major and to a minor key, the templates of Krumhansl–Schmuckler key finding.
///
/// The numbers are the published profiles as music21 (`music21.analysis.discrete`) uses them,
/// so that estimates match music21's `analyze('key')` and its named variants.
public enum KeyProfile: String, Sendable, Hashable, Codable, CaseIterable {
    /// Krumhansl and Kessler's probe-tone ratings (1982); music21's `KrumhanslSchmuckler`.
    case krumhanslKessler
    /// Aarden's Essen-folksong distributions (2003); music21's `AardenEssen`, the default of
    /// `analyze('key')`.
    case aardenEssen
    /// Temperley's corpus profile from the Kostka–Payne textbook (2007); music21's
    /// `TemperleyKostkaPayne`.
    case temperleyKostkaPayne
    /// Bellman and Budge's profiles from Budge's chord-frequency counts (2005); music21's
    /// `BellmanBudge`.
    case bellmanBudge
    /// The simple 2/1/0 weights of Sapp; music21's `SimpleWeights`.
    case simple

    /// The profile music21 uses for `analyze('key')`.
    public static let `default` = KeyProfile.aardenEssen

    /// Weights of the twelve degrees of a major key, tonic first.
    public var major: [Double] {
        switch self {
        case .krumhanslKessler:
            return [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
        case .aardenEssen:
            return [17.7661, 0.145624, 14.9265, 0.160186, 19.8049, 11.3587,
                    0.291248, 22.062, 0.145624, 8.15494, 0.232998, 4.95122]
        case .temperleyKostkaPayne:
            return [0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400]
        case .bellmanBudge:
            return [16.80, 0.86, 12.95, 1.41, 13.49, 11.93, 1.25, 20.28, 1.80, 8.04, 0.62, 10.57]
        case .simple:
            return [2, 0, 1, 0, 1, 1, 0, 2, 0, 1, 0, 1]
        }
    }

    /// Weights of the twelve degrees of a minor key, tonic first.
    public var minor: [Double] {
        switch self {
        case .krumhanslKessler:
            return [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]
        case .aardenEssen:
            return [18.2648, 0.737619, 14.0499, 16.8599, 0.702494, 14.4362,
                    0.702494, 18.6161, 4.56621, 1.93186, 7.37619, 1.75623]
        case .temperleyKostkaPayne:
            return [0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330]
        case .bellmanBudge:
            return [18.16, 0.69, 12.99, 13.34, 1.07, 11.15, 1.38, 21.07, 7.49, 1.53, 0.92, 10.21]
        case .simple:
            return [2, 0, 1, 1, 0, 1, 0, 2, 1, 0, 0.5, 0.5]
        }
    }

    /// The weights for a mode (`.major` or `.minor`; church modes use the major profile).
    public func weights(for mode: Mode) -> [Double] { mode == .minor ? minor : major }

    /// Parses a profile name: the case name or music21's identifier (`"aarden"`,
    /// `"krumhansl"`, `"temperley"`, `"bellman"`, `"simple"`).
    public init?(name: String) {
        switch name.lowercased() {
        case "krumhanslkessler", "krumhansl", "krumhansl-schmuckler", "krumhanslschmuckler", "kk":
            self = .krumhanslKessler
        case "aardenessen", "aarden", "aarden-essen", "essen", "key":
            self = .aardenEssen
        case "temperleykostkapayne", "temperley", "kostka", "payne", "temperley-kostka-payne":
            self = .temperleyKostkaPayne
        case "bellmanbudge", "bellman", "budge", "bellman-budge":
            self = .bellmanBudge
        case "simple", "simpleweights", "simple-weight":
            self = .simple
        default:
            return nil
        }
    }
}
