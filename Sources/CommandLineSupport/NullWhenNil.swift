/// An optional field that is written as `null` when it is `nil`, where synthesized `Encodable`
/// would leave the key out: for JSON lines whose fields are always present
/// (`{"tie":null,…}`, `{"validationLoss":null,…}`).
@propertyWrapper
package struct NullWhenNil<Value: Encodable>: Encodable {
    package var wrappedValue: Value?

    package init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
