import Dialects

/// An error answer in OpenAI's shape, `{"error":{"message","type","param","code"}}`, which the official SDKs
/// turn into their usual exception types (`BadRequestError`, `RateLimitError`, ...). The gateway must map
/// these provider errors, so the mock produces them exactly as OpenAI does.
public struct MockError: Error, Sendable, Equatable {
    public var status: Int
    public var message: String
    public var type: String
    public var param: String?
    public var code: String?

    public init(status: Int, message: String, type: String, param: String? = nil, code: String? = nil) {
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
    }

    /// A 400 about the request body.
    public static func invalidRequest(_ message: String, param: String? = nil) -> MockError {
        MockError(status: 400, message: message, type: "invalid_request_error", param: param, code: nil)
    }

    /// Anthropic's 401 for a missing or wrong key (`x-api-key` or `Authorization: Bearer`).
    public static func invalidAnthropicKey() -> MockError {
        MockError(
            status: 401, message: "invalid x-api-key: the mock provider requires its configured key.",
            type: "authentication_error", code: "invalid_api_key")
    }

    /// Anthropic's 400 when `anthropic-version` is missing.
    public static func missingAnthropicVersion() -> MockError {
        MockError(status: 400, message: "anthropic-version: header is required", type: "invalid_request_error")
    }

    /// Gemini's 403 for a request without any key (`x-goog-api-key` or `?key=`).
    public static func missingGeminiKey() -> MockError {
        MockError(
            status: 403,
            message: "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
            type: "permission_error", code: "permission_denied")
    }

    /// Gemini's answer to a wrong key, as a 401 (`UNAUTHENTICATED`) carrying the `API_KEY_INVALID` reason.
    /// (Google itself answers 400 `INVALID_ARGUMENT` with that reason; the mock uses 401 so that clients and
    /// gateways see an authentication failure either way.)
    public static func invalidGeminiKey() -> MockError {
        MockError(
            status: 401, message: "API key not valid. Please pass a valid API key.", type: "invalid_request_error",
            code: "invalid_api_key")
    }

    /// The 401 OpenAI sends for a wrong or missing key.
    public static func invalidAPIKey() -> MockError {
        MockError(
            status: 401, message: "Incorrect API key provided. The mock provider requires its configured key.",
            type: "invalid_request_error", param: nil, code: "invalid_api_key")
    }

    /// The error a `[[mock:status=CODE]]` directive asks for, typed the way OpenAI types that status.
    public static func simulated(status: Int) -> MockError {
        let message = "Simulated error with status \(status), requested by a mock directive."
        switch status {
        case 401: return MockError(status: status, message: message, type: "invalid_request_error", code: "invalid_api_key")
        case 403: return MockError(status: status, message: message, type: "permission_error", code: "permission_denied")
        case 404: return MockError(status: status, message: message, type: "invalid_request_error", code: "model_not_found")
        case 429: return MockError(status: status, message: message, type: "requests", code: "rate_limit_exceeded")
        case 500..<600: return MockError(status: status, message: message, type: "server_error", code: nil)
        default: return MockError(status: status, message: message, type: "invalid_request_error", code: nil)
        }
    }

    /// Extra headers OpenAI sends with this status: `retry-after` on 429, which SDK retry logic reads.
    public var headers: [(name: String, value: String)] {
        status == 429 ? [("retry-after", "1")] : []
    }

    /// The JSON body.
    public var body: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(96 + message.utf8.count)
        out.append(contentsOf: #"{"error":{"message":"#.utf8)
        JSONWriter.writeString(message, into: &out)
        out.append(contentsOf: #","type":"#.utf8)
        JSONWriter.writeString(type, into: &out)
        out.append(contentsOf: #","param":"#.utf8)
        Self.writeOptional(param, into: &out)
        out.append(contentsOf: #","code":"#.utf8)
        Self.writeOptional(code, into: &out)
        out.append(contentsOf: "}}".utf8)
        return out
    }

    /// The body in `dialect`'s error shape: OpenAI's ``body``, Anthropic's
    /// `{"type":"error","error":{"type","message"}}` or Gemini's `{"error":{"code","message","status"}}`.
    public func body(for dialect: MockDialect) -> [UInt8] {
        switch dialect {
        case .openAI: return body
        case .anthropic: return anthropicBody
        case .gemini: return geminiBody
        }
    }

    /// Anthropic's error type for this status (§4.8); the OpenAI `type` is not used.
    public var anthropicType: String {
        switch status {
        case 401: "authentication_error"
        case 402: "billing_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 413: "request_too_large"
        case 429: "rate_limit_error"
        case 504: "timeout_error"
        case 529: "overloaded_error"
        case 500..<600: "api_error"
        default: "invalid_request_error"
        }
    }

    /// `{"type":"error","error":{"type":<anthropicType>,"message":...}}`.
    public var anthropicBody: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(80 + message.utf8.count)
        out.append(contentsOf: #"{"type":"error","error":{"type":"#.utf8)
        JSONWriter.writeString(anthropicType, into: &out)
        out.append(contentsOf: #","message":"#.utf8)
        JSONWriter.writeString(message, into: &out)
        out.append(contentsOf: "}}".utf8)
        return out
    }

    /// Google's canonical status name for this HTTP status (§5.5).
    public var geminiStatus: String {
        switch status {
        case 400: "INVALID_ARGUMENT"
        case 401: "UNAUTHENTICATED"
        case 403: "PERMISSION_DENIED"
        case 404: "NOT_FOUND"
        case 409: "ABORTED"
        case 429: "RESOURCE_EXHAUSTED"
        case 499: "CANCELLED"
        case 501: "NOT_IMPLEMENTED"
        case 503: "UNAVAILABLE"
        case 504: "DEADLINE_EXCEEDED"
        case 500..<600: "INTERNAL"
        default: "FAILED_PRECONDITION"
        }
    }

    /// `{"error":{"code":<status>,"message":...,"status":<geminiStatus>}}`, plus Google's `ErrorInfo` detail
    /// with reason `API_KEY_INVALID` for the wrong-key error, as Gemini sends it.
    public var geminiBody: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(80 + message.utf8.count)
        out.append(contentsOf: #"{"error":{"code":"#.utf8)
        out.append(contentsOf: String(status).utf8)
        out.append(contentsOf: #","message":"#.utf8)
        JSONWriter.writeString(message, into: &out)
        out.append(contentsOf: #","status":"#.utf8)
        JSONWriter.writeString(geminiStatus, into: &out)
        if code == "invalid_api_key" {
            out.append(
                contentsOf: #","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]"#
                    .utf8)
        }
        out.append(contentsOf: "}}".utf8)
        return out
    }

    private static func writeOptional(_ text: String?, into out: inout [UInt8]) {
        if let text { JSONWriter.writeString(text, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }
}
