import Foundation
import Notation
import Synchronization
import NeuralNetwork

/// The seed's preprocessing, one step per method so each can be used on its own:
/// sampling files, key transposing, clef splitting and element extraction. Label encoding and
/// windowing are ``Vocabulary`` and ``SequenceDataset``; ``PreparedCorpus`` ties them together.
///
/// ```swift
/// let pre = CorpusPreprocessor(options: PreprocessingOptions(fileCount: 5))
/// let files = try pre.sampleFiles(in: URL(fileURLWithPath: "../shared/corpus/piano-midi/chopin"))
/// let corpus = pre.prepare(files: files)
/// print(corpus.pieces.count, corpus.failures.count)
/// ```
public struct CorpusPreprocessor: Sendable {
    /// File extensions read as corpus pieces.
    public static let extensions: Set<String> = ["mid", "midi", "musicxml", "xml", "mxl"]

    /// The settings.
    public var options: PreprocessingOptions

    /// Creates a preprocessor.
    public init(options: PreprocessingOptions = PreprocessingOptions()) { self.options = options }

    /// Step 1, sampling: the music files below `directory` (recursively, sorted by path), all of
    /// them or `options.fileCount` chosen by a seeded shuffle.
    ///
    /// - Throws: ``GenerationError/emptyCorpus(_:)`` when the folder has no music file.
    public func sampleFiles(in directory: URL) throws(GenerationError) -> [URL] {
        var files: [URL] = []
        if let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where CorpusPreprocessor.extensions.contains(url.pathExtension.lowercased()) {
                files.append(url)
            }
        }
        files.sort { $0.path < $1.path }
        guard !files.isEmpty else { throw .emptyCorpus(directory.path) }
        guard let count = options.fileCount, count < files.count else { return files }
        var generator = SeededRandom(seed: options.seed)
        return Array(files.shuffled(using: &generator).prefix(max(count, 1))).sorted { $0.path < $1.path }
    }

    /// Step 2, key transposing: the score in the target key (C major, or A minor for minor
    /// pieces), with the key estimated before and spelt as the score spells it
    /// (``/Notation/Score/keySpelledAsWritten(_:)``: D♭ major, not C♯ major, for a piece
    /// written with flats), each key area in a key of at most seven sharps or flats
    /// (``/Notation/Score/transposedKeepingKeysWritable(from:to:)``).
    public func transposeToTargetKey(_ score: Score) throws -> (score: Score, original: Key?, key: Key?) {
        guard let estimate = score.estimatedKey() else { return (score, nil, nil) }
        let source = score.keySpelledAsWritten(estimate.key)
        let moved = try score.transposedKeepingKeysWritable(from: source, to: options.targetKey)
        let destination = Key(signature: options.targetKey.signature, mode: source.mode)
        return (moved, source, source.mode == options.targetKey.mode ? options.targetKey : destination)
    }

    /// Step 3, clef splitting: a two-staff piano part (its first two staves, or a one-staff part
    /// split at `options.splitPoint`; a score of several parts is chordified first).
    public func pianoPart(of score: Score) -> Part {
        if let first = score.parts.first, first.staves.count >= 2 {
            var part = first
            part.staves = Array(first.staves.prefix(2))
            return part
        }
        if score.parts.count == 1 { return score.parts[0].splitIntoStaves(at: options.splitPoint) }
        return (score.chordifiedScore().parts.first ?? Part()).splitIntoStaves(at: options.splitPoint)
    }

    /// Steps 4–6, element extraction and data transformation: treble and bass token streams.
    public func tokens(of part: Part) -> (treble: [Token], bass: [Token]) {
        let extractor = ElementExtractor()
        return (extractor.tokens(of: part, staff: 1), extractor.tokens(of: part, staff: 2))
    }

    /// Steps 1–6 for one file, the token streams in ``PreprocessingOptions/tokenEncoding``.
    ///
    /// A MusicXML piece is played out first (`Score.unfolded()`): a repeat is music
    /// the model should hear twice. A MIDI file is a performance already.
    public func prepare(file url: URL) throws -> PreparedPiece {
        var score = try Score.read(contentsOf: url)
        if !["mid", "midi"].contains(url.pathExtension.lowercased()) { score = try score.unfolded() }
        let (moved, original, key) = try transposeToTargetKey(score)
        let part = pianoPart(of: moved)
        let extractor = ElementExtractor()
        let treble = extractor.timedTokens(of: part, staff: 1), bass = extractor.timedTokens(of: part, staff: 2)
        let meter = part.staves.first?.measures.lazy.compactMap(\.timeSignature).first
        let encoding = options.tokenEncoding
        return PreparedPiece(name: url.lastPathComponent, originalKey: original, key: key, treble: encoding.encode(treble.tokens),
                             bass: encoding.encode(bass.tokens), meter: meter, trebleStart: treble.start, bassStart: bass.start)
    }

    /// Steps 1–6 for a corpus folder: ``sampleFiles(in:)``, then ``prepare(files:progress:)``.
    /// Files that cannot be read are listed in ``PreparedCorpus/failures``; if none can be read,
    /// the corpus comes back with no pieces.
    ///
    /// - Parameters:
    ///   - folder: the corpus: a folder of MIDI and MusicXML files, searched recursively.
    ///   - sampled: called with the files chosen, before any is read.
    /// - Throws: ``GenerationError/emptyCorpus(_:)`` when the folder has no music file.
    public func prepare(corpus folder: URL, sampled: ([URL]) -> Void = { _ in }) throws(GenerationError) -> PreparedCorpus {
        let files = try sampleFiles(in: folder)
        sampled(files)
        return prepare(files: files)
    }

    /// Steps 1–6 for many files, read in parallel on every core. Files that cannot be read are
    /// reported in ``PreparedCorpus/failures`` and left out; the order of pieces follows `files`.
    /// `progress` is called from the reading threads, with the number of files done so far.
    public func prepare(files: [URL], progress: (@Sendable (Int, Int) -> Void)? = nil) -> PreparedCorpus {
        var pieces: [PreparedPiece] = [], failures: [CorpusFailure] = []
        for result in results(files: files, progress: progress) {
            switch result {
            case .success(let piece): pieces.append(piece)
            case .failure(let failure): failures.append(failure)
            }
        }
        return PreparedCorpus(options: options, pieces: pieces, failures: failures)
    }

    /// Steps 1–6 for many files, read in parallel on every core: one result per file, in the
    /// order of `files`, so each piece or failure can be traced to its file.
    /// `progress` is called from the reading threads, with the number of files done so far.
    public func results(files: [URL], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Result<PreparedPiece, CorpusFailure>] {
        // The package's one pattern for a parallel loop: each iteration stores its result in its
        // own slot of an array behind a `Mutex`; `Atomic` only counts.
        let results = Mutex([Result<PreparedPiece, CorpusFailure>?](repeating: nil, count: files.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let url = files[index]
            let result: Result<PreparedPiece, CorpusFailure>
            do { result = .success(try prepare(file: url)) } catch {
                result = .failure(CorpusFailure(file: url.path, reason: "\(error)"))
            }
            results.withLock { $0[index] = result }
            let finished = done.add(1, ordering: .relaxed).newValue
            progress?(finished, files.count)
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}

/// A corpus file that could not be prepared, and why.
public struct CorpusFailure: Error, Sendable, Hashable, Codable {
    /// The file's path.
    public var file: String
    /// What went wrong.
    public var reason: String
}
