public import Conversation
public import Dialects
public import TokModelCore

/// Google's Gemini `generateContent` dialect, egress side: TokModel talks to providers that speak Gemini
/// (`https://generativelanguage.googleapis.com/v1beta`), so this enum turns a canonical ``ChatRequest`` into a
/// `GenerateContentRequest` body and the provider's answers (whole or streamed) back into canonical values.
/// Clients do not speak Gemini to TokModel, so there is no ingress side. Field-by-field rules:
/// shared/wire-formats.md §5 and §11.
///
/// Everything here is pure: no I/O, no clock, no randomness. Tool-call ids Gemini omits are minted from the
/// response id and the call's ordinal (see ``GeminiCallID``), so the same answer always gets the same ids.
public enum GeminiGenerateContent {
    /// The request path under the provider's base URL, e.g. `/models/gemini-2.5-flash:generateContent` or
    /// `/models/gemini-2.5-flash:streamGenerateContent?alt=sse` (`alt=sse` because the default streaming form
    /// is one incrementally written JSON array, far harder to read safely).
    ///
    /// A leading `models/` is accepted and not doubled; `tunedModels/<id>` addresses a tuned model. The id is
    /// percent-encoded except for RFC 3986 unreserved characters, so a catalog entry can never inject a `/`,
    /// `?`, `#` or `:` into the URL.
    public static func path(upstreamModel: String, stream: Bool) -> String {
        var collection = "models"
        var id = Substring(upstreamModel)
        if id.hasPrefix("models/") {
            id = id.dropFirst("models/".count)
        } else if id.hasPrefix("tunedModels/") {
            collection = "tunedModels"
            id = id.dropFirst("tunedModels/".count)
        }
        let method = stream ? "streamGenerateContent?alt=sse" : "generateContent"
        return "/\(collection)/\(percentEncoded(id)):\(method)"
    }

    /// Percent-encodes every byte outside RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`).
    static func percentEncoded(_ text: some StringProtocol) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The canonical request as a `GenerateContentRequest` body (the model goes in the path, not the body).
    /// Throws `invalid_request` errors for what Gemini cannot be sent (see ``GeminiRequestEncoder``).
    public static func encodeRequest(_ request: ChatRequest, upstreamModel: String) throws(GatewayError) -> JSONValue {
        try GeminiRequestEncoder.encode(request)
    }

    /// A complete `GenerateContentResponse` as a canonical answer (candidate 0 only; see
    /// ``GeminiResponseDecoder``). A body that is an error object throws the mapped error.
    public static func decodeResponse(_ body: JSONValue) throws(GatewayError) -> ChatResponse {
        try GeminiResponseDecoder.decode(body)
    }

    /// Usage from a `usageMetadata` object (or from a whole response carrying one), per §11.13: prompt plus
    /// tool-use prompt tokens are input (cached ones included), candidates plus thoughts are output. Nil when
    /// the object has no token counts.
    public static func usage(from object: JSONValue) -> Usage? {
        GeminiUsage.usage(from: object)
    }

    /// The gateway error for a Gemini error body (`{"error": {"code", "message", "status", "details"}}`),
    /// for the edge to use on a non-2xx answer; `httpStatus` is used when the body carries no code.
    public static func upstreamError(from body: JSONValue, httpStatus: Int? = nil) -> GatewayError {
        GeminiErrorMapping.gatewayError(from: body, httpStatus: httpStatus)
    }
}
