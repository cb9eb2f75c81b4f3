import Foundation

/// How the learning rate moves during a run, relative to ``TrainingOptions/learningRate`` (the
/// peak).
public enum LearningRateSchedule: Sendable, Hashable, Codable {
    /// The peak rate throughout (the seed's Adam).
    case constant
    /// A linear warm-up over `warmupSteps` steps to the peak, then a cosine decay to
    /// `floor` × peak at the end of the planned run: the last epoch, or the time limit when it
    /// comes first (``TrainingOptions/timeLimit``), so a run cut short still ends cool.
    case warmupCosine(warmupSteps: Int, floor: Float)

    /// The rate at optimiser step `step` (0-based) when `progress` (0…1) of the planned run is done.
    public func rate(peak: Float, step: Int, progress: Double) -> Float {
        switch self {
        case .constant: return peak
        case let .warmupCosine(warmupSteps, floor):
            let cosine = Float(0.5 * (1 + cos(Double.pi * min(max(progress, 0), 1))))
            let decayed = peak * (floor + (1 - floor) * cosine)
            guard step < warmupSteps else { return decayed }
            return decayed * Float(step + 1) / Float(warmupSteps)
        }
    }
}
