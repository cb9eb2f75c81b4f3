/// Errors of the generation pipeline (corpus, training, model files, sampling).
public enum GenerationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The corpus folder holds no music file.
    case emptyCorpus(String)
    /// Too little music to cut even one training window.
    case notEnoughData(String)
    /// A model folder or checkpoint is missing, incomplete or corrupt.
    case invalidModel(path: String, reason: String)
    /// A file could not be written.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .emptyCorpus(let path): return "\(path): no music files (.mid, .midi, .musicxml, .xml, .mxl) found"
        case .notEnoughData(let why): return "not enough music to train: \(why)"
        case .invalidModel(let path, let reason): return "\(path): not a usable model: \(reason)"
        case .writeFailed(let path, let reason): return "\(path): cannot write: \(reason)"
        }
    }
}
