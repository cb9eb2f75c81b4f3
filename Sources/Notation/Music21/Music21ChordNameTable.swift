/// music21's table of common names for pitch-class sets, for the sets
/// ``Chord/Music21/commonName`` supports: every set of three or four pitch classes, and the
/// three ninth-chord sets.
///
/// The names are those music21 gives (they go back to Larry Solomon's set-class table), keyed
/// by the set's ``PitchClassSet/transposedNormalForm`` so that inversionally related sets
/// (the major and minor triad, 3-11B and 3-11A) stay apart. The first name is the common
/// name; later ones are alternatives used for augmented-sixth spellings.
enum Music21ChordNameTable {
    struct Entry: Sendable {
        /// Forte's set-class number, with A/B for the two inversions.
        let forte: String
        let names: [String]
    }

    static let entries: [[Int]: Entry] = [
        [0, 1, 2]: Entry(forte: "3-1", names: ["chromatic trimirror"]),
        [0, 1, 3]: Entry(forte: "3-2A", names: ["phrygian trichord"]),
        [0, 1, 4]: Entry(forte: "3-3A", names: ["major-minor trichord"]),
        [0, 1, 5]: Entry(forte: "3-4A", names: ["incomplete major-seventh chord"]),
        [0, 1, 6]: Entry(forte: "3-5A", names: ["tritone-fourth"]),
        [0, 5, 6]: Entry(forte: "3-5B", names: ["tritone-fourth"]),
        [0, 4, 5]: Entry(forte: "3-4B", names: ["incomplete major-seventh chord"]),
        [0, 3, 4]: Entry(forte: "3-3B", names: ["major-minor trichord"]),
        [0, 2, 3]: Entry(forte: "3-2B", names: ["minor trichord"]),
        [0, 2, 4]: Entry(forte: "3-6", names: ["whole-tone trichord"]),
        [0, 2, 5]: Entry(forte: "3-7A", names: ["incomplete minor-seventh chord"]),
        [0, 2, 6]: Entry(forte: "3-8A", names: ["incomplete dominant-seventh chord", "Italian augmented sixth chord"]),
        [0, 2, 7]: Entry(forte: "3-9", names: ["quartal trichord"]),
        [0, 4, 6]: Entry(forte: "3-8B", names: ["incomplete half-diminished seventh chord"]),
        [0, 3, 5]: Entry(forte: "3-7B", names: ["incomplete dominant-seventh chord"]),
        [0, 3, 6]: Entry(forte: "3-10", names: ["diminished triad"]),
        [0, 3, 7]: Entry(forte: "3-11A", names: ["minor triad"]),
        [0, 4, 7]: Entry(forte: "3-11B", names: ["major triad"]),
        [0, 4, 8]: Entry(forte: "3-12", names: ["augmented triad", "equal 3-part octave division"]),
        [0, 1, 2, 3]: Entry(forte: "4-1", names: ["chromatic tetramirror", "BACH"]),
        [0, 1, 2, 4]: Entry(forte: "4-2A", names: ["major-second tetracluster"]),
        [0, 1, 2, 5]: Entry(forte: "4-4A", names: ["minor third tetracluster"]),
        [0, 1, 2, 6]: Entry(forte: "4-5A", names: ["major third tetracluster"]),
        [0, 1, 2, 7]: Entry(forte: "4-6", names: ["perfect fourth tetramirror"]),
        [0, 4, 5, 6]: Entry(forte: "4-5B", names: ["major third tetracluster"]),
        [0, 3, 4, 5]: Entry(forte: "4-4B", names: ["minor third tetracluster"]),
        [0, 2, 3, 4]: Entry(forte: "4-2B", names: ["major-second tetracluster"]),
        [0, 1, 3, 4]: Entry(forte: "4-3", names: ["alternating tetramirror"]),
        [0, 1, 3, 5]: Entry(forte: "4-11A", names: ["phrygian tetrachord"]),
        [0, 1, 3, 6]: Entry(forte: "4-13A", names: ["minor-second diminished tetrachord"]),
        [0, 1, 3, 7]: Entry(forte: "4-29A", names: ["all-interval tetrachord"]),
        [0, 4, 5, 7]: Entry(forte: "4-14B", names: ["perfect-fourth major tetrachord"]),
        [0, 3, 4, 6]: Entry(forte: "4-12B", names: ["major-third diminished tetrachord"]),
        [0, 2, 3, 5]: Entry(forte: "4-10", names: ["minor tetramirror"]),
        [0, 1, 4, 5]: Entry(forte: "4-7", names: ["Arabian tetramirror"]),
        [0, 1, 4, 6]: Entry(forte: "4-15A", names: ["all-interval tetrachord"]),
        [0, 1, 4, 7]: Entry(forte: "4-18A", names: ["major-diminished tetrachord"]),
        [0, 1, 4, 8]: Entry(forte: "4-19A", names: ["minor-augmented tetrachord"]),
        [0, 3, 4, 7]: Entry(forte: "4-17", names: ["major-minor tetramirror"]),
        [0, 2, 3, 6]: Entry(forte: "4-12A", names: ["harmonic minor tetrachord"]),
        [0, 1, 5, 6]: Entry(forte: "4-8", names: ["double-fourth tetramirror"]),
        [0, 1, 5, 7]: Entry(forte: "4-16A", names: ["minor-second quartal tetrachord"]),
        [0, 1, 5, 8]: Entry(forte: "4-20", names: ["major seventh chord"]),
        [0, 3, 4, 8]: Entry(forte: "4-19B", names: ["augmented major tetrachord"]),
        [0, 2, 3, 7]: Entry(forte: "4-14A", names: ["major-second minor tetrachord"]),
        [0, 1, 6, 7]: Entry(forte: "4-9", names: ["double tritone tetramirror"]),
        [0, 2, 6, 7]: Entry(forte: "4-16B", names: ["tritone quartal tetrachord"]),
        [0, 3, 6, 7]: Entry(forte: "4-18B", names: ["minor-diminished tetrachord"]),
        [0, 4, 6, 7]: Entry(forte: "4-29B", names: ["all-interval tetrachord"]),
        [0, 2, 5, 6]: Entry(forte: "4-15B", names: ["all-interval tetrachord"]),
        [0, 3, 5, 6]: Entry(forte: "4-13B", names: ["perfect-fourth diminished tetrachord"]),
        [0, 2, 4, 5]: Entry(forte: "4-11B", names: ["lydian tetrachord", "major tetrachord"]),
        [0, 2, 4, 6]: Entry(forte: "4-21", names: ["whole-tone tetramirror"]),
        [0, 2, 4, 7]: Entry(forte: "4-22A", names: ["major-second major tetrachord"]),
        [0, 2, 4, 8]: Entry(forte: "4-24", names: ["augmented seventh chord"]),
        [0, 3, 5, 7]: Entry(forte: "4-22B", names: ["perfect-fourth minor tetrachord"]),
        [0, 2, 5, 7]: Entry(forte: "4-23", names: ["quartal tetramirror"]),
        [0, 2, 5, 8]: Entry(forte: "4-27A", names: ["half-diminished seventh chord"]),
        [0, 3, 5, 8]: Entry(forte: "4-26", names: ["minor seventh chord"]),
        [0, 2, 6, 8]: Entry(forte: "4-25", names: ["Messiaen's truncated mode 6", "French augmented sixth chord"]),
        [0, 3, 6, 8]: Entry(forte: "4-27B", names: ["dominant seventh chord", "major minor seventh chord", "German augmented sixth chord", "Swiss augmented sixth chord"]),
        [0, 3, 6, 9]: Entry(forte: "4-28", names: ["diminished seventh chord", "equal 4-part octave division"]),
        [0, 1, 3, 5, 8]: Entry(forte: "5-27A", names: ["major-ninth chord"]),
        [0, 3, 5, 7, 8]: Entry(forte: "5-27B", names: ["minor-ninth chord"]),
        [0, 2, 4, 6, 9]: Entry(forte: "5-34", names: ["dominant-ninth", "major-minor", "Prometheus pentamirror", "dominant pentatonic"]),
    ]
}
