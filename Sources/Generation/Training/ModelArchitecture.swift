import NeuralNetwork

/// The shape of each clef's network: stacked LSTM layers, a dense layer and the dropout between
/// them. The vocabulary sizes, the rest of a ``/NeuralNetwork/ModelConfiguration``, come from
/// the corpus.
///
/// The defaults are the seed study's network (three LSTM layers of 256 units, dropout 0.3), as
/// `recompose train` uses them; `ModelArchitecture(units: 32, layers: 2)` trains in seconds.
public struct ModelArchitecture: Sendable, Hashable, Codable {
    /// Units of each LSTM layer, input side first.
    public var lstmUnits: [Int]
    /// Units of the dense layer before the two output heads.
    public var denseUnits: Int
    /// Dropout after each LSTM layer but the last.
    public var dropout: Float

    /// Creates an architecture of `layers` LSTM layers of `units` units each and a dense layer
    /// of `units` units (`recompose train --units --layers --dropout`).
    public init(units: Int = 256, layers: Int = 3, dropout: Float = 0.3) {
        self.init(lstmUnits: Array(repeating: units, count: layers), denseUnits: units, dropout: dropout)
    }

    /// Creates an architecture with layers of different sizes.
    public init(lstmUnits: [Int], denseUnits: Int, dropout: Float) {
        self.lstmUnits = lstmUnits
        self.denseUnits = denseUnits
        self.dropout = dropout
    }

    /// The network's configuration for vocabularies of these sizes.
    /// The network's configuration for vocabularies of these sizes, with `conditioningSize`
    /// dense inputs per element (``HandConditioning/width`` for ``Recipe/duet``, else 0).
    public func configuration(noteVocabularySize: Int, durationVocabularySize: Int,
                              conditioningSize: Int = 0) -> ModelConfiguration {
        ModelConfiguration(noteVocabularySize: noteVocabularySize, durationVocabularySize: durationVocabularySize,
                           lstmUnits: lstmUnits, denseUnits: denseUnits, dropout: dropout,
                           conditioningSize: conditioningSize)
    }
}
