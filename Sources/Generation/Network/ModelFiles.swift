import Foundation

extension SequenceModel {
    /// The file names inside a model directory.
    public enum FileName {
        /// The weights, safetensors.
        public static let weights = "model.safetensors"
        /// The architecture, JSON (``ModelConfiguration``).
        public static let configuration = "config.json"
    }

    /// Writes `model.safetensors` and `config.json` into `directory` (created if needed), each
    /// atomically (written beside and renamed), so a crash never leaves a half-written file.
    ///
    /// - Throws: ``NetworkError/modelFile(path:reason:)`` when a file cannot be written.
    public func save(to directory: URL, metadata: [String: String] = [:]) throws(NetworkError) {
        let weights = try SafeTensors.encode(Array(zip(parameterNames, parameters)).map { ($0.0, $0.1) }, metadata: metadata)
        let config: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            config = try encoder.encode(configuration)
        } catch {
            throw .modelFile(path: directory.path, reason: "cannot encode the configuration: \(error)")
        }
        let weightsURL = directory.appendingPathComponent(FileName.weights)
        let configURL = directory.appendingPathComponent(FileName.configuration)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .modelFile(path: directory.path, reason: "cannot create the directory: \(error.localizedDescription)")
        }
        do { try weights.write(to: weightsURL, options: .atomic) } catch {
            throw .modelFile(path: weightsURL.path, reason: "cannot write: \(error.localizedDescription)")
        }
        do { try config.write(to: configURL, options: .atomic) } catch {
            throw .modelFile(path: configURL.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Loads a model saved by ``save(to:metadata:)``, checking that the weights file holds
    /// exactly the tensors the configuration calls for, with the right shapes.
    ///
    /// - Throws: ``NetworkError/modelFile(path:reason:)`` for unreadable or inconsistent files,
    ///   ``NetworkError/missingWeight(name:path:)`` for a missing tensor,
    ///   ``NetworkError/shapeMismatch(context:expected:actual:)`` for a wrong shape.
    public init(contentsOf directory: URL) throws(NetworkError) {
        let configURL = directory.appendingPathComponent(FileName.configuration)
        let weightsURL = directory.appendingPathComponent(FileName.weights)
        let configuration: ModelConfiguration
        do {
            configuration = try JSONDecoder().decode(ModelConfiguration.self, from: Data(contentsOf: configURL))
        } catch {
            throw .modelFile(path: configURL.path, reason: "cannot read the configuration: \(error)")
        }
        let data: Data
        do { data = try Data(contentsOf: weightsURL) } catch {
            throw .modelFile(path: weightsURL.path, reason: "cannot read: \(error.localizedDescription)")
        }
        let (tensors, _) = try SafeTensors.decode(data, path: weightsURL.path)
        var model = try SequenceModel(configuration: configuration, seed: 0)
        let names = model.parameterNames
        let current = model.parameters
        var loaded: [Tensor] = []
        for (index, name) in names.enumerated() {
            guard let tensor = tensors[name] else { throw .missingWeight(name: name, path: weightsURL.path) }
            guard tensor.shape == current[index].shape else {
                throw .shapeMismatch(context: "\(weightsURL.path): \(name)", expected: current[index].shape, actual: tensor.shape)
            }
            loaded.append(tensor)
        }
        if let extra = Set(tensors.keys).subtracting(names).sorted().first {
            throw .modelFile(path: weightsURL.path, reason: "unexpected tensor '\(extra)' for this configuration")
        }
        model.parameters = loaded
        self = model
    }
}
