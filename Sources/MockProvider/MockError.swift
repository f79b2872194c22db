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

    private static func writeOptional(_ text: String?, into out: inout [UInt8]) {
        if let text { JSONWriter.writeString(text, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }
}
