import Foundation
import Generation

/// Prints training progress: one rewritten line on a terminal, plain lines (one per epoch)
/// otherwise, so logs stay readable.
struct ProgressLine {
    let label: String
    private var lastPrinted = Date.distantPast

    init(label: String) { self.label = label }

    mutating func report(_ p: TrainingProgress) {
        let eta = ProgressLine.clock(p.secondsLeft)
        let rate = String(format: "%.1f", p.sequencesPerSecond)
        let loss = String(format: "%.4f", p.loss)
        if let validation = p.validationLoss {
            let text = "\(label) epoch \(p.epoch)/\(p.epochs): loss \(loss), validation \(String(format: "%.4f", validation)), \(rate) seq/s, ETA \(eta)"
            if standardErrorIsTerminal { FileHandle.standardError.write(Data(("\r\u{1B}[K" + text + "\n").utf8)) }
            else { note(text) }
            return
        }
        guard standardErrorIsTerminal, Date().timeIntervalSince(lastPrinted) > 0.2 else { return }
        lastPrinted = Date()
        let text = "\(label) epoch \(p.epoch)/\(p.epochs) step \(p.step)/\(p.steps): loss \(loss), \(rate) seq/s, ETA \(eta)"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
