import Testing
import TokModelCore

@Suite("GatewayError")
struct GatewayErrorTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var kind: GatewayError.Kind
        var status: Int
        var openAI: String
        var anthropic: String
        var testDescription: String { "\(kind)" }
    }

    static let rows: [Row] = [
        Row(kind: .invalidRequest, status: 400, openAI: "invalid_request_error", anthropic: "invalid_request_error"),
        Row(kind: .authentication, status: 401, openAI: "authentication_error", anthropic: "authentication_error"),
        Row(kind: .insufficientCredits, status: 403, openAI: "insufficient_credits", anthropic: "permission_error"),
        Row(kind: .permissionDenied, status: 403, openAI: "permission_error", anthropic: "permission_error"),
        Row(kind: .notFound, status: 404, openAI: "not_found_error", anthropic: "not_found_error"),
        Row(kind: .payloadTooLarge, status: 413, openAI: "invalid_request_error", anthropic: "request_too_large"),
        Row(kind: .rateLimited(retryAfterSeconds: 7), status: 429, openAI: "rate_limit_error", anthropic: "rate_limit_error"),
        Row(kind: .internalError, status: 500, openAI: "internal_error", anthropic: "api_error"),
        Row(kind: .upstreamFailed, status: 502, openAI: "upstream_error", anthropic: "api_error"),
        Row(kind: .unavailable, status: 503, openAI: "service_unavailable", anthropic: "overloaded_error"),
        Row(kind: .upstreamTimeout, status: 504, openAI: "upstream_error", anthropic: "api_error"),
    ]

    @Test("status and type names for each kind", arguments: rows)
    func mapping(row: Row) {
        let error = GatewayError(row.kind, "message", code: "code")
        #expect(error.status == row.status)
        #expect(error.openAIType == row.openAI)
        #expect(error.anthropicType == row.anthropic)
        #expect(error.description == "\(row.status) code: message")
        #expect(error.param == nil)
    }

    @Test("common errors carry their codes and params")
    func commonErrors() {
        let missing = GatewayError.missingField("messages")
        #expect(missing.kind == .invalidRequest)
        #expect(missing.code == "missing_required_parameter")
        #expect(missing.param == "messages")
        #expect(missing.message.contains("'messages'"))

        let invalid = GatewayError.invalidField("n", "too big")
        #expect(invalid.kind == .invalidRequest)
        #expect(invalid.code == "invalid_value")
        #expect(invalid.param == "n")
        #expect(invalid.message == "Invalid value for 'n': too big.")

        let json = GatewayError.invalidJSON("bad")
        #expect(json.status == 400)
        #expect(json.code == "invalid_json")
        #expect(json.param == nil)

        let model = GatewayError.unknownModel("x/y")
        #expect(model.status == 404)
        #expect(model.code == "model_not_found")
        #expect(model.param == "model")
        #expect(model.message.contains("'x/y'"))

        #expect(GatewayError.unknownEndpoint("GET", "/v2/x").message.contains("GET /v2/x"))
        #expect(GatewayError.invalidKey.description == "401 invalid_api_key: Invalid API key.")
        #expect([GatewayError.missingKey, .invalidKey, .revokedKey, .expiredKey].allSatisfy { $0.status == 401 })
        #expect(GatewayError.insufficientCredits.status == 403)
        #expect(GatewayError.insufficientCredits.code == "insufficient_credits")
        #expect(GatewayError.redisUnavailable.status == 503)
    }

    @Test("rate-limited kinds compare by their retry delay")
    func kindEquality() {
        #expect(GatewayError.Kind.rateLimited(retryAfterSeconds: 1) == .rateLimited(retryAfterSeconds: 1))
        #expect(GatewayError.Kind.rateLimited(retryAfterSeconds: 1) != .rateLimited(retryAfterSeconds: 2))
    }
}
