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
    /// - Throws: ``NetworkError/Code/modelFile`` when a file cannot be written.
    public func save(to directory: URL, metadata: [String: String] = [:]) throws(NetworkError) {
        let weights = try SafeTensors.encode(Array(zip(parameterNames, parameters)).map { ($0.0, $0.1) }, metadata: metadata)
        let config: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            config = try encoder.encode(configuration)
        } catch {
            throw .modelFile(path: directory.path, reason: "cannot encode the configuration", cause: error)
        }
        let weightsURL = directory.appendingPathComponent(FileName.weights)
        let configURL = directory.appendingPathComponent(FileName.configuration)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .modelFile(path: directory.path, reason: "cannot create the directory", cause: error)
        }
        do { try weights.write(to: weightsURL, options: .atomic) } catch {
            throw .modelFile(path: weightsURL.path, reason: "cannot write", cause: error)
        }
        do { try config.write(to: configURL, options: .atomic) } catch {
            throw .modelFile(path: configURL.path, reason: "cannot write", cause: error)
        }
    }

    /// Loads a model saved by ``save(to:metadata:)``, checking that the weights file holds
    /// exactly the tensors the configuration calls for, with the right shapes.
    ///
    /// - Throws: ``NetworkError/Code/modelFile`` for unreadable or inconsistent files,
    ///   ``NetworkError/missingWeight(name:path:)`` for a missing tensor,
    ///   ``NetworkError/shapeMismatch(context:expected:actual:)`` for a wrong shape.
    public init(contentsOf directory: URL) throws(NetworkError) {
        let configURL = directory.appendingPathComponent(FileName.configuration)
        let weightsURL = directory.appendingPathComponent(FileName.weights)
        let configData: Data
        do { configData = try Data(contentsOf: configURL) } catch {
            throw .modelFile(path: configURL.path, reason: "cannot read the configuration", cause: error)
        }
        let data: Data
        do { data = try Data(contentsOf: weightsURL) } catch {
            throw .modelFile(path: weightsURL.path, reason: "cannot read", cause: error)
        }
        try self.init(configurationData: configData, weightsData: data, directory: directory.path)
    }

    /// Loads a model from the bytes of its `config.json` and `model.safetensors`; `directory`
    /// only names the source in errors.
    ///
    /// The configuration is checked against the weights before any layer is allocated, so a
    /// hostile `config.json` asking for billions of units is refused instead of exhausting
    /// memory: beyond a million, the parameters it calls for must be present in the weights file.
    ///
    /// - Throws: as ``init(contentsOf:)``; also ``NetworkError/invalidConfiguration(_:)`` for
    ///   sizes that are not positive.
    public init(configurationData: Data, weightsData data: Data, directory: String) throws(NetworkError) {
        let configPath = directory + "/" + FileName.configuration
        let weightsPath = directory + "/" + FileName.weights
        let configuration: ModelConfiguration
        do {
            configuration = try JSONDecoder().decode(ModelConfiguration.self, from: configurationData)
        } catch {
            throw .modelFile(path: configPath, reason: "cannot read the configuration", cause: error)
        }
        try configuration.validate()
        let (tensors, _) = try SafeTensors.decode(data, path: weightsPath)
        // Up to a million weights (4 MB) are allocated anyway, so small mismatches get the
        // precise error below (which tensor is missing or misshapen).
        let available = tensors.values.reduce(0) { $0 + $1.count }
        guard let needed = configuration.parameterCount, needed <= max(available, 1 << 20) else {
            throw .modelFile(path: weightsPath, reason: "holds \(available) weights, fewer than the configuration's layers need")
        }
        var model = try SequenceModel(configuration: configuration, seed: 0)
        let names = model.parameterNames
        let current = model.parameters
        var loaded: [Tensor] = []
        for (index, name) in names.enumerated() {
            guard let tensor = tensors[name] else { throw .missingWeight(name: name, path: weightsPath) }
            guard tensor.shape == current[index].shape else {
                throw .shapeMismatch(context: "\(weightsPath): \(name)", expected: current[index].shape, actual: tensor.shape)
            }
            loaded.append(tensor)
        }
        if let extra = Set(tensors.keys).subtracting(names).sorted().first {
            throw .modelFile(path: weightsPath, reason: "unexpected tensor '\(extra)' for this configuration")
        }
        model.parameters = loaded
        self = model
    }
}

