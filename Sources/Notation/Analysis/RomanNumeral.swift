/// A chord named by its place in a key: a Roman numeral figure such as `V7`, `bII6`, `viio7/ii`
/// or `Ger65`, read in a ``Key``.
///
/// Make one from a figure, and its ``pitches`` are the chord it stands for; or from a chord,
/// and its ``figure`` names it:
///
/// ```swift
/// let v7 = try RomanNumeral("V7", in: .cMajor)
/// v7.pitches.map(\.name)          // ["G4", "B4", "D5", "F5"]
/// try RomanNumeral("N6", in: .aMinor).pitches.map(\.name)  // ["D5", "F5", "Bb5"]
/// RomanNumeral(chord: Chord([try Pitch("B3"), try Pitch("D4"), try Pitch("G4")]), in: .cMajor)?.figure  // "V6"
/// ```
///
/// Both directions answer as music21 10.5 does (`roman.RomanNumeral(figure, key).pitches` and
/// `roman.romanNumeralFromChord(chord, key).figure`), checked by `Scripts/parity/roman.sh`.
///
/// ## Figures
///
/// A figure is, in this order:
///
/// - an optional **alteration** of the scale degree, `b` (or `-`) or `#`, at most two
///   (`bII`, `#iv`, `bbVII`); it moves every chord tone except the seventh, which stays in
///   the key (`bVII7` in C is B♭ D F A);
/// - the **numeral**, `I` … `VII`; its case gives the quality: upper case major, lower case
///   minor;
/// - an optional **quality mark** that overrides the case: `o` (or `°`, `º`, `0`) diminished,
///   `ø` (or `/o`) half-diminished, `+` augmented; a seventh on `o` is diminished, on `ø`
///   half-diminished;
/// - an optional **inversion**: none or `53` root position, `6` (`63`) first inversion,
///   `64` second; for sevenths `7`, `65`, `43`, `42` (or `2`); slashes between the digits
///   (`6/4`) are ignored; see *Added and altered tones* for other figures and brackets;
/// - an optional **applied key** after a slash: `V7/V`, `viio7/ii`, `V/V/V`. The part after the
///   slash is read in the key first; its root is the tonic of the applied key, minor when that
///   chord is minor (or diminished, or has a minor third), otherwise major.
///
/// Special figures: `N6` is the Neapolitan `bII6` (`N` alone is `N6`, `N53` root position);
/// `It`, `Fr`, `Ger`, `Sw` with an optional `+` are the Italian (`It6`), French (`Fr43`),
/// German (`Ger65`) and Swiss (`Sw43`) augmented sixths, read in the minor key on the same
/// tonic (`Ger65` in C is A♭ C E♭ F♯; `Fr6` means `Fr43`, `Ger6` `Ger65`); `Cad64` is the
/// cadential six-four, `I64` in major and `i64` in minor.
///
/// ## Conventions (music21's)
///
/// - **Minor keys** use the natural minor scale, and the chord's quality corrects it: the
///   third, fifth and (for `o` and `ø`) seventh are respelled to the interval the quality
///   needs, so `V` in A minor is E G♯ B and `ii` (lower case) in A minor is B D F♯.
/// - **Sixth and seventh degrees in minor** follow music21's default `Minor67Default.QUALITY`:
///   a minor, diminished or half-diminished chord on ^6 or ^7 stands on the *raised* degree, a
///   major or augmented one on the natural (lowered) degree. In A minor `vii` is G♯ B D♯,
///   `viio7` G♯ B D F, `VII` G B D; `vi` is F♯ A C♯, `VI` F A C. An alteration counts from
///   there: `bVI` in A minor is F♭ A♭ C♭, `#vio` F𝄪 A♯ C♯.
/// - A **minor seventh chord** keeps the key's seventh unless the quality is minor and the key's
///   seventh is a major seventh above the root: `i7` in C major is C E♭ G B♭.
/// - **Voicing**: the bass is the scale degree in the octave above the tonic (the tonic is in
///   octave 4), and each further tone, from the third up, is the next one above the previous
///   (so `V7` in C is G4 B4 D5 F5, `I6` E4 G4 C5, `V` in A minor E5 G♯5 B5). ``pitches`` list
///   them from the bass up in that order.
/// - **Modes**: only minor keys have the ^6/^7 convention above; church modes use their own
///   scale with the quality corrections, and an augmented sixth is read in the parallel minor
///   only when the key is major (in a church mode, in that mode's scale).
/// - **Alterations** before the numeral go to two at most; music21 reads `bbbII` (and names a few
///   far-off chords `###i64`), this reader refuses it.
///
/// ## Added and altered tones
///
/// - **Figured-bass accidentals** stand before a figure (`V7b5`, `V#5`, `ii65b3`, `#753`):
///   music21 expands only the shorthands (`6` is 6 3, `7` is 7 5 3, `65` 6 5 3, `43` 6 4 3,
///   `42`/`2` 6 4 2) and otherwise takes the figures as written, so `V7b5` is E B♭ D in A minor
///   (no third), and a figure's own accidental is never respelled to the quality.
/// - **Brackets** after the figures: `[no5]` leaves out a chord tone (every tone of that name),
///   `[add6]` adds a tone counted from the root's scale degree (placed above the bass, the chord
///   then sorted from the bass up by letter), `[#7]` or `[b5]` alters a chord tone.
/// - **`d`** before a seventh figure (`Vd7`, `Vd65`) asks for a dominant seventh.
///
/// Ninths and larger figures (`V9`), naturals (`V7n5`) and figures music21 reads by skipping
/// characters it does not understand (`V99`, `V7q`) throw ``NotationError`` (`invalidRomanNumeral`), as do more than
/// two sharps or flats before the numeral (`bbbII`) and an empty figure (music21 answers all of
/// these with some chord).
public struct RomanNumeral: Sendable, Hashable {
    /// The figure as written, after music21's normalisations (`vii/o7` becomes `viiø7`,
    /// `viio7` may be written `vii07` or `vii°7`).
    public let figure: String
    /// The key the figure is read in.
    public let key: Key
    /// The chord tones from the bass up (for a chord that was named, the chord's pitches).
    public let pitches: [Pitch]
    /// The root of the chord.
    public let root: Pitch
    /// The scale degree the numeral stands on, 1…7 (4 for `It` and `Ger`, 2 for `Fr` and
    /// `Sw`, 2 for `N`), in ``appliedKey`` when there is one.
    public let scaleDegree: Int
    /// The written alteration of the degree: −1 for `bII`, 1 for `#iv`, 0 otherwise.
    public let alteration: Int
    /// 0 root position, 1 first inversion (`6`, `65`), 2 second (`64`, `43`), 3 third (`42`).
    public let inversion: Int
    /// The key of an applied chord (`V7/V` in C: G major), `nil` when the figure has no slash.
    public let appliedKey: Key?

    /// The lowest tone (both initializers make sure there is one).
    public var bass: Pitch { pitches[0] }
}

extension RomanNumeral: CustomStringConvertible {
    /// `"V7 in C major"`.
    public var description: String { "\(figure) in \(key)" }
}
