import Foundation
import Notation

/// The conditioning a ``Recipe/duet`` network reads with every element: where the *next*
/// element falls in the bar, and what the other hand sounds there. Fed with element t, it
/// describes the onset of element t + 1 (the end of element t), the moment the prediction is
/// about.
///
/// ``width`` values per element:
/// - 0–4, beat strength, one-hot: the downbeat; another beat of the meter; the half-beat (eighth
///   grid in x/4); the sixteenth grid; anywhere else (triplets).
/// - 5–6, the position in the bar as a point on a circle: sin and cos of 2π·position / bar.
/// - 7–18, the other hand's sounding pitch classes at that moment (C = 7 … B = 18), after the
///   corpus's move to C major / A minor.
/// - 19, whether the other hand's sounding element starts exactly there.
/// - 20–31, the key the piece is in, as its distance in semitones above the corpus's home key
///   (C major / A minor), one-hot: 0 for every corpus piece and every generated one, the shift
///   for a copy made by ``KeyAugmentation`` — so a network that learns all twelve keys knows
///   which one it is in and generation stays in C major / A minor (the score is moved to the
///   requested key afterwards).
///
/// What the other hand shows follows the order in which ``PieceGenerator`` samples on its shared
/// clock (the hand that is behind goes next, the treble first on a tie): the treble sees the bass
/// elements that started *before* the moment and still sound; the bass also sees a treble
/// element starting *at* the moment. Training reads the corpus with the same rule, so the
/// network is never taught from information generation cannot give it.
public enum HandConditioning {
    /// Values per element.
    public static let width = 32
    /// Values per element of a network trained before the key input (values 0–19): such a
    /// network reads the first ``keylessWidth`` values of each vector and still generates.
    public static let keylessWidth = 20

    /// The values of every element of `tokens` (`[count][width]`), one hand of a piece whose
    /// first element starts at `start`, the other hand's elements starting at `otherStart`.
    public static func values(hand: ClefStream, tokens: [Token], start: Rational, other: [Token],
                              otherStart: Rational, meter: TimeSignature, keyShift: Int = 0) -> [Float] {
        let timeline = HandTimeline(tokens: other, start: otherStart)
        var lengths = LengthCache()
        var result = [Float](repeating: 0, count: tokens.count * width)
        var moment = start
        for (t, token) in tokens.enumerated() {
            moment += lengths.length(token.durationLabel)
            let values = vector(at: moment, meter: meter, other: timeline.visible(at: moment, to: hand), keyShift: keyShift)
            for j in 0..<width { result[t * width + j] = values[j] }
        }
        return result
    }

    /// The values for a moment (quarter notes from the piece's start) given what the other hand
    /// shows there, in a piece `keyShift` semitones above the home key.
    public static func vector(at moment: Rational, meter: TimeSignature,
                              other: (pitchClasses: UInt16, startsHere: Bool), keyShift: Int = 0) -> [Float] {
        var v = [Float](repeating: 0, count: width)
        let bar = meter.barLength
        let position = moment - bar * Rational((moment / bar).floor)
        let beat = Rational(4, meter.denominator)
        if position == .zero { v[0] = 1 }
        else if (position / beat).isInteger { v[1] = 1 }
        else if (position / (beat / 2)).isInteger { v[2] = 1 }
        else if (position * 4).isInteger { v[3] = 1 }
        else { v[4] = 1 }
        let angle = 2 * Double.pi * position.doubleValue / max(bar.doubleValue, 1e-9)
        v[5] = Float(sin(angle))
        v[6] = Float(cos(angle))
        for pc in 0..<12 where other.pitchClasses & (1 << pc) != 0 { v[7 + pc] = 1 }
        v[19] = other.startsHere ? 1 : 0
        v[20 + ((keyShift % 12) + 12) % 12] = 1
        return v
    }

    /// Duration labels' lengths, looked up once each.
    struct LengthCache {
        private var lengths: [String: Rational] = [:]
        mutating func length(_ label: String) -> Rational {
            if let known = lengths[label] { return known }
            let length = (try? Duration(label: label))?.quarterLength ?? .zero
            lengths[label] = length
            return length
        }
    }
}

/// One hand's elements on the piece's time line, for what the other hand may see of it.
public struct HandTimeline: Sendable {
    private var onsets: [Rational] = []
    private var ends: [Rational] = []
    private var pitchClasses: [UInt16] = []
    /// Pitch classes of zero-length elements waiting for the element that ends their chord.
    private var heldBack: UInt16 = 0

    /// An empty timeline (generation appends as it samples).
    public init() {}

    /// The timeline of `tokens`, the first starting at `start`.
    public init(tokens: [Token], start: Rational) {
        var lengths = HandConditioning.LengthCache()
        var moment = start
        for token in tokens {
            let length = lengths.length(token.durationLabel)
            append(noteLabel: token.noteLabel, onset: moment, length: length)
            moment += length
        }
    }

    /// Adds an element after the last one. A zero-length element — a pitch of a chord written
    /// note by note (``TokenEncoding/notes``) — is held back and joins the next element, so the
    /// other hand sees the whole chord.
    public mutating func append(noteLabel: String, onset: Rational, length: Rational) {
        var mask = heldBack
        for pitch in Token.pitches(for: noteLabel) ?? [] { mask |= 1 << UInt16(pitch.pitchClass) }
        guard length > .zero else {
            heldBack = mask
            return
        }
        heldBack = 0
        onsets.append(onset)
        ends.append(onset + length)
        pitchClasses.append(mask)
    }

    /// The pitch classes sounding at `moment` that `hand` (the other hand) may see, and whether
    /// the element sounding there starts at `moment`: see ``HandConditioning``.
    public func visible(at moment: Rational, to hand: ClefStream) -> (pitchClasses: UInt16, startsHere: Bool) {
        // The last element starting at or before the moment.
        var low = 0, high = onsets.count
        while low < high {
            let mid = (low + high) / 2
            if onsets[mid] <= moment { low = mid + 1 } else { high = mid }
        }
        let index = low - 1
        guard index >= 0, ends[index] > moment else { return (0, false) }
        let startsHere = onsets[index] == moment
        // The treble goes first on a tie: it cannot see a bass element that starts with it.
        if hand == .treble && startsHere { return (0, false) }
        return (pitchClasses[index], startsHere)
    }
}
