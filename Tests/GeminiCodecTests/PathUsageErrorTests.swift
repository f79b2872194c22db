import Conversation
import Dialects
import GeminiCodec
import Testing
import TokModelCore

@Suite("Gemini paths, usage and errors")
struct PathUsageErrorTests {
    @Test(
        "paths: generate and stream, models/ and tunedModels/ prefixes, everything unsafe percent-encoded",
        arguments: [
            ("gemini-2.5-flash", false, "/models/gemini-2.5-flash:generateContent"),
            ("gemini-2.5-flash", true, "/models/gemini-2.5-flash:streamGenerateContent?alt=sse"),
            ("models/gemini-2.5-pro", false, "/models/gemini-2.5-pro:generateContent"),
            ("tunedModels/my-model-123", true, "/tunedModels/my-model-123:streamGenerateContent?alt=sse"),
            ("gemini-exp_1.0~x", false, "/models/gemini-exp_1.0~x:generateContent"),
            ("a/../b:c?d#e f", false, "/models/a%2F..%2Fb%3Ac%3Fd%23e%20f:generateContent"),
            ("modèle", false, "/models/mod%C3%A8le:generateContent"),
        ])
    func paths(model: String, stream: Bool, expected: String) {
        #expect(GeminiGenerateContent.path(upstreamModel: model, stream: stream) == expected)
    }

    @Test("usage: all counters, cached clamped to input, negatives ignored, nil without counts")
    func usage() throws {
        #expect(
            GeminiGenerateContent.usage(
                from: try json(
                    #"{"promptTokenCount": 100, "cachedContentTokenCount": 60, "candidatesTokenCount": 20, "thoughtsTokenCount": 5, "toolUsePromptTokenCount": 10, "totalTokenCount": 135}"#
                )) == Usage(inputTokens: 110, outputTokens: 25, cachedInputTokens: 60, reasoningTokens: 5))
        #expect(GeminiGenerateContent.usage(from: try json(#"{"promptTokenCount": 5, "cachedContentTokenCount": 9}"#)) == Usage(inputTokens: 5, cachedInputTokens: 5))
        #expect(GeminiGenerateContent.usage(from: try json(#"{"candidatesTokenCount": -3, "thoughtsTokenCount": 2}"#)) == Usage(outputTokens: 2, reasoningTokens: 2))
        #expect(GeminiGenerateContent.usage(from: try json(#"{"usageMetadata": {"promptTokenCount": 1}}"#)) == Usage(inputTokens: 1))
        #expect(GeminiGenerateContent.usage(from: try json(#"{"totalTokenCount": 7}"#)) == nil)
        #expect(GeminiGenerateContent.usage(from: "text") == nil)
    }

    @Test("error bodies map to gateway errors by status (§11.15)")
    func errors() throws {
        func map(_ text: String, status: Int? = nil) throws -> GatewayError {
            GeminiGenerateContent.upstreamError(from: try json(text), httpStatus: status)
        }
        let rate = try map(
            #"{"error": {"code": 429, "message": "Quota exceeded.", "status": "RESOURCE_EXHAUSTED", "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": []}, {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30.2s"}]}}"#
        )
        #expect(rate.kind == .rateLimited(retryAfterSeconds: 31))
        #expect(rate.status == 429)
        #expect(try map(#"{"error": {"code": 429, "message": "slow down", "status": "RESOURCE_EXHAUSTED"}}"#).kind == .rateLimited(retryAfterSeconds: 1))

        let key = try map(
            #"{"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com"}]}}"#
        )
        #expect(key.kind == .upstreamFailed)
        #expect(!key.message.contains("API key not valid"))

        let bad = try map(#"{"error": {"code": 400, "message": "Invalid JSON payload received. Unknown name \"foo\"", "status": "INVALID_ARGUMENT"}}"#)
        #expect(bad.kind == .invalidRequest)
        #expect(bad.code == "upstream_invalid_request")
        #expect(bad.message.hasSuffix(#"Unknown name "foo""#))

        let long = try map(
            #"{"error": {"code": 400, "message": "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).", "status": "INVALID_ARGUMENT"}}"#
        )
        #expect(long == GatewayError(.invalidRequest, "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).", code: "context_length_exceeded", param: "messages"))

        #expect(try map(#"{"error": {"code": 503, "message": "overloaded", "status": "UNAVAILABLE"}}"#).kind == .unavailable)
        #expect(try map(#"{"error": {"code": 504, "message": "slow", "status": "DEADLINE_EXCEEDED"}}"#).kind == .upstreamTimeout)
        #expect(try map(#"{"error": {"code": 403, "message": "denied", "status": "PERMISSION_DENIED"}}"#).kind == .upstreamFailed)
        #expect(try map(#"{"error": {"code": 404, "message": "models/x is not found", "status": "NOT_FOUND"}}"#).kind == .upstreamFailed)
        #expect(try map(#"{"error": {"code": 500, "message": "An internal error has occurred.", "status": "INTERNAL"}}"#).code == "upstream_error")
        // No code or status in the body: the HTTP status decides.
        #expect(try map(#"{"error": {"message": "busy"}}"#, status: 503).kind == .unavailable)
        #expect(try map(#"{"unexpected": true}"#, status: 429).kind == .rateLimited(retryAfterSeconds: 1))
    }
}
