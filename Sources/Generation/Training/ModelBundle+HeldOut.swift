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
        /// The cross-entropy of their notes and durations, in bits: the model's, with the
        /// piece's own past (``RepetitionModel``) when the model has one.
        public var bits: Double
        /// The cross-entropy of the network alone, in bits, when ``bits`` also counts the
        /// piece's own past; `nil` when the network is the whole model.
        public var networkBits: Double?
        /// `bits / quarterNotes`.
        public var bitsPerQuarterNote: Double { bits / max(quarterNotes, 1e-9) }
        /// `bits / elements`.
        public var bitsPerElement: Double { bits / Double(max(elements, 1)) }
        /// ``networkBits`` (or ``bits``) per quarter note.
        public var networkBitsPerQuarterNote: Double { (networkBits ?? bits) / max(quarterNotes, 1e-9) }
    }

    /// Each hand's figures, by clef name.
    public var hands: [String: Hand]

    /// The sum over the hands of their bits per quarter note: the information both hands carry
    /// per quarter note of music.
    public var bitsPerQuarterNote: Double { hands.values.reduce(0) { $0 + $1.bitsPerQuarterNote } }

    /// The same sum for the networks alone (without the piece's own past).
    public var networkBitsPerQuarterNote: Double { hands.values.reduce(0) { $0 + $1.networkBitsPerQuarterNote } }
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
    /// With a ``RepetitionModel`` for the clef (``ModelBundle/Manifest/repetition``), each element's
    /// probability mixes the network's with the piece's own past, everything before the
    /// element in the piece (``HeldOutCrossEntropy/Hand/networkBits`` keeps the network's alone).
    /// The measure is a forward pass over a few pieces and runs on the calling thread; `threads`
    /// is kept for source compatibility.
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
            guard validation.targetCount > 0 else {
                throw GenerationError.notEnoughData("\(clef.rawValue): no held-out piece of more than "
                                                    + "\(options.sequenceLength) elements")
            }
            let logProbabilities = try Trainer.everyStepTargetLogProbabilities(model.network, validation, streams: 16)
            let repetition = manifest.repetition?[clef.rawValue]
            var networkNats = 0.0, nats = 0.0, quarters = 0.0
            var lengths = HandConditioning.LengthCache()
            for (p, piece) in validation.pieces.enumerated() {
                var tracker = RepetitionTracker<EncodedPiece.Element>()
                if !logProbabilities[p].isEmpty { tracker.append(piece.element(0)) }
                for (i, logProbability) in logProbabilities[p].enumerated() {
                    let e = i + 1, element = piece.element(e)
                    quarters += lengths.length(model.durations.label(at: Int(element.duration))).doubleValue
                    networkNats -= logProbability
                    if let repetition {
                        let prediction = tracker.prediction
                        nats -= log(repetition.probability(network: exp(logProbability), matchLength: prediction?.length ?? 0,
                                                           predicted: prediction?.next == element))
                        tracker.append(element)
                    }
                }
            }
            hands[clef.rawValue] = .init(elements: validation.targetCount, quarterNotes: quarters,
                                         bits: (repetition == nil ? networkNats : nats) / log(2),
                                         networkBits: repetition == nil ? nil : networkNats / log(2))
        }
        return HeldOutCrossEntropy(hands: hands)
    }
}
