import Foundation
import NeuralNetwork

extension ModelBundle {
    /// Reads a corpus folder and trains a model on it, as `recompose train` does: one network per
    /// clef, with its vocabularies and seed windows, and a manifest of how it was made. Saving
    /// is the caller's choice.
    ///
    /// ```swift
    /// var options = TrainingConfiguration()
    /// options.training.epochs = 4
    /// let model = try ModelBundle.train(corpus: URL(fileURLWithPath: "Corpus"), options: options) { event in
    ///     if case .clefFinished(let clef, let summary) = event { print(clef, summary.trainLoss) }
    /// }
    /// try model.save(to: URL(fileURLWithPath: "model"))
    /// ```
    ///
    /// Same corpus, same options, same machine and thread count: the same weights, and
    /// ``save(to:)`` writes the same bytes (apart from the timings in the manifest).
    ///
    /// - Parameters:
    ///   - corpus: a folder of MIDI and MusicXML files, searched recursively.
    ///   - options: preprocessing, network shape, training run and clefs.
    ///   - checkpoints: a folder for the per-epoch checkpoints, one subfolder per clef (`treble/`,
    ///     `bass/`). When it holds those of an interrupted run with the same options, training
    ///     resumes after their last finished epoch. `nil`: no checkpoints.
    ///   - progress: called on the calling thread with each ``TrainingEvent``, starting with
    ///     ``TrainingEvent/corpusPrepared(_:)``.
    /// - Throws: ``GenerationError/emptyCorpus(_:)`` when the folder holds no music file;
    ///   ``GenerationError/notEnoughData(_:)`` when no file can be read or a clef has no window
    ///   (before any clef is trained); ``GenerationError/Code/invalidOptions`` for bad training
    ///   options (a time limit that is not positive);
    ///   ``GenerationError/invalidModel(path:reason:cause:)`` for a corrupt checkpoint;
    ///   ``GenerationError/writeFailed(path:reason:cause:)`` when a checkpoint cannot be written;
    ///   ``/NeuralNetwork/NetworkError`` from the network.
    public static func train(corpus: URL, options: TrainingConfiguration = TrainingConfiguration(),
                             checkpoints: URL? = nil, progress: (TrainingEvent) -> Void = { _ in }) throws -> ModelBundle {
        let prepared = try CorpusPreprocessor(options: options.preprocessing).prepare(corpus: corpus)
        progress(.corpusPrepared(prepared))
        return try train(prepared: prepared, options: options, checkpoints: checkpoints, progress: progress)
    }

    /// Trains a model on a corpus already read with ``CorpusPreprocessor``: what
    /// ``train(corpus:options:checkpoints:progress:)`` does once the files are read.
    ///
    /// The corpus keeps the ``PreprocessingOptions`` it was read with; they, not
    /// `options.preprocessing`, cut the windows and go into the manifest.
    ///
    /// - Throws: as ``train(corpus:options:checkpoints:progress:)``.
    public static func train(prepared corpus: PreparedCorpus, options: TrainingConfiguration = TrainingConfiguration(),
                             checkpoints: URL? = nil, progress: (TrainingEvent) -> Void = { _ in }) throws -> ModelBundle {
        guard !corpus.pieces.isEmpty else { throw GenerationError.notEnoughData("no file could be read") }
        try options.training.validate()
        let recipe = options.recipe
        // Every clef's data first, so a corpus of one hand only fails before any training.
        struct Plan {
            var clef: ClefStream
            var notes: Vocabulary, durations: Vocabulary
            var windows: (training: SequenceDataset, validation: SequenceDataset)?
            var streams: (training: StreamDataset, validation: StreamDataset)?
            var trainingCount: Int, validationCount: Int
        }
        var plans: [Plan] = []
        for clef in options.clefs {
            let (notes, durations) = corpus.vocabularies(clef)
            if recipe.trainsEveryStep {
                let streams = corpus.streamDatasets(clef, notes: notes, durations: durations, conditioned: recipe.isConditioned)
                let count = streams.training.pieces.indices.reduce(0) { $0 + streams.training.windowCount($1) }
                let validation = streams.validation.pieces.indices.reduce(0) { $0 + streams.validation.windowCount($1) }
                plans.append(Plan(clef: clef, notes: notes, durations: durations, windows: nil, streams: streams,
                                  trainingCount: count, validationCount: validation))
            } else {
                let windows = corpus.datasets(clef, notes: notes, durations: durations)
                plans.append(Plan(clef: clef, notes: notes, durations: durations, windows: windows, streams: nil,
                                  trainingCount: windows.training.count, validationCount: windows.validation.count))
            }
            guard plans[plans.count - 1].trainingCount > 0 else {
                throw GenerationError.notEnoughData("\(clef.rawValue): no piece is longer than the sequence length (--seq) "
                                                    + "of \(corpus.options.sequenceLength) elements")
            }
        }
        var models: [ClefStream: ClefModel] = [:]
        var summaries: [String: TrainingSummary] = [:]
        let started = Date()
        for (index, plan) in plans.enumerated() {
            let clef = plan.clef, notes = plan.notes, durations = plan.durations
            let configuration = options.architecture.configuration(
                noteVocabularySize: notes.count, durationVocabularySize: durations.count,
                conditioningSize: recipe.isConditioned ? HandConditioning.width : 0)
            var network = try SequenceModel(configuration: configuration, seed: options.training.seed)
            progress(.clefStarted(clef, trainingWindows: plan.trainingCount, validationWindows: plan.validationCount,
                                  parameters: network.parameterCount))
            var training = options.training
            if let limit = options.training.timeLimit {
                // The clefs share the limit: each gets an equal part of what is left.
                training.timeLimit = max(1, (limit - Date().timeIntervalSince(started)) / Double(plans.count - index))
            }
            let trainer = Trainer(options: training)
            let folder = checkpoints?.appendingPathComponent(clef.rawValue)
            let summary: TrainingSummary
            if let streams = plan.streams {
                summary = try trainer.trainEveryStep(&network, training: streams.training, validation: streams.validation,
                                                     checkpoint: folder, progress: { progress(.progress(clef, $0)) })
            } else if let windows = plan.windows {
                summary = try trainer.train(&network, training: windows.training, validation: windows.validation,
                                            checkpoint: folder, progress: { progress(.progress(clef, $0)) })
            } else { continue }
            // Seed windows: the opening of the first pieces, with their modes.
            let seedPieces = corpus.pieces.filter { !$0.tokens(clef).isEmpty }.prefix(max(options.seedWindows, 0))
            models[clef] = ClefModel(network: network, notes: notes, durations: durations,
                                     seeds: seedPieces.map { Array($0.tokens(clef).prefix(corpus.options.sequenceLength)) },
                                     seedModes: seedPieces.map { $0.originalKey.map { $0.mode.isMinor ? .minor : .major } })
            summaries[clef.rawValue] = summary
            progress(.clefFinished(clef, summary))
        }
        var manifest = Manifest(recipe: recipe, preprocessing: corpus.options, training: options.training,
                                summaries: summaries, command: options.command)
        manifest.pitchClassProfiles = corpus.pitchClassProfiles
        if recipe.learnsRepetition { manifest.repetition = corpus.repetitionModels }
        return ModelBundle(manifest: manifest, clefs: models)
    }
}
