/// The error that caused another, stored so that the outer error keeps synthesized equality:
/// two errors are the same problem at the same place whatever their causes, which are often
/// Foundation errors that cannot be compared.
package struct ErrorCause: Hashable, Sendable {
    package var error: (any Error)?
    package init(_ error: (any Error)?) { self.error = error }
    package static func == (_: ErrorCause, _: ErrorCause) -> Bool { true }
    package func hash(into _: inout Hasher) {}
}
