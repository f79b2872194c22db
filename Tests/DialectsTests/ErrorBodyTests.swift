import Dialects
import Testing
import TokModelCore

@Suite("ErrorBody")
struct ErrorBodyTests {
    @Test("OpenAI shape: error.message, type, param, code")
    func openAI() throws {
        let body = ErrorBody.render(.missingField("model"), dialect: .openAI)
        #expect(
            text(body)
                == #"{"error":{"message":"Missing required parameter: 'model'.","type":"invalid_request_error","param":"model","code":"missing_required_parameter"}}"#
        )
        let noParam = ErrorBody.render(.invalidKey, dialect: .openAI)
        #expect(text(noParam) == #"{"error":{"message":"Invalid API key.","type":"authentication_error","param":null,"code":"invalid_api_key"}}"#)
    }

    @Test("OpenAI rate limits carry retry_after_seconds")
    func openAIRateLimit() throws {
        let error = GatewayError(.rateLimited(retryAfterSeconds: 7), "Slow down \"now\".", code: "rate_limited")
        #expect(
            text(ErrorBody.render(error, dialect: .openAI))
                == #"{"error":{"message":"Slow down \"now\".","type":"rate_limit_error","param":null,"code":"rate_limited","retry_after_seconds":7}}"#
        )
    }

    @Test("Anthropic shape: type error, error.type and error.message")
    func anthropic() {
        #expect(
            text(ErrorBody.render(.invalidKey, dialect: .anthropic)) == #"{"type":"error","error":{"type":"authentication_error","message":"Invalid API key."}}"#)
        let error = GatewayError(.rateLimited(retryAfterSeconds: 7), "Slow down.", code: "rate_limited")
        #expect(text(ErrorBody.render(error, dialect: .anthropic)) == #"{"type":"error","error":{"type":"rate_limit_error","message":"Slow down."}}"#)
    }

    @Test("Gemini shape: error.code (the HTTP status), message and status")
    func gemini() {
        #expect(text(ErrorBody.render(.invalidKey, dialect: .gemini)) == #"{"error":{"code":401,"message":"Invalid API key.","status":"UNAUTHENTICATED"}}"#)
    }

    @Test(
        "every kind renders in every dialect with matching status names",
        arguments: [
            (GatewayError.Kind.invalidRequest, "INVALID_ARGUMENT"),
            (.payloadTooLarge, "INVALID_ARGUMENT"),
            (.authentication, "UNAUTHENTICATED"),
            (.insufficientCredits, "PERMISSION_DENIED"),
            (.permissionDenied, "PERMISSION_DENIED"),
            (.notFound, "NOT_FOUND"),
            (.rateLimited(retryAfterSeconds: 3), "RESOURCE_EXHAUSTED"),
            (.unavailable, "UNAVAILABLE"),
            (.upstreamTimeout, "DEADLINE_EXCEEDED"),
            (.upstreamFailed, "INTERNAL"),
            (.internalError, "INTERNAL"),
        ])
    func allKinds(kind: GatewayError.Kind, geminiStatus: String) throws {
        let error = GatewayError(kind, "m\n\"x\"", code: "c", param: "p")
        let gemini = try JSONParser.parse(ErrorBody.render(error, dialect: .gemini))
        #expect(gemini == ["error": ["code": .int(error.status), "message": "m\n\"x\"", "status": .string(geminiStatus)]])

        let anthropic = try JSONParser.parse(ErrorBody.render(error, dialect: .anthropic))
        #expect(anthropic == ["type": "error", "error": ["type": .string(error.anthropicType), "message": "m\n\"x\""]])

        let openAI = try JSONParser.parse(ErrorBody.render(error, dialect: .openAI))
        var inner: JSONValue = ["message": "m\n\"x\"", "type": .string(error.openAIType), "param": "p", "code": "c"]
        if case .rateLimited(let seconds) = kind { inner.set("retry_after_seconds", .int(seconds)) }
        #expect(openAI == ["error": inner])
    }
}
