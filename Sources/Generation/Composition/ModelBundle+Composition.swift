import Foundation
import Notation

extension ModelBundle {
    /// Composes a two-hand piano piece, as `recompose generate` does with these options.
    ///
    /// ```swift
    /// let model = try ModelBundle(contentsOf: URL(fileURLWithPath: "model"))
    /// let score = try model.compose(key: Key(.A, .minor), tempo: 60, bars: 16, seed: 2)
    /// try score.write(to: URL(fileURLWithPath: "piece.musicxml"))
    /// ```
    ///
    /// The same model and arguments always give the same piece. For the other settings
    /// (rhythm, top-k, temperature, a prompt, the title) see ``compose(_:)``.
    ///
    /// - Throws: as ``compose(_:)``.
    public func compose(key: Key = .cMajor, tempo: Double = 90, meter: TimeSignature = .commonTime, bars: Int = 32,
                        seed: UInt64 = 1) throws -> Score {
        try compose(CompositionOptions(key: key, tempo: tempo, meter: meter, bars: bars, seed: seed)).score
    }

    /// Composes a two-hand piano piece and returns it with the tokens sampled and the time taken.
    ///
    /// Both models are primed with ``CompositionOptions/prompt`` (by default a corpus window of
    /// the key's mode, chosen by the seed), sampled with ``PieceGenerator``, and the two token
    /// streams are barred into a score in the requested key by ``PieceAssembler``.
    ///
    /// ```swift
    /// var options = CompositionOptions(key: Key(.D, .major), meter: TimeSignature(3, 4), bars: 24, seed: 7)
    /// options.prompt = try model.prompt(contentsOf: URL(fileURLWithPath: "opening.mid"))
    /// let piece = try model.compose(options)
    /// print(piece.elementCount, "elements in", piece.seconds, "s")
    /// ```
    ///
    /// Generation follows the bundle's ``recipe``: a ``Recipe/duet`` model's hands hear each
    /// other (``PieceGenerator/generateHearingEachOther(treble:trebleVocabularies:trebleSeed:bass:bassVocabularies:bassSeed:)``);
    /// the others sample as ``PieceGenerator/generate(treble:trebleVocabularies:trebleSeed:bass:bassVocabularies:bassSeed:)``,
    /// with the recipe's rhythm unless ``CompositionOptions/rhythm`` says otherwise.
    ///
    /// - Throws: ``GenerationError/Code/invalidModel`` when the bundle lacks the treble or the
    ///   bass model; ``GenerationError/Code/invalidOptions`` for the seed's rhythm with a
    ///   ``Recipe/duet`` model; `NotationError` if the move to the key would need more than a triple sharp
    ///   or flat.
    public func compose(_ options: CompositionOptions) throws -> Composition {
        guard let treble = clefs[.treble], let bass = clefs[.bass] else {
            throw GenerationError.invalidModel(path: nil, reason: "needs both a treble and a bass model (train with --clef both)")
        }
        let prompt = options.prompt ?? ModelBundle.seedWindow(treble: treble, bass: bass, mode: options.key.mode, seed: options.seed)
        var upper = treble.stepper(), lower = bass.stepper()
        let generation = options.generation(recipe: recipe)
        let generator = PieceGenerator(options: generation, timeSignature: options.meter,
                                       profile: profile(mode: options.key.mode, treble: treble, bass: bass),
                                       repetition: repetitionModels)
        let trebleVocabularies = PieceGenerator.Vocabularies(notes: treble.notes, durations: treble.durations)
        let bassVocabularies = PieceGenerator.Vocabularies(notes: bass.notes, durations: bass.durations)
        let started = Date()
        let trebleTokens: [Token], bassTokens: [Token]
        if recipe.isConditioned {
            guard generation.rhythm == .barAware else {
                throw GenerationError.invalidOptions(
                    "a \(recipe.rawValue) model's hands hear each other on the bar-aware clock: "
                        + "--rhythm seed and --length need a model trained with --recipe seed or bar-aware")
            }
            let widths = [HandConditioning.width, HandConditioning.keylessWidth]
            guard widths.contains(treble.network.configuration.conditioningSize),
                  widths.contains(bass.network.configuration.conditioningSize) else {
                throw GenerationError.invalidModel(
                    path: nil, reason: "a \(recipe.rawValue) model needs networks with \(HandConditioning.width) "
                        + "(or, trained before the key input, \(HandConditioning.keylessWidth)) conditioning inputs")
            }
            (trebleTokens, bassTokens) = generator.generateHearingEachOther(
                treble: &upper, trebleVocabularies: trebleVocabularies, trebleSeed: prompt.treble,
                bass: &lower, bassVocabularies: bassVocabularies, bassSeed: prompt.bass)
        } else {
            (trebleTokens, bassTokens) = generator.generate(
                treble: &upper, trebleVocabularies: trebleVocabularies, trebleSeed: prompt.treble,
                bass: &lower, bassVocabularies: bassVocabularies, bassSeed: prompt.bass)
        }
        let seconds = Date().timeIntervalSince(started)
        let score = try PieceAssembler(options: options.assembly).score(treble: trebleTokens, bass: bassTokens)
        return Composition(score: score, treble: trebleTokens, bass: bassTokens, prompt: prompt, seconds: seconds)
    }

