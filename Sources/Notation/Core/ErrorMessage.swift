import Foundation

/// How an error that caused another one is quoted in the outer error's message.
package enum ErrorMessage {
    /// The localized text for Foundation's errors (whose `description` is a dump of the
    /// NSError), the description for every other error (ours print where and why).
    package static func of(_ error: any Error) -> String {
        let domain = (error as NSError).domain
        return domain == NSCocoaErrorDomain || domain == NSPOSIXErrorDomain ? error.localizedDescription : "\(error)"
    }
}
