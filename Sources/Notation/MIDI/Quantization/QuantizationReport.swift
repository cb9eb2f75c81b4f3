/// How far quantization moved a performance: what a user needs to judge the grid.
public struct QuantizationReport: Sendable, Hashable, CustomStringConvertible {
    /// Notes read from the file.
    public var notesIn: Int = 0
    /// Notes written to the score (before splitting at barlines; equals ``notesIn``).
    public var notesOut: Int = 0
    /// Chords made from notes with a common onset.
    public var chords: Int = 0
    /// Notes whose onset moved at all.
    public var onsetsMoved: Int = 0
    /// Mean onset displacement in quarter notes.
    public var meanOnsetDisplacement: Double = 0
    /// Largest onset displacement in quarter notes.
    public var maximumOnsetDisplacement: Double = 0
    /// Mean end displacement in quarter notes (before legato cuts).
    public var meanEndDisplacement: Double = 0
    /// Largest end displacement in quarter notes.
    public var maximumEndDisplacement: Double = 0
    /// Notes whose end fell on their onset and were given one grid step.
    public var notesLengthened: Int = 0
    /// Notes cut short where the next chord of their voice starts.
    public var notesShortened: Int = 0
    /// Notes held longer to close a gap shorter than the gap tolerance.
    public var notesExtended: Int = 0
    /// The most voices any staff needed.
    public var maximumVoices: Int = 0
    /// Onsets that landed on a triplet grid point (not on the sixteenth grid).
    public var tripletOnsets: Int = 0

    /// Creates an empty report.
    public init() {}

    /// A one-paragraph summary.
    public var description: String {
        func f(_ x: Double) -> String { String(Double(Int((x * 1000).rounded())) / 1000) }
        return "\(notesIn) notes → \(notesOut) notes in \(chords) chords; onsets moved: \(onsetsMoved) "
            + "(mean \(f(meanOnsetDisplacement)), max \(f(maximumOnsetDisplacement)) quarters); "
            + "ends moved mean \(f(meanEndDisplacement)), max \(f(maximumEndDisplacement)); "
            + "lengthened \(notesLengthened), shortened \(notesShortened), extended \(notesExtended); triplet onsets \(tripletOnsets); "
            + "up to \(maximumVoices) voices per staff"
    }
}
