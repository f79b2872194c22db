import Dialects
import TokModelCore

/// An error Anthropic reports in a body or mid-stream (`{"type":"error","error":{"type","message"}}`) as a
/// gateway error, keeping the provider's message, which usually says what went wrong.
enum ProviderErrors {
    static func gatewayError(_ body: JSONValue) -> GatewayError {
        let error = body["error"]
        let type = error?["type"]?.stringValue ?? "api_error"
        let message = error?["message"]?.stringValue ?? "The provider reported an error (\(type))."
        let kind: GatewayError.Kind
        switch type {
        // `overloaded_error` and `unavailable` map to each other, so an Anthropic client sees the same type.
        case "overloaded_error": kind = .unavailable
        case "timeout_error": kind = .upstreamTimeout
        default: kind = .upstreamFailed
        }
        return GatewayError(kind, message, code: type)
    }

    static func malformed(_ what: String) -> GatewayError {
        GatewayError(.upstreamFailed, "The provider sent \(what) that is not valid Anthropic Messages output.", code: "invalid_upstream_response")
    }
}
