import Foundation
import Testing
@testable import NeuralNetwork

/// A damaged `model.safetensors` or `config.json` is refused with a typed error at every
/// truncation point and for hostile sizes, never a trap or an unbounded allocation.
@Suite("Model loader corruption")
struct ModelLoaderCorruptionTests {
    static let configuration = ModelConfiguration(noteVocabularySize: 6, durationVocabularySize: 3, lstmUnits: [5, 4], denseUnits: 4)

    /// The two files of a small saved model.
    static func files() throws -> (config: Data, weights: Data) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-corrupt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try SequenceModel(configuration: configuration, seed: 3).save(to: directory)
        return (try Data(contentsOf: directory.appendingPathComponent(SequenceModel.FileName.configuration)),
                try Data(contentsOf: directory.appendingPathComponent(SequenceModel.FileName.weights)))
    }

    @Test("model.safetensors truncated at every offset is a modelFile error")
    func truncatedWeights() throws {
        let (config, weights) = try Self.files()
        let whole = try SequenceModel(configurationData: config, weightsData: weights, directory: "m")
        #expect(whole == (try SequenceModel(configuration: Self.configuration, seed: 3)))
        for cut in 0..<weights.count {
            do {
                _ = try SequenceModel(configurationData: config, weightsData: weights.prefix(cut), directory: "m")
                Issue.record("weights cut at \(cut) of \(weights.count) loaded")
            } catch {
                guard error.code == .modelFile else { Issue.record("cut \(cut): \(error)"); continue }
                #expect(error.path == "m/model.safetensors")
            }
        }
    }

    @Test("config.json truncated at every offset is a modelFile error naming it")
    func truncatedConfiguration() throws {
        let (config, weights) = try Self.files()
        for cut in 0..<config.count {
            do {
                _ = try SequenceModel(configurationData: config.prefix(cut), weightsData: weights, directory: "m")
                Issue.record("config cut at \(cut) loaded")
            } catch {
                guard error.code == .modelFile else { Issue.record("cut \(cut): \(error)"); continue }
                #expect(error.path == "m/config.json")
            }
        }
    }

    @Test("every single byte of the weights' header flipped: an error or a faithful load, never a trap")
    func flippedHeaderBytes() throws {
        let (config, weights) = try Self.files()
        let headerLength = Int(weights[0]) | Int(weights[1]) << 8
        for at in 0..<min(weights.count, 8 + headerLength) {
            var damaged = weights
            damaged[at] ^= 0x55
            _ = try? SequenceModel(configurationData: config, weightsData: damaged, directory: "m")
        }
    }

    @Test("a configuration asking for billions of weights is refused before allocating")
    func hugeConfiguration() throws {
        let (_, weights) = try Self.files()
        for units in ["[1000000000]", "[4611686018427387903]", "[5, 3000000]"] {
            let config = Data(#"{"noteVocabularySize":6,"durationVocabularySize":3,"lstmUnits":\#(units),"denseUnits":4,"dropout":0.3}"#.utf8)
            #expect(throws: NetworkError.self) {
                try SequenceModel(configurationData: config, weightsData: weights, directory: "m")
            }
        }
        // Sizes whose sum overflows Int have no parameter count at all.
        let overflow = ModelConfiguration(noteVocabularySize: Int.max, durationVocabularySize: 2, lstmUnits: [1], denseUnits: 1)
        #expect(overflow.parameterCount == nil)
        // The count matches the layers actually built: 4u(in+u+1) per LSTM, then dense and heads.
        let c = Self.configuration
        let expected = 4 * 5 * (9 + 5 + 1) + 4 * 4 * (5 + 4 + 1) + (4 + 1) * 4 + (4 + 1) * 6 + (4 + 1) * 3
        #expect(c.parameterCount == expected)
        #expect(try SequenceModel(configuration: c, seed: 0).parameters.reduce(0) { $0 + $1.count } == expected)
    }

    @Test("a model directory with damaged files is refused through init(contentsOf:) too")
    func damagedDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-corrupt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try SequenceModel(configuration: Self.configuration, seed: 3).save(to: directory)
        let weightsURL = directory.appendingPathComponent(SequenceModel.FileName.weights)
        let weights = try Data(contentsOf: weightsURL)
        try weights.prefix(weights.count / 2).write(to: weightsURL)
        #expect(throws: NetworkError.self) { try SequenceModel(contentsOf: directory) }
        try FileManager.default.removeItem(at: weightsURL)
        #expect(throws: NetworkError.self) { try SequenceModel(contentsOf: directory) }
    }
}
