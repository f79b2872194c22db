import Dialects
import HTTPTypes
import Hummingbird
import NIOCore
import TokModelCore

extension HTTPField.Name {
    static let requestID = HTTPField.Name("x-request-id")!
}

/// Building responses: every one carries `x-request-id`, errors are in the endpoint's dialect.
enum Responses {
    static func error(_ error: GatewayError, dialect: Dialect, requestID: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "application/json"
        headers[.requestID] = requestID
        if case .rateLimited(let seconds) = error.kind, headers[.retryAfter] == nil { headers[.retryAfter] = String(seconds) }
        return Response(
            status: HTTPResponse.Status(code: error.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: ErrorBody.render(error, dialect: dialect))))
    }

    static func json(_ bytes: [UInt8], status: Int = 200, requestID: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "application/json"
        headers[.requestID] = requestID
        return Response(status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
