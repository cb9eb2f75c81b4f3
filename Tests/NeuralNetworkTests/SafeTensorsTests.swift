import Foundation
import Testing
@testable import NeuralNetwork

@Suite struct SafeTensorsTests {
    /// The byte layout, checked by hand: header length, JSON header, little-endian Float32 data.
    @Test func encodesTheDocumentedLayout() throws {
        let data = try SafeTensors.encode([("a", try Tensor(shape: [2], scalars: [1, -2]))])
        let bytes = [UInt8](data)
        let length = Int(bytes[0]) | Int(bytes[1]) << 8
        #expect(bytes[2..<8].allSatisfy { $0 == 0 })
        #expect(length % 8 == 0)
        let header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
        #expect(header.trimmingCharacters(in: .whitespaces) == #"{"a":{"data_offsets":[0,8],"dtype":"F32","shape":[2]}}"#)
        // 1.0 = 0x3F800000, -2.0 = 0xC0000000, little-endian.
        #expect(Array(bytes[(8 + length)...]) == [0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0])
    }

    /// A file written by the reference implementation (Python `safetensors`
    /// `save_file({"a": [[1, 2, 3], [4, 5, 6.5]], "b": [-0.5]})`, float32) decodes to those values.
    @Test func readsTheReferenceWritersFile() throws {
        let url = FixtureFiles.url("reference-writer.safetensors")
        let (tensors, metadata) = try SafeTensors.decode(Data(contentsOf: url), path: url.path)
        #expect(tensors["a"] == (try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6.5])))
        #expect(tensors["b"] == (try Tensor(shape: [1], scalars: [-0.5])))
        #expect(metadata == ["writer": "safetensors python"])
    }

