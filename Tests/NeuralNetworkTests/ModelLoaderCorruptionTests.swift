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

    /// The error names the weights file, whichever check refused it.
    static func namesTheWeightsFile(_ error: NetworkError) -> Bool {
        switch error.code {
        case .modelFile, .missingWeight: error.path == "m/model.safetensors"
        case .shapeMismatch: error.reason.hasPrefix("m/model.safetensors: ")
        default: false
        }
    }

    /// The bit patterns of every parameter, so that NaNs made by a flip compare too.
    static func bits(_ model: SequenceModel) -> [[UInt32]] {
        model.parameters.map { $0.scalars.map(\.bitPattern) }
    }

    @Test("every single byte of the weights' header flipped: an error naming the file, or a faithful load")
    func flippedHeaderBytes() throws {
        let (config, weights) = try Self.files()
        let original = try SequenceModel(configurationData: config, weightsData: weights, directory: "m")
        let headerLength = Int(weights[0]) | Int(weights[1]) << 8
        var refused = 0
        for at in 0..<min(weights.count, 8 + headerLength) {
            var damaged = weights
            damaged[at] ^= 0x55
            do {
                // The header says which bytes are which weight: a flip there that still loads
                // must have changed nothing the loader reads (the faithful load is the original).
                let loaded = try SequenceModel(configurationData: config, weightsData: damaged, directory: "m")
                #expect(Self.bits(loaded) == Self.bits(original), "header byte \(at) flipped loads other weights")
            } catch {
                #expect(Self.namesTheWeightsFile(error), "header byte \(at): \(error)")
                refused += 1
            }
        }
        // The length, the JSON's punctuation, the names, the dtype and the numbers: no byte of
        // this header can change without the file being refused.
        #expect(refused == min(weights.count, 8 + headerLength))
    }

    @Test("every single byte of the weights' data flipped: the model loads with exactly that weight changed, bit for bit")
    func flippedDataBytes() throws {
        let (config, weights) = try Self.files()
        let original = try SequenceModel(configurationData: config, weightsData: weights, directory: "m")
        let headerLength = Int(weights[0]) | Int(weights[1]) << 8
        // Where each tensor's bytes are, from the header (offsets count from the header's end).
        let header = try #require(try JSONSerialization.jsonObject(with: weights[8..<(8 + headerLength)]) as? [String: Any])
        let offsets: [(parameter: Int, begin: Int, end: Int)] = try original.parameterNames.enumerated().map { index, name in
            let entry = try #require(header[name] as? [String: Any])
            let range = try #require(entry["data_offsets"] as? [Int])
            return (index, 8 + headerLength + range[0], 8 + headerLength + range[1])
        }
        #expect(offsets.last?.end == weights.count)
        for at in (8 + headerLength)..<weights.count {
            var damaged = weights
            damaged[at] ^= 0x55
            let loaded = try SequenceModel(configurationData: config, weightsData: damaged, directory: "m")
            // Little-endian Float32: byte `at` is byte (at - begin) % 4 of scalar (at - begin) / 4.
            var expected = Self.bits(original)
            let place = try #require(offsets.first { $0.begin <= at && at < $0.end })
            let scalar = (at - place.begin) / 4, byte = (at - place.begin) % 4
            expected[place.parameter][scalar] ^= UInt32(0x55) << (8 * UInt32(byte))
            #expect(Self.bits(loaded) == expected, "data byte \(at) flipped")
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
