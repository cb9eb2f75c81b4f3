/// Prepared pieces with their vocabularies: everything training needs (steps 7 and 8).
public struct PreparedCorpus: Sendable {
    /// The settings used.
    public var options: PreprocessingOptions
    /// The pieces that were read.
    public var pieces: [PreparedPiece]
    /// The files that could not be read.
    public var failures: [CorpusFailure]

    /// Creates a prepared corpus.
    public init(options: PreprocessingOptions, pieces: [PreparedPiece], failures: [CorpusFailure] = []) {
        self.options = options
        self.pieces = pieces
        self.failures = failures
    }

    /// The pieces training learns from and the pieces it holds out (split by piece, seeded by
    /// `options.seed`), the training pieces with their copies in other keys when
    /// ``PreprocessingOptions/keyAugmentation`` asks for them (after their originals).
    public func split() -> (training: [PreparedPiece], validation: [PreparedPiece]) {
        split(augmented: true)
    }

    /// ``split()``, with the augmented copies only when `augmented`.
    func split(augmented: Bool) -> (training: [PreparedPiece], validation: [PreparedPiece]) {
        // The split shuffles piece indices, so splitting the indices splits the pieces alike.
        let indexed = pieces.indices.map { EncodedPiece(name: String($0), notes: [], durations: []) }
        let (trainingIndices, validationIndices) = SequenceDataset.splitByPiece(
            indexed, validationFraction: options.validationFraction, seed: options.seed)
        let training = trainingIndices.compactMap { Int($0.name) }.map { pieces[$0] }
        let validation = validationIndices.compactMap { Int($0.name) }.map { pieces[$0] }
        let shifts = KeyAugmentation.shifts(range: options.keyAugmentation)
        guard augmented, !shifts.isEmpty else { return (training, validation) }
        return (training + shifts.flatMap { shift in training.compactMap { $0.transposed(semitones: shift) } }, validation)
    }

    /// The duration-weighted pitch-class shares (``HarmonicBias/profile(of:)``) of the training
    /// pieces as read — no augmented copy, no held-out piece — by the mode of their original key
    /// (`"major"`, `"minor"`); a mode no piece is in is left out.
    public var pitchClassProfiles: [String: [Double]] {
        let originals = split(augmented: false).training
        var result: [String: [Double]] = [:]
        for (name, isMinor) in [("major", false), ("minor", true)] {
            let pieces = originals.filter { ($0.originalKey?.mode.isMinor ?? false) == isMinor }
            let profile = HarmonicBias.profile(of: pieces.flatMap { [$0.treble, $0.bass] })
            if profile.contains(where: { $0 > 0 }) { result[name] = profile }
        }
        return result
    }

    /// Each clef's ``RepetitionModel`` (by clef name) fitted to the training pieces as read —
    /// no augmented copy (a copy in another key repeats itself exactly as the original does),
    /// no held-out piece — token by token (note and duration labels); a clef without tokens is
    /// left out.
    public var repetitionModels: [String: RepetitionModel] {
        let originals = split(augmented: false).training
        var result: [String: RepetitionModel] = [:]
        for clef in [ClefStream.treble, .bass] {
            let sequences = originals.map { $0.tokens(clef) }.filter { !$0.isEmpty }
            guard !sequences.isEmpty else { continue }
            result[clef.rawValue] = RepetitionModel.fitted(to: sequences)
        }
        return result
    }

    /// Step 7, label encoding: the note/chord and duration vocabularies of one clef, over all
    /// pieces (and their copies in other keys, with ``PreprocessingOptions/keyAugmentation``),
    /// with labels rarer than `options.minimumLabelCount` folded into `<unk>`.
    public func vocabularies(_ clef: ClefStream) -> (notes: Vocabulary, durations: Vocabulary) {
        let all = options.keyAugmentation > 0 ? { let (t, v) = split(); return t + v }() : pieces
        let tokens = all.flatMap { $0.tokens(clef) }
        return (Vocabulary(counting: tokens.map(\.noteLabel), minimumCount: options.minimumLabelCount),
                Vocabulary(counting: tokens.map(\.durationLabel), minimumCount: options.minimumLabelCount))
    }

    /// Step 8, sequences: training and validation windows of one clef, split by piece.
    public func datasets(_ clef: ClefStream, notes: Vocabulary, durations: Vocabulary)
        -> (training: SequenceDataset, validation: SequenceDataset) {
        let (training, validation) = split()
        func encoded(_ pieces: [PreparedPiece]) -> [EncodedPiece] {
            pieces.map { EncodedPiece(name: $0.name, tokens: $0.tokens(clef), noteVocabulary: notes, durationVocabulary: durations) }
        }
        return (SequenceDataset(pieces: encoded(training), length: options.sequenceLength),
                SequenceDataset(pieces: encoded(validation), length: options.sequenceLength))
    }

    /// Training and validation streams of one clef for every-step training, split by piece as
    /// ``datasets(_:notes:durations:)`` splits them (same pieces held out), with each element's
    /// ``HandConditioning`` values when `conditioned`.
    public func streamDatasets(_ clef: ClefStream, notes: Vocabulary, durations: Vocabulary, conditioned: Bool)
        -> (training: StreamDataset, validation: StreamDataset) {
        let (training, validation) = split()
        func dataset(_ selected: [PreparedPiece]) -> StreamDataset {
            let encoded = selected.map {
                EncodedPiece(name: $0.name, tokens: $0.tokens(clef), noteVocabulary: notes, durationVocabulary: durations)
            }
            return conditioned
                ? StreamDataset(pieces: encoded, conditioning: selected.map { $0.conditioning(clef) },
                                width: HandConditioning.width, length: options.sequenceLength)
                : StreamDataset(pieces: encoded, length: options.sequenceLength)
        }
        return (dataset(training), dataset(validation))
    }

    /// A short report: pieces, tokens and vocabulary sizes per clef, as `recompose prepare`
    /// prints it.
    public var summary: String {
        var lines = ["pieces: \(pieces.count) (\(failures.count) unreadable)"]
        for clef in ClefStream.allCases {
            let s = statistics(clef)
            lines.append("\(clef.rawValue): \(s.elements) elements, \(s.noteLabels) note/chord labels, "
                         + "\(s.durationLabels) duration labels, \(s.trainingSequences) training and "
                         + "\(s.validationSequences) validation sequences of \(options.sequenceLength)")
        }
        return lines.joined(separator: "\n")
    }
}
