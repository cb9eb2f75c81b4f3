import CommandLineSupport
import Foundation

/// The loop behind the oracle commands (`theory`, `roman`): one JSON request a line on standard
/// input, one JSON answer a line on standard output, flushed at once — the parity scripts send
/// a question and may wait for its answer. A request that cannot be answered gets
/// `{"error": "…"}` on its line, and the session goes on.
enum OracleSession {
    /// Answers every line of standard input with `answer`; `malformed` is the error text for a
    /// line that does not decode as a `Request`.
    static func answerEachLine<Request: Decodable>(
        _: Request.Type, malformed: String, _ answer: (Request) throws -> any Encodable
    ) throws {
        var output = JSONLines()
        let decoder = JSONDecoder()
        while let line = readLine() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            do {
                let request: Request
                do { request = try decoder.decode(Request.self, from: Data(line.utf8)) } catch is DecodingError {
                    throw RequestError(malformed)
                }
                try output.write(try answer(request))
            } catch {
                try output.write(Failure(error: "\(error)"))
            }
            output.flush()
        }
    }

    /// The answer to a request that could not be answered.
    struct Failure: Encodable {
        var error: String
    }
}

/// A malformed oracle request: a missing field, an unknown question.
struct RequestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
