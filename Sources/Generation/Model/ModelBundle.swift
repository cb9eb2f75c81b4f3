import Foundation

/// A trained model as `recompose train` writes it: one ``ClefModel`` per clef and a manifest.
///
/// The whole pipeline is three calls: train a model on a corpus (or load one), save it, and
/// compose with it — what `recompose train` and `recompose generate` do:
///
/// ```swift
/// let model = try ModelBundle.train(corpus: URL(fileURLWithPath: "Corpus"))
/// try model.save(to: URL(fileURLWithPath: "model"))
/// // … later, or in another program:
/// let trained = try ModelBundle(contentsOf: URL(fileURLWithPath: "model"))
/// let score = try trained.compose(key: Key(.E, .minor), tempo: 120, bars: 16, seed: 3)
/// try score.write(to: URL(fileURLWithPath: "piece.mid"))
/// ```
///
/// On disk:
///
/// ```
/// MODEL/
///   recompose-model.json      manifest: preprocessing options, training summaries
///   treble/ model.safetensors config.json vocabulary.json
///   bass/   model.safetensors config.json vocabulary.json
/// ```
public struct ModelBundle: Sendable {
    /// What a bundle records about how it was made.
    public struct Manifest: Sendable, Hashable, Codable {
        /// Format version of the bundle: 2 since bundles record their recipe.
        public var version: Int = ModelBundle.formatVersion
        /// How the model was trained and how it generates; `nil` only in a manifest being read
        /// from a bundle of the old format, which ``ModelBundle/init(contentsOf:)`` refuses.
        public var recipe: Recipe?
        /// Preprocessing settings used for the corpus.
        public var preprocessing: PreprocessingOptions
        /// Training settings.
        public var training: TrainingOptions
        /// The summary of each clef's training run.
        public var summaries: [String: TrainingSummary]
        /// The command that made it, for provenance.
        public var command: String?
        /// The duration-weighted pitch-class shares of the training pieces as read (no
        /// augmented copy, no held-out piece), in C major / A minor, by mode (`"major"`,
        /// `"minor"`): what ``GenerationOptions/tonality`` steers toward. `nil` in folders written
        /// before it existed, which use their seed windows instead.
        public var pitchClassProfiles: [String: [Double]]?
        /// Each hand's ``RepetitionModel``, by clef name, fitted to the training pieces as read
        /// (no augmented copy, no held-out piece): how much the piece's own past weighs in the
        /// held-out cross-entropy and at generation. Only ``Recipe/duet`` records them; `nil` in
        /// other recipes' folders and in folders written before it existed, which generate and
        /// measure with their networks alone.
        public var repetition: [String: RepetitionModel]?

        /// Creates a manifest. The recipe defaults to ``Recipe/barAware``, the one whose
        /// networks a bundle assembled by hand has (no conditioning inputs).
        public init(recipe: Recipe = .barAware, preprocessing: PreprocessingOptions, training: TrainingOptions,
                    summaries: [String: TrainingSummary], command: String? = nil) {
            self.recipe = recipe
            self.preprocessing = preprocessing
            self.training = training
            self.summaries = summaries
            self.command = command
        }
    }

    /// The manifest file name.
    public static let manifestFile = "recompose-model.json"

    /// The bundle format this version writes.
    public static let formatVersion = 2

    /// The bundle's recipe (``Recipe/barAware`` for a bundle built by hand without one).
    public var recipe: Recipe { manifest.recipe ?? .barAware }

    /// The manifest.
    public var manifest: Manifest
    /// The models by clef.
    public var clefs: [ClefStream: ClefModel]

    /// Creates a bundle.
    public init(manifest: Manifest, clefs: [ClefStream: ClefModel]) {
        self.manifest = manifest
        self.clefs = clefs
    }

    /// The per-element validation perplexity (both heads): e to the mean over the clefs of
    /// their best validation loss; `nil` if no clef was trained with validation data.
    public var validationPerplexity: Double? {
        let losses = manifest.summaries.values.compactMap(\.validationLoss)
        return losses.isEmpty ? nil : exp(losses.reduce(0, +) / Double(losses.count))
    }

    /// Writes the bundle; each file is written atomically.
    public func save(to folder: URL) throws {
        for (clef, model) in clefs { try model.save(to: folder.appendingPathComponent(clef.rawValue)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(manifest).write(to: folder.appendingPathComponent(ModelBundle.manifestFile), options: .atomic)
        } catch {
            throw GenerationError.writeFailed(path: folder.path, cause: error)
        }
    }

    /// Reads a bundle and every clef model in it.
    public init(contentsOf folder: URL) throws {
        let manifestURL = folder.appendingPathComponent(ModelBundle.manifestFile)
        guard let data = try? Data(contentsOf: manifestURL) else {
            throw GenerationError.invalidModel(path: folder.path, reason: "no \(ModelBundle.manifestFile) (train one with `recompose train`)")
        }
        // The format first: an old bundle gets a message saying what to do, not a decoding error.
        struct Format: Decodable { var version: Int?; var recipe: String? }
        let format = try? JSONDecoder().decode(Format.self, from: data)
        if let format, format.recipe == nil || (format.version ?? 1) < ModelBundle.formatVersion {
            throw GenerationError.invalidModel(
                path: folder.path,
                reason: "a model folder of the old format (version \(format.version ?? 1), no recipe); train it again "
                    + "with this version: `recompose train --recipe bar-aware …` (the default) gives the same model "
                    + "as before, `--recipe duet` the new one")
        }
        if let recipe = format?.recipe, Recipe(rawValue: recipe) == nil {
            throw GenerationError.invalidModel(
                path: manifestURL.path,
                reason: "unknown recipe '\(recipe)' (known: \(Recipe.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        do { manifest = try JSONDecoder().decode(Manifest.self, from: data) } catch {
            throw GenerationError.invalidModel(path: manifestURL.path, reason: "cannot decode the manifest", cause: error)
        }
        var clefs: [ClefStream: ClefModel] = [:]
        for clef in ClefStream.allCases {
            let sub = folder.appendingPathComponent(clef.rawValue)
            if FileManager.default.fileExists(atPath: sub.path) { clefs[clef] = try ClefModel(contentsOf: sub) }
        }
        guard !clefs.isEmpty else { throw GenerationError.invalidModel(path: folder.path, reason: "no treble/ or bass/ model") }
        self.clefs = clefs
    }
}
