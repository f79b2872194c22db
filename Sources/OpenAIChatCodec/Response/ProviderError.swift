import Dialects
import TokModelCore

/// A provider's in-body error → a ``GatewayError`` of kind `.upstreamFailed` (502: the provider failed, not the
/// client). The provider's message is kept, since it usually holds the useful detail (§11.15); its `code`
/// (or `type`) becomes the error's code so that logs and clients can tell failures apart.
enum ProviderError {
    /// The error a body or chunk reports, if any: OpenAI's `{"error": {...}}` (or a bare `{"error": "text"}`
    /// from looser hosts) and vLLM's `{"object": "error", "message": ...}`.
    static func find(in body: JSONValue) -> GatewayError? {
        if let error = body["error"], !error.isNull { return gatewayError(error) }
        if body["object"] == "error" { return gatewayError(body) }
        return nil
    }

    static func gatewayError(_ error: JSONValue) -> GatewayError {
        if case .string(let message) = error {
            return GatewayError(.upstreamFailed, message.isEmpty ? defaultMessage : message, code: "upstream_error")
        }
        let message = error["message"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? defaultMessage
        let code = error["code"]?.stringValue ?? error["type"]?.stringValue ?? "upstream_error"
        return GatewayError(.upstreamFailed, message, code: code.isEmpty ? "upstream_error" : code, param: error["param"]?.stringValue)
    }

    static let defaultMessage = "The provider reported an error without a message."

    /// A provider answer that cannot be read.
    static func malformed(_ what: String) -> GatewayError {
        GatewayError(.upstreamFailed, "The provider's answer could not be read: \(what).", code: "invalid_upstream_response")
    }
}