    /// Each hand's ``RepetitionModel`` from the manifest (none for a folder without them).
    var repetitionModels: [ClefStream: RepetitionModel] {
        var result: [ClefStream: RepetitionModel] = [:]
        for (name, model) in manifest.repetition ?? [:] {
            if let clef = ClefStream(rawValue: name) { result[clef] = model }
        }
        return result
    }

    /// A prompt from the end of a MIDI or MusicXML file: the last window of each hand
    /// (``PreprocessingOptions/sequenceLength`` elements), after the preprocessing the model was
    /// trained with (moved to C major or A minor, split into treble and bass).
    ///
    /// - Throws: the reader's error for a file that cannot be read; `NotationError` if the move
    ///   to C major or A minor cannot be spelled.
    public func prompt(contentsOf url: URL) throws -> Prompt {
        let piece = try CorpusPreprocessor(options: manifest.preprocessing).prepare(file: url)
        let window = manifest.preprocessing.sequenceLength
        return Prompt(treble: Array(piece.treble.suffix(window)), bass: Array(piece.bass.suffix(window)))
    }

    /// The pitch-class profile of `mode` in C major / A minor that ``GenerationOptions/tonality``
    /// steers toward: the training corpus's (``ModelBundle/Manifest/pitchClassProfiles``), or in a folder
    /// written before those were recorded, the shares of the model's corpus windows of that mode
    /// (both hands; every window if none is of the mode). `nil` when there is neither.
    func profile(mode: Mode, treble: ClefModel, bass: ClefModel) -> [Double]? {
        if let recorded = manifest.pitchClassProfiles?[mode.isMinor ? "minor" : "major"], recorded.count == 12 {
            return recorded
        }
        let indices = treble.seedIndices(mode: mode)
        let streams = indices.map { treble.seeds[$0] } + indices.compactMap { bass.seeds.indices.contains($0) ? bass.seeds[$0] : nil }
        let profile = HarmonicBias.profile(of: streams)
        return profile.contains { $0 > 0 } ? profile : nil
    }

    /// The corpus window a composition starts from without a prompt: one of the treble model's
    /// windows from a piece in `mode` (any, if none is), chosen by `seed`, and the bass window
    /// of the same piece.
    static func seedWindow(treble: ClefModel, bass: ClefModel, mode: Mode, seed: UInt64) -> Prompt {
        let candidates = treble.seedIndices(mode: mode)
        guard !candidates.isEmpty else { return Prompt(treble: [], bass: []) }
        let pick = candidates[Int(seed % UInt64(candidates.count))]
        return Prompt(treble: treble.seeds[pick],
                      bass: bass.seeds.indices.contains(pick) ? bass.seeds[pick] : (bass.seeds.first ?? []))
    }
}
