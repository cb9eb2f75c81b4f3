import Foundation
import NeuralNetwork

/// One shard encoded against a ``FrozenVocabulary``: per clef, flat `int32` arrays of note and
/// duration ids over all its pieces and `int64` offsets where each piece starts, stored as
/// `shard-00000-of-00004.safetensors` so that NumPy and PyTorch read it without this package.
///
/// Tensors: `treble.notes` and `treble.durations` (I32, `[T]`), `treble.offsets` (I64, `[P+1]`:
/// piece `p` is `offsets[p] ..< offsets[p+1]`), and the same three for `bass`. Metadata (strings,
/// as safetensors requires): `format` `"1"`, `vocabulary` (the fingerprint), `shard`, `shards`,
/// and `pieces`, a JSON array of the piece names.
public struct EncodedShard: Sendable, Hashable {
    /// The format written by this version.
    public static let currentFormat = 1

    /// One clef's ids over every piece of the shard.
    public struct Clef: Sendable, Hashable {
        /// Note/chord/rest ids, piece after piece.
        public var notes: [Int32]
        /// Duration ids, one per note id.
        public var durations: [Int32]
        /// Where each piece starts in `notes` and `durations`, then the end: `pieces + 1` values
        /// from 0 to `notes.count`, never decreasing.
        public var offsets: [Int64]

        /// Creates a clef's ids.
        public init(notes: [Int32], durations: [Int32], offsets: [Int64]) {
            self.notes = notes
            self.durations = durations
            self.offsets = offsets
        }

        /// Encodes one clef of these pieces; labels not in the vocabulary become `<unk>` (0).
        public init(_ clef: ClefStream, of pieces: [PreparedPiece], vocabulary: FrozenVocabulary.Clef) {
            var notes: [Int32] = [], durations: [Int32] = [], offsets: [Int64] = [0]
            for piece in pieces {
                for token in piece.tokens(clef) {
                    notes.append(Int32(vocabulary.notes.index(of: token.noteLabel)))
                    durations.append(Int32(vocabulary.durations.index(of: token.durationLabel)))
                }
                offsets.append(Int64(notes.count))
            }
            self.init(notes: notes, durations: durations, offsets: offsets)
        }

        /// The ids of piece `p`.
        public func piece(_ p: Int) -> (notes: ArraySlice<Int32>, durations: ArraySlice<Int32>) {
            let range = Int(offsets[p])..<Int(offsets[p + 1])
            return (notes[range], durations[range])
        }
    }

    /// This shard's number.
    public var shard: Int
    /// How many shards the set has.
    public var shards: Int
    /// The fingerprint of the vocabulary the ids index.
    public var vocabularyFingerprint: String
    /// The pieces' names, in order.
    public var pieceNames: [String]
    /// The treble clef's ids.
    public var treble: Clef
    /// The bass clef's ids.
    public var bass: Clef

    /// Creates an encoded shard.
    public init(shard: Int, shards: Int, vocabularyFingerprint: String, pieceNames: [String], treble: Clef, bass: Clef) {
        self.shard = shard
        self.shards = shards
        self.vocabularyFingerprint = vocabularyFingerprint
        self.pieceNames = pieceNames
        self.treble = treble
        self.bass = bass
    }

    /// Encodes a prepared shard's pieces against `vocabulary`.
    public init(shard: Int, shards: Int, pieces: [PreparedPiece], vocabulary: FrozenVocabulary) {
        self.init(shard: shard, shards: shards, vocabularyFingerprint: vocabulary.fingerprint, pieceNames: pieces.map(\.name),
                  treble: Clef(.treble, of: pieces, vocabulary: vocabulary.treble),
                  bass: Clef(.bass, of: pieces, vocabulary: vocabulary.bass))
    }

    /// The ids of one clef.
    public subscript(clef: ClefStream) -> Clef { clef == .treble ? treble : bass }

    /// The number of pieces.
    public var pieceCount: Int { pieceNames.count }

    /// One clef's pieces as ``EncodedPiece``s, for ``SequenceDataset`` and ``StreamDataset``.
    public func pieces(_ clef: ClefStream) -> [EncodedPiece] {
        let ids = self[clef]
        return pieceNames.indices.map { p in
            let piece = ids.piece(p)
            return EncodedPiece(name: pieceNames[p], notes: Array(piece.notes), durations: Array(piece.durations))
        }
    }

    /// The safetensors bytes.
    public func encoded() throws(GenerationError) -> Data {
        let names: String
        do { names = String(decoding: try JSONSerialization.data(withJSONObject: pieceNames, options: [.withoutEscapingSlashes]), as: UTF8.self) } catch {
            throw .corrupt(path: "<memory>", "cannot encode the piece names", cause: error)
        }
        var entries: [(name: String, entry: SafeTensors.Entry)] = []
        for clef in ClefStream.allCases {
            let ids = self[clef]
            entries.append(("\(clef.rawValue).notes", SafeTensors.Entry(int32: ids.notes)))
            entries.append(("\(clef.rawValue).durations", SafeTensors.Entry(int32: ids.durations)))
            entries.append(("\(clef.rawValue).offsets", SafeTensors.Entry(int64: ids.offsets)))
        }
        let metadata = ["format": String(Self.currentFormat), "vocabulary": vocabularyFingerprint,
                        "shard": String(shard), "shards": String(shards), "pieces": names]
        do { return try SafeTensors.encode(entries: entries, metadata: metadata) } catch {
            throw .corrupt(path: "<memory>", "cannot encode the shard", cause: error)
        }
    }

