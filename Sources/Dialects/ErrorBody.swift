public import TokModelCore

/// The API dialect of an endpoint, which decides the shape of its error bodies.
public enum Dialect: Sendable, Equatable {
    case openAI
    case anthropic
    case gemini
}

/// Error bodies in each dialect's own shape, so that official SDKs raise their usual exception types.
public enum ErrorBody {
    public static func render(_ error: GatewayError, dialect: Dialect) -> [UInt8] {
        switch dialect {
        case .openAI:
            // {"error": {"message", "type", "param", "code"}}: what the OpenAI SDKs parse.
            var inner: [(String, JSONValue)] = [
                ("message", .string(error.message)),
                ("type", .string(error.openAIType)),
                ("param", error.param.map { .string($0) } ?? .null),
                ("code", .string(error.code)),
            ]
            if case .rateLimited(let seconds) = error.kind { inner.append(("retry_after_seconds", .int(seconds))) }
            return JSONWriter.bytes(.object([("error", .object(inner))]))
        case .anthropic:
            // {"type": "error", "error": {"type", "message"}}
            return JSONWriter.bytes(
                .object([
                    ("type", "error"),
                    ("error", .object([("type", .string(error.anthropicType)), ("message", .string(error.message))])),
                ]))
        case .gemini:
            // {"error": {"code", "message", "status"}}
            return JSONWriter.bytes(
                .object([
                    ("error", .object([("code", .int(error.status)), ("message", .string(error.message)), ("status", .string(geminiStatus(error)))]))
                ]))
        }
    }

    static func geminiStatus(_ error: GatewayError) -> String {
        switch error.kind {
        case .invalidRequest, .payloadTooLarge: "INVALID_ARGUMENT"
        case .authentication: "UNAUTHENTICATED"
        case .insufficientCredits, .permissionDenied: "PERMISSION_DENIED"
        case .notFound: "NOT_FOUND"
        case .rateLimited: "RESOURCE_EXHAUSTED"
        case .unavailable: "UNAVAILABLE"
        case .upstreamTimeout: "DEADLINE_EXCEEDED"
        case .upstreamFailed, .internalError: "INTERNAL"
        }
    }
}
