import Foundation

/// How an error that caused another one is quoted in the outer error's message.
package enum ErrorMessage {
    /// The localized text for Foundation's errors (whose `description` is a dump of the
    /// NSError), the description for every other error (ours print where and why).
    package static func of(_ error: any Error) -> String {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return "\(error)" }
        // "The file doesn't exist." rather than "The operation could not be completed. The file…"
        return ns.localizedFailureReason ?? ns.localizedDescription
    }
}
