import Foundation
import Notation

/// Cuts the near-silence FluidSynth appends after the music (about two seconds of dither), so
/// that a WAV lasts as long as its MIDI file plays: to the end of the last track, or later
/// while the last notes still sound.
enum WAVTrimmer {
    /// Samples at most this loud (of 32767, about −54 dB) count as silence.
    static let threshold = 64
    /// Kept after the last audible sample, so the release is not cut off mid-wave.
    static let margin = 0.05

    /// Returns the file's bytes with trailing silence removed, or `nil` when the file is not a
    /// 16-bit PCM WAV this understands (it is then left as FluidSynth wrote it).
    static func trimmed(_ data: Data, playingSeconds: Double) -> Data? {
        var bytes = [UInt8](data)
        func le(_ at: Int, _ count: Int) -> Int {
            var value = 0
            for i in 0..<count { value |= Int(bytes[at + i]) << (8 * i) }
            return value
        }
        func put32(_ value: Int, at: Int) {
            for i in 0..<4 { bytes[at + i] = UInt8((value >> (8 * i)) & 0xFF) }
        }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else { return nil }
        var position = 12, channels = 0, rate = 0, bits = 0
        while position + 8 <= bytes.count {
            let size = le(position + 4, 4), body = position + 8
            if bytes[position..<position + 4].elementsEqual("fmt ".utf8), body + 16 <= bytes.count {
                guard le(body, 2) == 1 else { return nil }
                channels = le(body + 2, 2); rate = le(body + 4, 4); bits = le(body + 14, 2)
            } else if bytes[position..<position + 4].elementsEqual("data".utf8) {
                guard bits == 16, channels > 0, rate > 0 else { return nil }
                let frameBytes = 2 * channels
                let end = min(body + size, bytes.count)
                let frames = (end - body) / frameBytes
                var last = -1
                var frame = frames - 1
                search: while frame >= 0 {
                    for channel in 0..<channels where abs(Int(Int16(truncatingIfNeeded: le(body + frame * frameBytes + 2 * channel, 2)))) > threshold {
                        last = frame
                        break search
                    }
                    frame -= 1
                }
                let played = Int(playingSeconds * Double(rate))
                let keep = min(frames, max(played, last + 1 + Int(margin * Double(rate))))
                let newSize = keep * frameBytes
                // The data chunk is the last one FluidSynth writes; anything after it is dropped.
                put32(newSize, at: position + 4)
                let total = body + newSize
                put32(total - 8, at: 4)
                return Data(bytes[0..<total])
            }
            position = body + size + (size & 1)
        }
        return nil
    }
}
