import HTTPTypes
import Hummingbird

/// The optional key check, in each dialect's own header, which lets tests prove the gateway swapped in the
/// provider key (and put it where that provider expects it):
///
/// - OpenAI: exactly `Authorization: Bearer <key>` (the form every OpenAI client sends);
/// - Anthropic: `x-api-key: <key>`, or `Authorization: Bearer <key>`, which is how the official Python SDK
///   (2.x) sends an `api_key`;
/// - Gemini: `x-goog-api-key: <key>` (what the official SDK sends) or the query parameter `?key=<key>`.
enum MockAuthorization {
    static let anthropicKey = HTTPField.Name("x-api-key")!
    static let anthropicVersion = HTTPField.Name("anthropic-version")!
    static let geminiKey = HTTPField.Name("x-goog-api-key")!

    static func accepts(_ request: Request, requiredKey: String?) -> Bool {
        guard let requiredKey else { return true }
        guard let header = request.headers[.authorization] else { return false }
        let expected = "Bearer " + requiredKey
        return header.utf8.elementsEqual(expected.utf8)
    }

    static func acceptsAnthropic(_ request: Request, requiredKey: String?) -> Bool {
        guard let requiredKey else { return true }
        if let header = request.headers[anthropicKey] { return header.utf8.elementsEqual(requiredKey.utf8) }
        return accepts(request, requiredKey: requiredKey)
    }

    enum GeminiOutcome {
        case accepted
        /// No key at all: Gemini's 403.
        case missing
        /// A key that is not the required one.
        case wrong
    }

    static func checkGemini(_ request: Request, requiredKey: String?) -> GeminiOutcome {
        guard let requiredKey else { return .accepted }
        guard let key = request.headers[geminiKey] ?? request.uri.queryParameters.get("key") else { return .missing }
        return key.utf8.elementsEqual(requiredKey.utf8) ? .accepted : .wrong
    }
}