extension SequenceModel.FileName {
    /// The optimiser state for resuming training, safetensors (`m.NAME`, `v.NAME` per parameter;
    /// hyperparameters and the step count in the metadata).
    public static let optimizer = "optimizer.safetensors"
}

extension SequenceModel {
    /// Writes the optimiser's state beside the model files (atomically), so training can resume
    /// exactly where it stopped with ``loadOptimizer(from:)``.
    ///
    /// - Throws: ``NetworkError/Code/modelFile`` when the file cannot be written.
    public func saveOptimizer(_ optimizer: Adam, to directory: URL) throws(NetworkError) {
        let names = parameterNames
        var tensors: [(name: String, tensor: Tensor)] = []
        if !optimizer.momentums.isEmpty {
            for (index, name) in names.enumerated() where index < optimizer.momentums.count {
                tensors.append(("m.\(name)", optimizer.momentums[index]))
                tensors.append(("v.\(name)", optimizer.velocities[index]))
            }
        }
        var metadata = [
            "iterations": String(optimizer.iterations), "learningRate": String(optimizer.learningRate),
            "beta1": String(optimizer.beta1), "beta2": String(optimizer.beta2), "epsilon": String(optimizer.epsilon),
        ]
        if let clip = optimizer.globalClipNorm { metadata["globalClipNorm"] = String(clip) }
        let data = try SafeTensors.encode(tensors, metadata: metadata)
        let url = directory.appendingPathComponent(FileName.optimizer)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw .modelFile(path: url.path, reason: "cannot write", cause: error)
        }
    }

    /// Reads the optimiser state written by ``saveOptimizer(_:to:)``, checking it matches this
    /// model's parameters.
    ///
    /// - Throws: ``NetworkError/Code/modelFile`` for an unreadable or inconsistent
    ///   file, ``NetworkError/missingWeight(name:path:)`` for a missing moment,
    ///   ``NetworkError/shapeMismatch(context:expected:actual:)`` for a wrong shape.
    public func loadOptimizer(from directory: URL) throws(NetworkError) -> Adam {
        let url = directory.appendingPathComponent(FileName.optimizer)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .modelFile(path: url.path, reason: "cannot read", cause: error)
        }
        let (tensors, metadata) = try SafeTensors.decode(data, path: url.path)
        func number(_ key: String) throws(NetworkError) -> Float {
            guard let text = metadata[key], let value = Float(text) else {
                throw .modelFile(path: url.path, reason: "metadata '\(key)' is missing or not a number")
            }
            return value
        }
        guard let iterations = metadata["iterations"].flatMap({ Int($0) }), iterations >= 0 else {
            throw .modelFile(path: url.path, reason: "metadata 'iterations' is missing or invalid")
        }
        var optimizer = Adam(
            learningRate: try number("learningRate"), beta1: try number("beta1"), beta2: try number("beta2"),
            epsilon: try number("epsilon"), globalClipNorm: metadata["globalClipNorm"].flatMap { Float($0) })
        guard iterations > 0 else { return optimizer }
        var momentums: [Tensor] = [], velocities: [Tensor] = []
        for (name, parameter) in zip(parameterNames, parameters) {
            guard let m = tensors["m.\(name)"] else { throw .missingWeight(name: "m.\(name)", path: url.path) }
            guard let v = tensors["v.\(name)"] else { throw .missingWeight(name: "v.\(name)", path: url.path) }
            guard m.shape == parameter.shape, v.shape == parameter.shape else {
                throw .shapeMismatch(context: "\(url.path): moments of \(name)", expected: parameter.shape, actual: m.shape)
            }
            momentums.append(m)
            velocities.append(v)
        }
        try optimizer.restore(iterations: iterations, momentums: momentums, velocities: velocities)
        return optimizer
    }
}
