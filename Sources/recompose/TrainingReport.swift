import CommandLineSupport
import Foundation
import Generation

/// `recompose train --json`'s last line: totals over the clefs trained, and each clef's own
/// under `clefs`.
struct TrainingReport: Encodable {
    var sequences: Int
    var seconds: Double
    var sequencesPerSecond: Double
    var trainLoss: Double
    /// Targets learnt (one per window for the seed's training, one per element for duet) and
    /// their rate.
    var targets: Int
    var targetsPerSecond: Double
    /// The sum over clefs; `null` unless every clef had validation data.
    @NullWhenNil var validationLoss: Double?
    /// Held-out cross-entropy of both hands in bits per quarter note
    /// (`ModelBundle.heldOutCrossEntropy`); `null` without held-out pieces.
    @NullWhenNil var heldOutBitsPerQuarterNote: Double?
    /// The same for the networks alone, when the model also predicts from the piece's own
    /// past (`RepetitionModel`); `null` otherwise.
    @NullWhenNil var heldOutNetworkBitsPerQuarterNote: Double?
    var clefs: [String: Clef]

    /// One clef's training.
    struct Clef: Encodable {
        var sequences: Int
        var seconds: Double
        var sequencesPerSecond: Double
        var trainLoss: Double
        @NullWhenNil var validationLoss: Double?
        @NullWhenNil var unigramValidationLoss: Double?
        var bestEpoch: Int
    }

    init(_ summaries: [String: TrainingSummary], heldOut: HeldOutCrossEntropy? = nil) {
        heldOutBitsPerQuarterNote = heldOut?.bitsPerQuarterNote
        heldOutNetworkBitsPerQuarterNote = heldOut.flatMap { h in
            h.hands.values.contains { $0.networkBits != nil } ? h.networkBitsPerQuarterNote : nil
        }
        let all = Array(summaries.values)
        sequences = all.reduce(0) { $0 + $1.sequences }
        seconds = all.reduce(0) { $0 + $1.seconds }
        sequencesPerSecond = Double(sequences) / max(seconds, 1e-9)
        trainLoss = all.reduce(0) { $0 + $1.trainLoss }
        targets = all.reduce(0) { $0 + ($1.targets ?? $1.sequences) }
        targetsPerSecond = Double(targets) / max(seconds, 1e-9)
        let validations = all.compactMap(\.validationLoss)
        validationLoss = validations.count == all.count ? validations.reduce(0, +) : nil
        clefs = summaries.mapValues {
            Clef(sequences: $0.sequences, seconds: $0.seconds, sequencesPerSecond: $0.sequencesPerSecond,
                 trainLoss: $0.trainLoss, validationLoss: $0.validationLoss,
                 unigramValidationLoss: $0.unigramValidationLoss, bestEpoch: $0.bestEpoch)
        }
    }

    /// The line printed on stderr when a clef is trained.
    static func line(_ clef: ClefStream, _ summary: TrainingSummary) -> String {
        "\(clef.rawValue): \(summary.sequences) sequences in \(String(format: "%.1f", summary.seconds)) s "
            + "(\(String(format: "%.1f", summary.sequencesPerSecond)) seq/s, "
            + "\(String(format: "%.0f", summary.targetsPerSecond)) targets/s); train loss "
            + String(format: "%.4f", summary.trainLoss)
            + (summary.validationLoss.map { String(format: ", validation loss %.4f", $0) } ?? "")
            + (summary.unigramValidationLoss.map { String(format: " (unigram baseline %.4f)", $0) } ?? "")
            + ", best epoch \(summary.bestEpoch)"
            + (summary.stoppedByTimeLimit == true ? " (stopped at the time limit)" : "")
    }
}
