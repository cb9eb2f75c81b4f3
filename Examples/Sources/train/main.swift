// train CORPUS MODEL [EPOCHS]
// Trains a treble and a bass model on the MIDI and MusicXML files below CORPUS and saves them in
// MODEL, with checkpoints in MODEL/checkpoints (run it again to resume). The network is that of
// Scripts/main-job.sh — windows of 32 elements, three LSTM layers of 128 units, 12 epochs unless
// EPOCHS says otherwise — so MODEL holds what `recompose train --corpus CORPUS --seq 32
// --units 128 --layers 3 --epochs EPOCHS --out MODEL` writes. One line per epoch.
import Foundation
import Generation

let arguments = CommandLine.arguments
guard arguments.count == 3 || arguments.count == 4, let epochs = Int(arguments.count == 4 ? arguments[3] : "12") else {
    FileHandle.standardError.write(Data("usage: train CORPUS MODEL [EPOCHS]\n".utf8))
    exit(2)
}
// The default recipe (duet) with its own preprocessing defaults — chords note by note, every key —
// and windows of 32.
var options = TrainingConfiguration(architecture: ModelArchitecture(units: 128, layers: 3))
options.preprocessing.sequenceLength = 32
options.training.epochs = epochs
let folder = URL(fileURLWithPath: arguments[2])
do {
    let model = try ModelBundle.train(corpus: URL(fileURLWithPath: arguments[1]), options: options,
                                      checkpoints: folder.appendingPathComponent("checkpoints")) { event in
        if case .corpusPrepared(let corpus) = event { print(corpus.summary) }
        if case .progress(let clef, let p) = event, let validation = p.validationLoss {
            print("\(clef) epoch \(p.epoch)/\(p.epochs): loss \(p.loss), validation loss \(validation)")
        }
    }
    try model.save(to: folder)
    print("model written to \(folder.path)")
} catch {
    FileHandle.standardError.write(Data("train: \(error.localizedDescription)\n".utf8))
    exit(1)
}
