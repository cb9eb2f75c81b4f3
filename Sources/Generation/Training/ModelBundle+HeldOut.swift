import Foundation
import NeuralNetwork

/// The held-out cross-entropy of a model in bits per quarter note of music: a measure that
/// compares recipes whatever their vocabularies and window lengths.
public struct HeldOutCrossEntropy: Sendable, Hashable, Codable {
    /// One hand's figures.
    public struct Hand: Sendable, Hashable, Codable {
        /// Elements predicted (every element of every whole window of the held-out pieces).
        public var elements: Int
        /// Their total length in quarter notes.
        public var quarterNotes: Double
        /// The cross-entropy of their notes and durations, in bits.
        public var bits: Double
        /// `bits / quarterNotes`.
        public var bitsPerQuarterNote: Double { bits / max(quarterNotes, 1e-9) }
        /// `bits / elements`.
        public var bitsPerElement: Double { bits / Double(max(elements, 1)) }
    }

    /// Each hand's figures, by clef name.
    public var hands: [String: Hand]

    /// The sum over the hands of their bits per quarter note: the information both hands carry
    /// per quarter note of music.
    public var bitsPerQuarterNote: Double { hands.values.reduce(0) { $0 + $1.bitsPerQuarterNote } }
}

extension ModelBundle {
    /// The model's cross-entropy on the pieces of `corpus` that its training held out (the same
    /// split by piece, from the manifest's preprocessing options), in bits per quarter note.
    ///
    /// Every element after a piece's first is predicted from everything before it in the piece:
    /// the pieces are read in consecutive windows of ``PreprocessingOptions/sequenceLength`` with
    /// the network's state carried from one to the next (the elements after the last whole
    /// window are left out), for every recipe — a ``Recipe/seed`` network, trained on windows
    /// from a zero state, is read with the same longer context. Labels the model does not know
    /// count as its `<unk>`. `corpus` must be read with the model's preprocessing options.
    ///
    /// - Throws: ``GenerationError/notEnoughData(_:)`` when no held-out piece has a whole
    ///   window for a clef; ``GenerationError/invalidModel(path:reason:cause:)`` for a network
    ///   trained before the key input (20 conditioning values); ``/NeuralNetwork/NetworkError``
    ///   from the network.
    public func heldOutCrossEntropy(_ corpus: PreparedCorpus, threads: Int = 1) throws -> HeldOutCrossEntropy {
        var options = corpus.options
        options.validationFraction = manifest.preprocessing.validationFraction
        options.seed = manifest.preprocessing.seed
        options.sequenceLength = manifest.preprocessing.sequenceLength
        let split = PreparedCorpus(options: options, pieces: corpus.pieces, failures: corpus.failures)
        var hands: [String: HeldOutCrossEntropy.Hand] = [:]
        for (clef, model) in clefs.sorted(by: { $0.key.staffNumber < $1.key.staffNumber }) {
            let width = model.network.configuration.conditioningSize
            guard width == 0 || width == HandConditioning.width else {
                throw GenerationError.invalidModel(
                    path: nil, reason: "the \(clef.rawValue) network takes \(width) conditioning values, not "
                        + "\(HandConditioning.width): retrain it (recompose train) to measure held-out pieces")
            }
            let conditioned = width == HandConditioning.width
            let (_, validation) = split.streamDatasets(clef, notes: model.notes, durations: model.durations,
                                                       conditioned: conditioned)
            guard validation.targetCount > 0,
                  let meanNats = try Trainer.meanEveryStepLoss(model.network, validation, streams: 16, threads: threads)
            else {
                throw GenerationError.notEnoughData("\(clef.rawValue): no held-out piece of more than "
                                                    + "\(options.sequenceLength) elements")
            }
            var lengths = HandConditioning.LengthCache()
            var quarters = 0.0
            for (p, piece) in validation.pieces.enumerated() {
                let count = validation.windowCount(p) * validation.length
                guard count > 0 else { continue }
                for e in 1...count {
                    quarters += lengths.length(model.durations.label(at: Int(piece.durations[e]))).doubleValue
                }
            }
            let elements = validation.targetCount
            hands[clef.rawValue] = .init(elements: elements, quarterNotes: quarters,
                                         bits: meanNats * Double(elements) / log(2))
        }
        return HeldOutCrossEntropy(hands: hands)
    }
}
