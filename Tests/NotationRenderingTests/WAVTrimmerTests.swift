import Foundation
import Testing
import Notation
@testable import NotationRendering

/// Cutting FluidSynth's trailing near-silence from a WAV, on hand-made files.
@Suite("WAVTrimmer")
struct WAVTrimmerTests {
    /// A mono 16-bit PCM WAV at 1000 samples per second: `loud` seconds of a square wave of
    /// amplitude 10000, then `quiet` seconds of ±1 dither.
    static func wav(loud: Double, quiet: Double) -> Data {
        let samples = (0..<Int(loud * 1000)).map { Int16($0 % 2 == 0 ? 10_000 : -10_000) }
            + (0..<Int(quiet * 1000)).map { Int16($0 % 2 == 0 ? 1 : -1) }
        var data = Data()
        func u32(_ v: Int) { data.append(contentsOf: (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) }) }
        func u16(_ v: Int) { data.append(contentsOf: (0..<2).map { UInt8((v >> (8 * $0)) & 0xFF) }) }
        data.append(contentsOf: Array("RIFF".utf8)); u32(36 + samples.count * 2); data.append(contentsOf: Array("WAVE".utf8))
        data.append(contentsOf: Array("fmt ".utf8)); u32(16); u16(1); u16(1); u32(1000); u32(2000); u16(2); u16(16)
        data.append(contentsOf: Array("data".utf8)); u32(samples.count * 2)
        for s in samples { u16(Int(UInt16(bitPattern: s))) }
        return data
    }

    static func seconds(_ data: Data) throws -> Double {
        let wave = try TestWAV(data: data)
        return wave.seconds
    }

    @Test("silence after the music is cut, keeping 50 ms after the last loud sample")
    func cutsTail() throws {
        let trimmed = try #require(WAVTrimmer.trimmed(Self.wav(loud: 1, quiet: 2), playingSeconds: 0.5))
        #expect(try Self.seconds(trimmed) == 1.05)
        #expect(trimmed.count == 44 + 1050 * 2)
        // The RIFF size is the file size less eight bytes.
        #expect(Int(trimmed[4]) | Int(trimmed[5]) << 8 | Int(trimmed[6]) << 16 == trimmed.count - 8)
    }

    @Test("the MIDI's own length is kept even when its end is silent (closing rests)")
    func keepsPlayingTime() throws {
        let trimmed = try #require(WAVTrimmer.trimmed(Self.wav(loud: 1, quiet: 2), playingSeconds: 2.5))
        #expect(try Self.seconds(trimmed) == 2.5)
    }

    @Test("a file it does not understand is left alone")
    func unknown() {
        #expect(WAVTrimmer.trimmed(Data("not a wave".utf8), playingSeconds: 1) == nil)
    }
}
