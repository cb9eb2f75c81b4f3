/// A command-line value the benchmark cannot run with (reported on stderr, exit status 2).
struct InvalidOption: Error, CustomStringConvertible {
    /// What is wrong, for the user.
    var description: String
}
