import Foundation
import Notation
import NeuralNetwork

/// A trained network for one clef with the vocabularies it speaks and seed windows to start
/// generation from.
public struct ClefModel: Sendable {
    /// The network.
    public var network: SequenceModel
    /// Note/chord labels.
    public var notes: Vocabulary
    /// Duration labels.
    public var durations: Vocabulary
    /// Token windows from the corpus to prime generation with.
    public var seeds: [[Token]]
    /// The mode (``/Notation/Mode/major`` or ``/Notation/Mode/minor``) of the piece each seed
    /// window comes from, so a minor piece can be started from minor material; `nil` where the
    /// piece's key was unknown.
    public var seedModes: [Mode?]

    /// Creates a clef model.
    public init(network: SequenceModel, notes: Vocabulary, durations: Vocabulary, seeds: [[Token]], seedModes: [Mode?] = []) {
        self.network = network
        self.notes = notes
        self.durations = durations
        self.seeds = seeds
        self.seedModes = seedModes.count == seeds.count ? seedModes : Array(repeating: nil, count: seeds.count)
    }

    /// The indices of seed windows from pieces in `mode` (all of them if none is).
    public func seedIndices(mode: Mode) -> [Int] {
        let matching = seeds.indices.filter { seedModes[$0].map { $0.isMinor == mode.isMinor } ?? false }
        return matching.isEmpty ? Array(seeds.indices) : matching
    }

    private struct Labels: Codable {
        var notes: [String]
        var durations: [String]
        var seeds: [[Token]]
        var seedModes: [Mode?]?  // "major" / "minor" in the file
    }

    static let labelsFile = "vocabulary.json"

    /// Writes the network and `vocabulary.json` into `folder`, each file atomically.
    public func save(to folder: URL) throws {
        try network.save(to: folder)
        // Sorted keys: the same model always writes the same bytes.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Labels(notes: notes.labels, durations: durations.labels, seeds: seeds, seedModes: seedModes))
        do { try data.write(to: folder.appendingPathComponent(ClefModel.labelsFile), options: .atomic) } catch {
            throw GenerationError.writeFailed(path: folder.path, cause: error)
        }
    }

    /// Loads a clef model, checking that vocabularies and network agree.
    public init(contentsOf folder: URL) throws {
        let network = try SequenceModel(contentsOf: folder)
        let labels: Labels
        do {
            labels = try JSONDecoder().decode(Labels.self, from: Data(contentsOf: folder.appendingPathComponent(ClefModel.labelsFile)))
        } catch {
            throw GenerationError.invalidModel(path: folder.path, reason: "cannot read \(ClefModel.labelsFile)", cause: error)
        }
        guard labels.notes.count == network.configuration.noteVocabularySize,
              labels.durations.count == network.configuration.durationVocabularySize
        else {
            throw GenerationError.invalidModel(path: folder.path, reason: "vocabulary sizes do not match the network")
        }
        self.init(network: network, notes: Vocabulary(labels: labels.notes), durations: Vocabulary(labels: labels.durations),
                  seeds: labels.seeds, seedModes: labels.seedModes ?? [])
    }

    /// A step-by-step generator over this model.
    public func stepper() -> NetworkStepModel { NetworkStepModel(network: network) }
}

/// Adapts a ``/NeuralNetwork/SequenceModel`` to ``StepModel``: carries the LSTM state and returns log
/// probabilities.
public struct NetworkStepModel: StepModel, Sendable {
    let network: SequenceModel
    var state: GenerationState

    /// Creates a stepper starting from the zero state.
    public init(network: SequenceModel) {
        self.network = network
        self.state = network.makeState()
    }

    public mutating func resetState() { state = network.makeState() }

    public mutating func step(note: Int32, duration: Int32) -> (notes: [Float], durations: [Float]) {
        step(note: note, duration: duration, conditioning: [])
    }

    /// Feeds one element with its conditioning (empty: zeros) and returns log probabilities. A
    /// network that takes fewer conditioning values than given reads the leading ones (a model
    /// trained before ``HandConditioning`` gained its trailing key values).
    public mutating func step(note: Int32, duration: Int32, conditioning: [Float]) -> (notes: [Float], durations: [Float]) {
        let noteCount = network.configuration.noteVocabularySize, durationCount = network.configuration.durationVocabularySize
        let width = network.configuration.conditioningSize
        let conditioning = conditioning.count > width ? Array(conditioning.prefix(width)) : conditioning
        guard let (notes, durations) = try? network.step(note: Int(note), duration: Int(duration),
                                                         conditioning: conditioning, state: &state) else {
            return ([Float](repeating: 0, count: noteCount), [Float](repeating: 0, count: durationCount))
        }
        return (notes.map { log(max($0, 1e-30)) }, durations.map { log(max($0, 1e-30)) })
    }
}
