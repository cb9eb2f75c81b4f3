/// The carried state (h and c of every LSTM layer) of a batch of windows, for truncated
/// back-propagation through time: the state after one batch starts the next batch of the same
/// pieces. Gradients do not flow back through it.
public struct RecurrentState: Sendable, Equatable {
    /// The number of windows B.
    public let batchSize: Int
    /// h per layer, each `[B][units]`.
    public var hidden: [[Float]]
    /// c per layer, each `[B][units]`.
    public var cells: [[Float]]

    /// A state of `batchSize` windows for layers of these sizes, all zeros (a piece's start).
    public init(batchSize: Int, units: [Int]) {
        self.batchSize = batchSize
        hidden = units.map { [Float](repeating: 0, count: batchSize * $0) }
        cells = units.map { [Float](repeating: 0, count: batchSize * $0) }
    }

    init(batchSize: Int, hidden: [[Float]], cells: [[Float]]) {
        self.batchSize = batchSize
        self.hidden = hidden
        self.cells = cells
    }

    /// Zeroes window `row`'s state: its stream starts a new piece.
    public mutating func reset(row: Int) {
        for layer in hidden.indices {
            let u = hidden[layer].count / batchSize
            for k in (row * u)..<((row + 1) * u) {
                hidden[layer][k] = 0
                cells[layer][k] = 0
            }
        }
    }

    /// The state of windows `rows`, in that order.
    public func rows(_ rows: [Int]) -> RecurrentState {
        var result = RecurrentState(batchSize: rows.count, hidden: [], cells: [])
        for layer in hidden.indices {
            let u = hidden[layer].count / batchSize
            var h: [Float] = [], c: [Float] = []
            h.reserveCapacity(rows.count * u)
            c.reserveCapacity(rows.count * u)
            for row in rows {
                h += hidden[layer][(row * u)..<((row + 1) * u)]
                c += cells[layer][(row * u)..<((row + 1) * u)]
            }
            result.hidden.append(h)
            result.cells.append(c)
        }
        return result
    }

    /// Writes `state`'s windows into windows `rows` of this state.
    public mutating func setRows(_ rows: [Int], from state: RecurrentState) {
        for layer in hidden.indices {
            let u = hidden[layer].count / batchSize
            for (k, row) in rows.enumerated() {
                for j in 0..<u {
                    hidden[layer][row * u + j] = state.hidden[layer][k * u + j]
                    cells[layer][row * u + j] = state.cells[layer][k * u + j]
                }
            }
        }
    }

    /// Whether the layers match `model`'s sizes for this batch size.
    func fits(_ model: SequenceModel) -> Bool {
        hidden.count == model.lstms.count && cells.count == model.lstms.count
            && zip(model.lstms, zip(hidden, cells)).allSatisfy {
                $0.units * batchSize == $1.0.count && $0.units * batchSize == $1.1.count
            }
    }
}
