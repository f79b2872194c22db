import HTTPTypes
import Hummingbird

/// Builders for the mock's HTTP responses, so every route sets the same content types.
enum MockResponses {
    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]
    /// What OpenAI and Anthropic send with a stream; `no-cache` keeps proxies from buffering it.
    static let eventStreamHeaders: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
    /// What Gemini sends with an `alt=sse` stream.
    static let geminiEventStreamHeaders: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]

    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: jsonHeaders, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// An error in `dialect`'s shape (OpenAI's by default), with `retry-after` on 429.
    static func error(_ error: MockError, dialect: MockDialect = .openAI) -> Response {
        var response = json(error.body(for: dialect), status: HTTPResponse.Status(code: error.status))
        for (name, value) in error.headers {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }
}
