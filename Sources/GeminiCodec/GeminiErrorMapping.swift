import Dialects
import TokModelCore

/// A Gemini error object (`{"error": {"code", "message", "status", "details"}}`, wire-formats §5.5) → the
/// ``GatewayError`` TokModel reports to its client, by the status table of §11.15.
///
/// What the client did wrong stays a 400 with the provider's own message (agents pattern-match phrases such as
/// the context-length one, which also gets OpenAI's `context_length_exceeded` code). What is the gateway's
/// business — Gemini rejecting the gateway's key (a 400 with reason `API_KEY_INVALID` in Gemini), a missing
/// model, a billing precondition — is a 502: the client can do nothing about it.
enum GeminiErrorMapping {
    static func gatewayError(from body: JSONValue, httpStatus: Int?) -> GatewayError {
        let error = body["error"].flatMap { value -> JSONValue? in
            if case .object = value { return value }
            return nil
        } ?? body
        let code = error["code"]?.int64Value.map { Int(clamping: $0) } ?? httpStatus ?? 500
        let status = error["status"]?.stringValue ?? statusName(forHTTP: code)
        let message = error["message"]?.stringValue ?? "no message"
        let details = error["details"]?.arrayValue ?? []
        let reasons = details.compactMap { $0["reason"]?.stringValue }

        switch status {
        case "INVALID_ARGUMENT", "OUT_OF_RANGE":
            if reasons.contains("API_KEY_INVALID") {
                return GatewayError(.upstreamFailed, "The provider rejected the gateway's credentials.", code: "upstream_authentication")
            }
            if isContextLength(message) {
                return GatewayError(.invalidRequest, message, code: "context_length_exceeded", param: "messages")
            }
            return GatewayError(.invalidRequest, "The provider rejected the request: \(message)", code: "upstream_invalid_request")
        case "RESOURCE_EXHAUSTED":
            return GatewayError(
                .rateLimited(retryAfterSeconds: retryDelaySeconds(details) ?? 1),
                "The provider is rate-limiting requests: \(message)", code: "upstream_rate_limited")
        case "UNAVAILABLE":
            return GatewayError(.unavailable, "The provider is overloaded or unavailable: \(message)", code: "upstream_unavailable")
        case "DEADLINE_EXCEEDED":
            return GatewayError(.upstreamTimeout, "The provider did not answer in time: \(message)", code: "upstream_timeout")
        case "UNAUTHENTICATED", "PERMISSION_DENIED":
            return GatewayError(.upstreamFailed, "The provider refused the gateway's credentials: \(message)", code: "upstream_authentication")
        default:
            return GatewayError(.upstreamFailed, "The provider failed (\(status)): \(message)", code: "upstream_error")
        }
    }

    static func statusName(forHTTP code: Int) -> String {
        switch code {
        case 400: "INVALID_ARGUMENT"
        case 401: "UNAUTHENTICATED"
        case 403: "PERMISSION_DENIED"
        case 404: "NOT_FOUND"
        case 429: "RESOURCE_EXHAUSTED"
        case 503: "UNAVAILABLE"
        case 504: "DEADLINE_EXCEEDED"
        default: "INTERNAL"
        }
    }

    /// Gemini's wording: "The input token count (N) exceeds the maximum number of tokens allowed (M)".
    static func isContextLength(_ message: String) -> Bool {
        let lower = message.lowercased()
        return lower.contains("exceeds the maximum number of tokens") || lower.contains("input token count")
    }

    /// `RetryInfo.retryDelay` (`"31s"`, `"0.5s"`) rounded up to whole seconds.
    static func retryDelaySeconds(_ details: [JSONValue]) -> Int? {
        for detail in details {
            guard detail["@type"]?.stringValue?.hasSuffix("google.rpc.RetryInfo") == true,
                let delay = detail["retryDelay"]?.stringValue, delay.hasSuffix("s")
            else { continue }
            let number = delay.dropLast()
            let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let whole = Int(parts[0]), whole >= 0 else { continue }
            let fraction = parts.count > 1 ? parts[1] : ""
            let roundUp = fraction.contains(where: { $0 != "0" }) ? 1 : 0
            return max(1, whole + roundUp)
        }
        return nil
    }
}
