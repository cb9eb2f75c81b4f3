/// The architecture of a ``SequenceModel``: vocabulary sizes and layer sizes.
///
/// The seed's shape is LSTM → Dropout → LSTM → Dropout → LSTM → Dense(ReLU) → two softmax heads;
/// `lstmUnits` gives one entry per LSTM (default three of 256) and dropout follows every LSTM
/// but the last.
public struct ModelConfiguration: Codable, Sendable, Equatable {
    /// The number of note/chord labels (the first input and the first head).
    public var noteVocabularySize: Int
    /// The number of duration labels (the second input and the second head).
    public var durationVocabularySize: Int
    /// Units of each stacked LSTM, first to last.
    public var lstmUnits: [Int]
    /// Units of the ReLU dense layer before the heads.
    public var denseUnits: Int
    /// Dropout rate after each LSTM but the last.
    public var dropout: Float
    /// Dense conditioning values fed with every element after the two one-hot vectors (e.g. the
    /// position in the bar and the other hand's sounding pitches); 0 for the seed's network.
    /// Their weights are the last `conditioningSize` rows of the first LSTM's kernel.
    public var conditioningSize: Int

    /// A configuration; the defaults are the seed's sizes.
    public init(
        noteVocabularySize: Int, durationVocabularySize: Int,
        lstmUnits: [Int] = [256, 256, 256], denseUnits: Int = 256, dropout: Float = 0.3,
        conditioningSize: Int = 0
    ) {
        self.noteVocabularySize = noteVocabularySize
        self.durationVocabularySize = durationVocabularySize
        self.lstmUnits = lstmUnits
        self.denseUnits = denseUnits
        self.dropout = dropout
        self.conditioningSize = conditioningSize
    }

    private enum CodingKeys: String, CodingKey {
        case noteVocabularySize, durationVocabularySize, lstmUnits, denseUnits, dropout, conditioningSize
    }

    /// Decodes a configuration; files written before conditioning existed have none (0).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        noteVocabularySize = try container.decode(Int.self, forKey: .noteVocabularySize)
        durationVocabularySize = try container.decode(Int.self, forKey: .durationVocabularySize)
        lstmUnits = try container.decode([Int].self, forKey: .lstmUnits)
        denseUnits = try container.decode(Int.self, forKey: .denseUnits)
        dropout = try container.decode(Float.self, forKey: .dropout)
        conditioningSize = try container.decodeIfPresent(Int.self, forKey: .conditioningSize) ?? 0
    }

    /// Encodes the configuration; `conditioningSize` only when non-zero, so an unconditioned
    /// model writes the same bytes as before it existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(noteVocabularySize, forKey: .noteVocabularySize)
        try container.encode(durationVocabularySize, forKey: .durationVocabularySize)
        try container.encode(lstmUnits, forKey: .lstmUnits)
        try container.encode(denseUnits, forKey: .denseUnits)
        try container.encode(dropout, forKey: .dropout)
        if conditioningSize != 0 { try container.encode(conditioningSize, forKey: .conditioningSize) }
    }

    /// The width of the first LSTM's input: the two one-hot vectors side by side
    /// (note id, then duration id offset by `noteVocabularySize`), then the conditioning values.
    public var inputSize: Int { noteVocabularySize + durationVocabularySize + conditioningSize }

    /// Checks every size is positive and the dropout rate is in [0, 1).
    ///
    /// - Throws: ``NetworkError/invalidConfiguration(_:)`` naming the bad field.
    public func validate() throws(NetworkError) {
        guard noteVocabularySize > 0 else { throw .invalidConfiguration("noteVocabularySize must be > 0") }
        guard durationVocabularySize > 0 else {
            throw .invalidConfiguration("durationVocabularySize must be > 0")
        }
        guard !lstmUnits.isEmpty, lstmUnits.allSatisfy({ $0 > 0 }) else {
            throw .invalidConfiguration("lstmUnits must be a non-empty list of positive sizes")
        }
        guard denseUnits > 0 else { throw .invalidConfiguration("denseUnits must be > 0") }
        guard dropout >= 0, dropout < 1 else { throw .invalidConfiguration("dropout must be in [0, 1)") }
        guard conditioningSize >= 0, conditioningSize <= 1 << 16 else {
            throw .invalidConfiguration("conditioningSize must be in 0…65536")
        }
    }

    /// The number of weights the architecture holds (every LSTM's kernel, recurrent kernel and
    /// bias, the dense layer and both heads), or `nil` when it overflows `Int`.
    ///
    /// Computed without trapping so a loader can compare a hostile configuration's demand with
    /// the weights actually present before allocating anything.
    public var parameterCount: Int? {
        func add(_ a: Int, _ b: Int) -> Int? {
            let (r, o) = a.addingReportingOverflow(b)
            return o ? nil : r
        }
        func mul(_ a: Int, _ b: Int) -> Int? {
            let (r, o) = a.multipliedReportingOverflow(by: b)
            return o ? nil : r
        }
        guard var input = add(noteVocabularySize, durationVocabularySize).flatMap({ add($0, conditioningSize) })
        else { return nil }
        var total = 0
        for units in lstmUnits {
            // kernel [input, 4u] + recurrent [u, 4u] + bias [4u] = 4u · (input + u + 1)
            guard let gates = mul(4, units), let width = add(input, units).flatMap({ add($0, 1) }),
                  let layer = mul(gates, width), let sum = add(total, layer) else { return nil }
            total = sum
            input = units
        }
        guard let dense = add(input, 1).flatMap({ mul($0, denseUnits) }), let withDense = add(total, dense),
              let outputs = add(noteVocabularySize, durationVocabularySize),
              let heads = add(denseUnits, 1).flatMap({ mul($0, outputs) }),
              let all = add(withDense, heads) else { return nil }
        return all
    }

    /// Forward FLOPs of the matrix products for one training sequence of `steps` elements,
    /// counting the first LSTM's input product as a dense one-hot product (as Keras performs it).
    public func forwardFLOPs(steps: Int) -> Int {
        var flops = 0
        var input = inputSize
        for u in lstmUnits {
            flops += steps * 8 * u * (input + u)
            input = u
        }
        flops += 2 * input * denseUnits
        flops += 2 * denseUnits * (noteVocabularySize + durationVocabularySize)
        return flops
    }
}