    /// Writes the safetensors bytes to `url` atomically.
    public func write(to url: URL) throws(GenerationError) {
        let data = try encoded()
        do { try data.write(to: url, options: .atomic) } catch { throw .writeFailed(path: url.path, cause: error) }
    }

    /// Decodes and checks an encoded shard (tensors, dtypes, shapes, offsets, metadata), without
    /// a vocabulary to check it against; `path` names the source in errors.
    ///
    /// - Throws: ``GenerationError/Code/corruptShard`` naming `path`.
    public static func decode(_ data: Data, path: String) throws(GenerationError) -> EncodedShard {
        let entries: [String: SafeTensors.Entry], metadata: [String: String]
        do { (entries, metadata) = try SafeTensors.decodeEntries(data, path: path) } catch {
            throw .corrupt(path: path, "not an encoded shard", cause: error)
        }
        guard metadata["format"] == String(currentFormat) else {
            throw .corrupt(path: path, "not an encoded shard of format \(currentFormat) (metadata format \(metadata["format"] ?? "absent"))")
        }
        guard let fingerprint = metadata["vocabulary"], let shard = metadata["shard"].flatMap({ Int($0) }),
              let shards = metadata["shards"].flatMap({ Int($0) }),
              let namesText = metadata["pieces"],
              let names = (try? JSONSerialization.jsonObject(with: Data(namesText.utf8))) as? [String] else {
            throw .corrupt(path: path, "its metadata lacks vocabulary, shard, shards or pieces")
        }
        guard (try? ShardSelector(index: shard, count: shards)) != nil else {
            throw .corrupt(path: path, "its metadata names shard \(shard) of \(shards)")
        }
        func clef(_ clef: ClefStream) throws(GenerationError) -> Clef {
            func tensor(_ kind: String) throws(GenerationError) -> SafeTensors.Entry {
                let name = "\(clef.rawValue).\(kind)"
                guard let entry = entries[name] else { throw .corrupt(path: path, "tensor '\(name)' is missing") }
                guard entry.shape.count == 1 else { throw .corrupt(path: path, "tensor '\(name)' has shape \(entry.shape), not one dimension") }
                return entry
            }
            let notesEntry = try tensor("notes"), durationsEntry = try tensor("durations"), offsetsEntry = try tensor("offsets")
            guard let notes = notesEntry.int32Values, let durations = durationsEntry.int32Values else {
                throw .corrupt(path: path, "\(clef.rawValue) notes and durations must be I32")
            }
            guard let offsets = offsetsEntry.int64Values else { throw .corrupt(path: path, "\(clef.rawValue).offsets must be I64") }
            guard notes.count == durations.count else {
                throw .corrupt(path: path, "\(clef.rawValue) has \(notes.count) note ids but \(durations.count) duration ids")
            }
            guard offsets.count == names.count + 1, offsets.first == 0, offsets.last == Int64(notes.count),
                  zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw .corrupt(path: path, "\(clef.rawValue).offsets are not \(names.count + 1) rising values from 0 to \(notes.count)")
            }
            guard notes.allSatisfy({ $0 >= 0 }), durations.allSatisfy({ $0 >= 0 }) else {
                throw .corrupt(path: path, "\(clef.rawValue) holds a negative id")
            }
            return Clef(notes: notes, durations: durations, offsets: offsets)
        }
        return EncodedShard(shard: shard, shards: shards, vocabularyFingerprint: fingerprint, pieceNames: names,
                            treble: try clef(.treble), bass: try clef(.bass))
    }

    /// Reads an encoded shard and checks it was encoded against `vocabulary`, with every id
    /// inside it.
    ///
    /// - Throws: ``GenerationError/Code/missingShard`` when the file is absent,
    ///   ``GenerationError/Code/vocabularyMismatch`` naming both fingerprints when the shard was
    ///   encoded against another vocabulary, ``GenerationError/Code/corruptShard`` otherwise.
    public static func read(from url: URL, vocabulary: FrozenVocabulary) throws(GenerationError) -> EncodedShard {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw GenerationError(code: .missingShard, path: url.path, reason: "no such encoded shard")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .corrupt(path: url.path, "cannot read the encoded shard", cause: error) }
        let shard = try decode(data, path: url.path)
        let expected = vocabulary.fingerprint
        guard shard.vocabularyFingerprint == expected else {
            throw .vocabularyMismatch(path: url.path, shardFingerprint: shard.vocabularyFingerprint, vocabularyFingerprint: expected)
        }
        for clef in ClefStream.allCases {
            let ids = shard[clef], sizes = vocabulary[clef]
            guard ids.notes.allSatisfy({ Int($0) < sizes.notes.count }), ids.durations.allSatisfy({ Int($0) < sizes.durations.count }) else {
                throw .corrupt(path: url.path, "\(clef.rawValue) holds an id beyond its vocabulary")
            }
        }
        return shard
    }
}
