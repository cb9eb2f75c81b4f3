import ArgumentParser
import Generation

/// `recompose generate`'s options for sampling: length in elements, top-k, temperature, top-p,
/// seed and rhythm.
struct SamplingArguments: ParsableArguments {
    @Option(help: "Length in elements per hand (implies --rhythm seed).")
    var length: Int?

    @Option(help: "Sample among this many most likely notes/chords.")
    var topKNotes: Int = 10

    @Option(help: "Sample among this many most likely durations.")
    var topKDurations: Int = 5

    @Option(help: "Softmax temperature.")
    var temperature: Double = 1

    @Option(help: "Nucleus (top-p) threshold; 1 turns it off.")
    var topP: Double = 1

    @Option(help: "Random seed: the same seed gives the same piece.")
    var seed: UInt64 = 1

    @Option(help: "bar-aware or seed (the seed study's independent hands); default: the model's recipe's.")
    var rhythm: GenerationOptions.Rhythm?

    @Option(help: ArgumentHelp(
        "How strongly each hand prefers pitches consonant with what the other hand sounds (0: the model's odds alone).",
        discussion: "Default: the recipe's (\(Recipe.duet.harmony) for duet, 0 for the others, whose hands cannot hear each other)."))
    var harmony: Double?

    @Option(help: ArgumentHelp(
        "How strongly pitches follow the corpus's pitch-class profile of the key's mode (0: the model's odds alone).",
        discussion: "Default: the recipe's (\(Recipe.duet.tonality) for duet, 0 for the others)."))
    var tonality: Double?

    @Option(help: ArgumentHelp(
        "How much each hand repeats what the piece did before, as the model's repetition odds times this (0: never copies).",
        discussion: "Default: the recipe's (\(Recipe.duet.repetition) for duet, whose model folders record each hand's repetition odds; 0 for the others)."))
    var repetition: Double?

    func validate() throws {
        if let length { guard length >= 1, length <= 1_000_000 else { throw ValidationError("--length must be in 1…1000000.") } }
        guard topKNotes >= 1, topKDurations >= 1 else { throw ValidationError("top-k values must be at least 1.") }
        guard temperature > 0 else { throw ValidationError("--temperature must be positive.") }
        guard topP > 0, topP <= 1 else { throw ValidationError("--top-p must be in (0, 1].") }
        for (name, value) in [("--harmony", harmony), ("--tonality", tonality), ("--repetition", repetition)] {
            if let value { guard value >= 0, value <= 100 else { throw ValidationError("\(name) must be in 0…100.") } }
        }
    }

    /// Sets these options in `options`.
    func apply(to options: inout CompositionOptions) {
        options.elements = length
        options.topKNotes = topKNotes
        options.topKDurations = topKDurations
        options.temperature = temperature
        options.topP = topP
        options.seed = seed
        options.rhythm = rhythm
        options.harmony = harmony
        options.tonality = tonality
        options.repetition = repetition
    }
}

extension GenerationOptions.Rhythm: ExpressibleByArgument {}