    @Test func roundTripsTensorsAndMetadata() throws {
        let a = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6.5])
        let b = try Tensor(shape: [1], scalars: [-0.25])
        let data = try SafeTensors.encode([("x.kernel", a), ("y", b)], metadata: ["format": "recompose"])
        let (tensors, metadata) = try SafeTensors.decode(data)
        #expect(tensors["x.kernel"] == a)
        #expect(tensors["y"] == b)
        #expect(metadata == ["format": "recompose"])
    }

    /// Integer entries, bytes checked by hand: I32 and I64 little-endian, two's complement.
    @Test func encodesIntegerEntries() throws {
        let data = try SafeTensors.encode(entries: [("i", SafeTensors.Entry(int32: [1, -2])), ("l", SafeTensors.Entry(int64: [3]))])
        let bytes = [UInt8](data)
        let length = Int(bytes[0]) | Int(bytes[1]) << 8
        let header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
        #expect(header.trimmingCharacters(in: .whitespaces)
                == #"{"i":{"data_offsets":[0,8],"dtype":"I32","shape":[2]},"l":{"data_offsets":[8,16],"dtype":"I64","shape":[1]}}"#)
        #expect(Array(bytes[(8 + length)...]) == [1, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 3, 0, 0, 0, 0, 0, 0, 0])
        let (entries, _) = try SafeTensors.decodeEntries(data)
        #expect(entries["i"]?.int32Values == [1, -2])
        #expect(entries["l"]?.int64Values == [3])
        #expect(entries["i"]?.int64Values == nil)
        // The Float32-only reader refuses integers rather than reinterpreting their bits.
        #expect(throws: NetworkError.self) { try SafeTensors.decode(data) }
    }

    @Test func integerEntriesRoundTripExtremes() throws {
        let int32s: [Int32] = [.min, -1, 0, 1, .max], int64s: [Int64] = [.min, -1, 0, 1 << 40, .max]
        let data = try SafeTensors.encode(entries: [("a", SafeTensors.Entry(int32: int32s)), ("b", SafeTensors.Entry(int64: int64s)),
                                                    ("c", SafeTensors.Entry(try Tensor(shape: [1, 2], scalars: [0.5, -1])))],
                                          metadata: ["k": "v"])
        let (entries, metadata) = try SafeTensors.decodeEntries(data)
        #expect(entries["a"]?.int32Values == int32s)
        #expect(entries["b"]?.int64Values == int64s)
        #expect(entries["c"]?.tensor == (try Tensor(shape: [1, 2], scalars: [0.5, -1])))
        #expect(metadata == ["k": "v"])
        // A header whose I64 offsets hold a byte count of I32 is refused.
        let header = #"{"a":{"dtype":"I64","shape":[2],"data_offsets":[0,8]}}"#
        var bad = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bad.append(contentsOf: $0) }
        bad.append(contentsOf: Array(header.utf8))
        bad.append(contentsOf: [UInt8](repeating: 0, count: 8))
        #expect(throws: NetworkError.self) { try SafeTensors.decodeEntries(bad) }
        #expect(throws: NetworkError.self) { try SafeTensors.Entry(dtype: .int64, shape: [3], bytes: [UInt8](repeating: 0, count: 16)) }
    }

    @Test func rejectsTruncatedAndMalformedFiles() throws {
        let data = try SafeTensors.encode([("a", try Tensor(shape: [4], scalars: [1, 2, 3, 4]))])
        #expect(throws: NetworkError.self) { try SafeTensors.decode(data.prefix(5)) }
        #expect(throws: NetworkError.self) { try SafeTensors.decode(data.prefix(data.count - 4)) }
        var bad = data
        bad[0] = 0xFF
        #expect(throws: NetworkError.self) { try SafeTensors.decode(bad) }
        // A header claiming an absurd shape is refused, not trusted.
        let header = #"{"a":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,16]}}"#
        var hostile = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { hostile.append(contentsOf: $0) }
        hostile.append(contentsOf: Array(header.utf8))
        hostile.append(contentsOf: [UInt8](repeating: 0, count: 16))
        #expect(throws: NetworkError.self) { try SafeTensors.decode(hostile) }
    }

    /// Save then load gives the same model.
    @Test func modelSaveAndLoadRoundTrip() throws {
        let configuration = ModelConfiguration(noteVocabularySize: 6, durationVocabularySize: 3, lstmUnits: [5, 4], denseUnits: 4)
        let model = try SequenceModel(configuration: configuration, seed: 8)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-model-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.save(to: directory)
        let loaded = try SequenceModel(contentsOf: directory)
        #expect(loaded == model)
    }

    /// Loading names the missing tensor and the shape mismatch.
    @Test func loadingChecksNamesAndShapes() throws {
        let configuration = ModelConfiguration(noteVocabularySize: 6, durationVocabularySize: 3, lstmUnits: [5], denseUnits: 4)
        let model = try SequenceModel(configuration: configuration, seed: 8)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-model-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.save(to: directory)
        let weightsURL = directory.appendingPathComponent(SequenceModel.FileName.weights)

        var tensors = Array(zip(model.parameterNames, model.parameters)).filter { $0.0 != "dense.bias" }
        try SafeTensors.encode(tensors.map { ($0.0, $0.1) }).write(to: weightsURL)
        #expect(throws: NetworkError.missingWeight(name: "dense.bias", path: weightsURL.path)) {
            try SequenceModel(contentsOf: directory)
        }

        tensors = Array(zip(model.parameterNames, model.parameters))
        tensors[0].1 = Tensor(shape: [2, 2])
        try SafeTensors.encode(tensors.map { ($0.0, $0.1) }).write(to: weightsURL)
        #expect(throws: NetworkError.shapeMismatch(context: "\(weightsURL.path): lstm_1.kernel", expected: [9, 20], actual: [2, 2])) {
            try SequenceModel(contentsOf: directory)
        }
    }
}

/// Saving and resuming: model + optimiser state written after some steps, read back, continued —
/// the same weights as training straight through.
@Suite struct ResumeTests {
    @Test func resumedTrainingMatchesUninterrupted() throws {
        try BLAS.require()
        let configuration = ModelConfiguration(noteVocabularySize: 5, durationVocabularySize: 2, lstmUnits: [6, 6], denseUnits: 4)
        let batch = try TrainingBatch(
            batchSize: 2, steps: 3, notes: [0, 1, 2, 3, 4, 0], durations: [0, 1, 0, 1, 0, 1],
            targetNotes: [3, 1], targetDurations: [0, 0])
        var straight = try SequenceModel(configuration: configuration, seed: 5)
        var optimizer = Adam(learningRate: 0.01, globalClipNorm: 5)
        var random = SeededRandom(seed: 6)
        for _ in 0..<3 { try straight.train(batch, optimizer: &optimizer, random: &random) }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("recompose-resume-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try straight.save(to: directory)
        try straight.saveOptimizer(optimizer, to: directory)
        var resumed = try SequenceModel(contentsOf: directory)
        var resumedOptimizer = try resumed.loadOptimizer(from: directory)
        #expect(resumedOptimizer.iterations == 3)
        #expect(resumedOptimizer.globalClipNorm == 5)
        var resumedRandom = random
        for _ in 0..<2 {
            try straight.train(batch, optimizer: &optimizer, random: &random)
            try resumed.train(batch, optimizer: &resumedOptimizer, random: &resumedRandom)
        }
        #expect(straight.parameters == resumed.parameters)
    }
}
