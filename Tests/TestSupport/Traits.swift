import Testing

/// Conditions for tests that need more than the repository: each is `.enabled(if:_:)` with the
/// reason, so when the condition fails the test is reported as skipped and says why, instead of
/// returning early and passing on nothing. The condition is evaluated when the test is about to
/// run.
extension Trait where Self == ConditionTrait {
    /// Runs only when the shared test data holds `relativePath` (see ``SharedData``).
    public static func requires(shared relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        .enabled(if: SharedData.isAvailable(relativePath), SharedData.missing(relativePath), sourceLocation: sourceLocation)
    }

    /// Runs only when the program `name` is on `PATH`; `package` names the Debian package that
    /// installs it, for the reason.
    public static func requires(program name: String, package: String, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        .enabled(if: ExternalProgram.isAvailable(name),
                 Comment(rawValue: "\(name) is not on PATH (Debian package \(package))"), sourceLocation: sourceLocation)
    }
}
