/// A failure the gateway reports to a client. The dialect of the endpoint decides the body's shape
/// (`Dialects.ErrorBody`); the kind decides the status and the type names.
public struct GatewayError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// 400: malformed JSON, a missing or invalid field.
        case invalidRequest
        /// 401: no key, an unknown key, a revoked or expired key.
        case authentication
        /// 403: the account cannot cover the request, or the key may not use the model.
        case insufficientCredits
        case permissionDenied
        /// 404: unknown endpoint or model.
        case notFound
        /// 413: the request body exceeds the limit.
        case payloadTooLarge
        /// 429: over a rate limit; `retryAfterSeconds` goes into Retry-After.
        case rateLimited(retryAfterSeconds: Int)
        /// 502: the provider failed or answered with an error we cannot pass on.
        case upstreamFailed
        /// 504: the provider did not answer in time.
        case upstreamTimeout
        /// 503: a dependency the gateway cannot work without (Redis) is unreachable or rebuilding.
        case unavailable
        /// 500: a bug or an unexpected condition.
        case internalError
    }

    public var kind: Kind
    public var message: String
    /// A stable machine-readable code, e.g. `invalid_api_key`, `model_not_found`.
    public var code: String
    /// The offending request field, when there is one.
    public var param: String?

    public init(_ kind: Kind, _ message: String, code: String, param: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
        self.param = param
    }

    public var status: Int {
        switch kind {
        case .invalidRequest: 400
        case .authentication: 401
        case .insufficientCredits, .permissionDenied: 403
        case .notFound: 404
        case .payloadTooLarge: 413
        case .rateLimited: 429
        case .internalError: 500
        case .upstreamFailed: 502
        case .unavailable: 503
        case .upstreamTimeout: 504
        }
    }

    /// OpenAI's `error.type` for this kind.
    public var openAIType: String {
        switch kind {
        case .invalidRequest, .payloadTooLarge: "invalid_request_error"
        case .authentication: "authentication_error"
        case .insufficientCredits: "insufficient_credits"
        case .permissionDenied: "permission_error"
        case .notFound: "not_found_error"
        case .rateLimited: "rate_limit_error"
        case .upstreamFailed, .upstreamTimeout: "upstream_error"
        case .unavailable: "service_unavailable"
        case .internalError: "internal_error"
        }
    }

    /// Anthropic's `error.type` for this kind (their published list of error types).
    public var anthropicType: String {
        switch kind {
        case .invalidRequest: "invalid_request_error"
        case .authentication: "authentication_error"
        case .insufficientCredits, .permissionDenied: "permission_error"
        case .notFound: "not_found_error"
        case .payloadTooLarge: "request_too_large"
        case .rateLimited: "rate_limit_error"
        case .unavailable: "overloaded_error"
        case .upstreamFailed, .upstreamTimeout, .internalError: "api_error"
        }
    }

    public var description: String { "\(status) \(code): \(message)" }

    // MARK: Common errors, worded once.

    public static func invalidJSON(_ detail: String) -> GatewayError {
        GatewayError(.invalidRequest, "The request body is not valid JSON: \(detail).", code: "invalid_json")
    }

    public static func missingField(_ name: String) -> GatewayError {
        GatewayError(.invalidRequest, "Missing required parameter: '\(name)'.", code: "missing_required_parameter", param: name)
    }

    public static func invalidField(_ name: String, _ why: String) -> GatewayError {
        GatewayError(.invalidRequest, "Invalid value for '\(name)': \(why).", code: "invalid_value", param: name)
    }

    public static let missingKey = GatewayError(
        .authentication, "Missing API key. Send it as 'Authorization: Bearer YOUR_KEY'.", code: "missing_api_key")
    public static let invalidKey = GatewayError(.authentication, "Invalid API key.", code: "invalid_api_key")
    public static let revokedKey = GatewayError(.authentication, "This API key has been revoked.", code: "revoked_api_key")
    public static let expiredKey = GatewayError(.authentication, "This API key has expired.", code: "expired_api_key")
    public static let insufficientCredits = GatewayError(
        .insufficientCredits, "Insufficient credits: the account's balance does not cover this request. Top up and retry.",
        code: "insufficient_credits")

    public static func unknownModel(_ id: String) -> GatewayError {
        GatewayError(.notFound, "The model '\(id)' does not exist or is not available.", code: "model_not_found", param: "model")
    }

    public static func unknownEndpoint(_ method: String, _ path: String) -> GatewayError {
        GatewayError(.notFound, "Unknown endpoint: \(method) \(path).", code: "unknown_endpoint")
    }

    public static let redisUnavailable = GatewayError(
        .unavailable, "The gateway cannot verify keys and credits right now; retry shortly.", code: "governance_unavailable")
}
