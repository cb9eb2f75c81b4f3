import Foundation
import Synchronization
import Testing
import Notation
import TestSupport

/// Readers share no mutable state: the same files read on all cores at once give exactly the
/// scores a sequential read gives (needs the shared corpora; reported as skipped without them).
@Suite("Parallel reading")
struct ParallelReadingTests {
    static let corpus = SharedData.url(SharedData.music21)
    static let midi = SharedData.url(SharedData.pianoMIDI)

    /// A fixed, varied subset: every 12th MusicXML file of the corpus and every 4th MIDI file.
    static func files() -> [URL] {
        let xml = MusicXMLTestData.musicXMLFiles(in: corpus).enumerated().filter { $0.offset % 12 == 0 }.map(\.element)
        let enumerator = FileManager.default.enumerator(at: midi, includingPropertiesForKeys: nil)
        let mids = (enumerator?.compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == "mid" }
            .sorted { $0.path < $1.path }.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
        return xml + mids
    }

    /// A score, or the error's text, so files that fail compare too.
    static func read(_ url: URL) -> Result<Score, ReadFailure> {
        do { return .success(try Score.read(contentsOf: url)) } catch { return .failure(ReadFailure(text: "\(error)")) }
    }

    @Test("the corpus read in parallel equals the corpus read sequentially",
          .requires(shared: SharedData.music21), .requires(shared: SharedData.pianoMIDI))
    func parallelEqualsSequential() throws {
        let files = Self.files()
        try #require(files.count >= 20)
        let sequential = files.map(Self.read)
        // The library's one pattern for parallel loops: each iteration fills its own slot behind a Mutex.
        let results = Mutex<[Result<Score, ReadFailure>?]>(Array(repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result = Self.read(files[index])
            results.withLock { $0[index] = result }
        }
        let parallel = results.withLock { $0 }
        #expect(sequential.filter { if case .success = $0 { return true } else { return false } }.count >= files.count / 2)
        for (index, file) in files.enumerated() where parallel[index] != sequential[index] {
            Issue.record("\(file.lastPathComponent): parallel read differs from sequential")
        }
    }
}

/// A read's error as text, so failed reads compare too.
struct ReadFailure: Error, Hashable {
    var text: String
}
