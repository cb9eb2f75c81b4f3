// compose MODEL OUT [KEY [SEED]]
// Composes a two-hand piano piece with a model that `train` (or `recompose train`) wrote, and
// writes OUT.mid and OUT.musicxml: 32 bars of 4/4 at 90 quarter notes a minute in KEY ("C major"
// unless given; "A minor", "e", "Bb major"), sampled with SEED (1 unless given) — the piece
// `recompose generate --model MODEL --key KEY --seed SEED --out OUT` writes.
import Foundation
import Generation
import Notation

let arguments = CommandLine.arguments
guard (3...5).contains(arguments.count), let seed = UInt64(arguments.count == 5 ? arguments[4] : "1") else {
    FileHandle.standardError.write(Data("usage: compose MODEL OUT [KEY [SEED]]\n".utf8))
    exit(2)
}
do {
    let model = try ModelBundle(contentsOf: URL(fileURLWithPath: arguments[1]))
    let key = try Key(arguments.count >= 4 ? arguments[3] : "C major")
    let score = try model.compose(key: key, seed: seed)
    for format in ["mid", "musicxml"] {
        let file = URL(fileURLWithPath: arguments[2]).appendingPathExtension(format)
        try score.write(to: file)
        print(file.path)
    }
} catch {
    FileHandle.standardError.write(Data("compose: \(error.localizedDescription)\n".utf8))
    exit(1)
}
