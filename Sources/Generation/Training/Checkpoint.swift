import Foundation
import NeuralNetwork

/// Progress counters saved with a checkpoint.
struct CheckpointState: Codable, Sendable, Hashable {
    var epoch: Int
    var bestEpoch: Int
    var bestValidationLoss: Double?
    var epochsWithoutImprovement: Int
    var sequences: Int
    var seconds: Double
    var lastTrainLoss: Double
}

/// Everything needed to resume training after an epoch: current and best weights, the
/// optimiser's moments, and the counters.
///
/// A checkpoint is a folder. It is written whole into a temporary sibling folder and then
/// renamed into place, so an interruption leaves either the previous checkpoint or the new one,
/// never a mixture.
struct Checkpoint {
    var model: SequenceModel
    var best: SequenceModel
    var iterations: Int
    var momentums: [Tensor]
    var velocities: [Tensor]
    var state: CheckpointState

    func save(to folder: URL) throws {
        let fm = FileManager.default
        let temporary = folder.deletingLastPathComponent()
            .appendingPathComponent(".\(folder.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: temporary)
        do {
            try model.save(to: temporary.appendingPathComponent("current"))
            try best.save(to: temporary.appendingPathComponent("best"))
            var named: [(name: String, tensor: Tensor)] = []
            for (i, m) in momentums.enumerated() { named.append(("m.\(i)", m)) }
            for (i, v) in velocities.enumerated() { named.append(("v.\(i)", v)) }
            let optimizer = try SafeTensors.encode(named, metadata: ["iterations": String(iterations)])
            try optimizer.write(to: temporary.appendingPathComponent("optimizer.safetensors"))
            try JSONEncoder().encode(state).write(to: temporary.appendingPathComponent("state.json"))
            let old = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).old")
            try? fm.removeItem(at: old)
            if fm.fileExists(atPath: folder.path) { try fm.moveItem(at: folder, to: old) }
            try fm.moveItem(at: temporary, to: folder)
            try? fm.removeItem(at: old)
        } catch {
            try? fm.removeItem(at: temporary)
            throw GenerationError.writeFailed(path: folder.path, cause: error)
        }
    }

    /// The checkpoint in `folder`, or `nil` if there is none. A checkpoint of another
    /// architecture, or a damaged one, is refused with an error rather than silently ignored.
    static func load(from folder: URL, like model: SequenceModel) throws -> Checkpoint? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder.appendingPathComponent("state.json").path) else { return nil }
        do {
            let current = try SequenceModel(contentsOf: folder.appendingPathComponent("current"))
            let best = try SequenceModel(contentsOf: folder.appendingPathComponent("best"))
            guard current.configuration == model.configuration else {
                throw GenerationError.invalidModel(path: folder.path, reason: "checkpoint is of another architecture or vocabulary")
            }
            let state = try JSONDecoder().decode(CheckpointState.self, from: Data(contentsOf: folder.appendingPathComponent("state.json")))
            let (tensors, metadata) = try SafeTensors.decode(
                Data(contentsOf: folder.appendingPathComponent("optimizer.safetensors")), path: folder.path)
            let count = model.parameters.count
            var momentums: [Tensor] = [], velocities: [Tensor] = []
            for i in 0..<count {
                guard let m = tensors["m.\(i)"], let v = tensors["v.\(i)"] else {
                    throw GenerationError.invalidModel(path: folder.path, reason: "optimizer state is incomplete")
                }
                momentums.append(m)
                velocities.append(v)
            }
            guard let iterations = metadata["iterations"].flatMap(Int.init) else {
                throw GenerationError.invalidModel(path: folder.path, reason: "optimizer state has no iteration count")
            }
            return Checkpoint(model: current, best: best, iterations: iterations, momentums: momentums,
                              velocities: velocities, state: state)
        } catch let error as GenerationError {
            throw error
        } catch {
            throw GenerationError.invalidModel(path: folder.path, reason: "corrupt checkpoint", cause: error)
        }
    }
}
