import Conversation
import Dialects
import TokModelCore

/// Builders for the request `Part`s that need more than a field copy (wire-formats §5.2, §11.3, §11.7).
enum GeminiParts {
    // MARK: Images

    /// An image part. Inline bytes (and `data:` URLs, should one arrive as a URL) become
    /// `inlineData {mimeType, data}`; any other URL becomes `fileData {mimeType, fileUri}` with the media type
    /// guessed from the URL's extension (see ``guessedImageMimeType(_:)``).
    ///
    /// Gemini fetches `fileUri` itself, and not every model or API version accepts arbitrary `http(s)` URLs
    /// (Files-API URIs, `gs://` and YouTube always work; public web URLs only on newer models). Downloading and
    /// inlining would be the robust alternative, but this codec does no I/O: that belongs to the edge, which
    /// can turn a `.url` image into `.base64` before encoding.
    static func image(_ source: ImageSource) throws(GatewayError) -> JSONValue {
        switch source {
        case .base64(let mediaType, let data):
            return inlineData(mimeType: mediaType, data: data)
        case .url(let url, _):
            if url.utf8.starts(with: "data:".utf8) {
                let (mimeType, data) = try dataURL(url)
                return inlineData(mimeType: mimeType, data: data)
            }
            // `detail` has no Gemini equivalent (mediaResolution is request-wide and model-specific): dropped.
            return ["fileData": ["mimeType": .string(guessedImageMimeType(url)), "fileUri": .string(url)]]
        }
    }

    static func inlineData(mimeType: String, data: String) -> JSONValue {
        ["inlineData": ["mimeType": .string(mimeType), "data": .string(data)]]
    }

    /// Splits `data:<mime>[;param…];base64,<data>`; only base64 payloads are accepted, since Gemini wants bytes.
    static func dataURL(_ url: String) throws(GatewayError) -> (mimeType: String, data: String) {
        let rest = url.utf8.dropFirst("data:".utf8.count)
        guard let comma = rest.firstIndex(of: UInt8(ascii: ",")) else {
            throw GatewayError.invalidField("messages", "an image data URL has no ',' before its data")
        }
        let header = rest[..<comma].split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard let last = header.last, header.count >= 2, last.elementsEqual("base64".utf8) else {
            throw GatewayError.invalidField("messages", "an image data URL must be base64-encoded (data:<type>;base64,<data>)")
        }
        let mimeType = String(decoding: header[0], as: UTF8.self)
        guard !mimeType.isEmpty else {
            throw GatewayError.invalidField("messages", "an image data URL names no media type")
        }
        let data = String(decoding: rest[rest.index(after: comma)...], as: UTF8.self)
        return (mimeType, data)
    }

    /// The media type for an image URL, from the extension of its path (query and fragment ignored);
    /// `image/jpeg` when there is no known extension, the most common type on the web.
    static func guessedImageMimeType(_ url: String) -> String {
        var path = Substring(url)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        let lastComponent = path.split(separator: "/", omittingEmptySubsequences: false).last ?? path
        guard let dot = lastComponent.lastIndex(of: ".") else { return "image/jpeg" }
        switch lastComponent[lastComponent.index(after: dot)...].lowercased() {
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "heic": return "image/heic"
        case "heif": return "image/heif"
        case "bmp": return "image/bmp"
        case "svg": return "image/svg+xml"
        case "pdf": return "application/pdf"
        default: return "image/jpeg"
        }
    }

    // MARK: Function calls

    /// `{"functionCall": {"id", "name", "args"}, "thoughtSignature"?}`: the signature goes back on the very part
    /// that carried it, as thinking Gemini models require (§11.6 rule 5).
    /// A signature embedded in the id by the stream reader (``GeminiSignedCallID``) is split off and used when the
    /// call carries none of its own.
    static func functionCall(_ call: ToolCall) -> JSONValue {
        let (id, embeddedSignature) = GeminiSignedCallID.split(call.id)
        var functionCall: [(String, JSONValue)] = []
        if !id.isEmpty { functionCall.append(("id", .string(id))) }
        functionCall.append(("name", .string(call.name)))
        functionCall.append(("args", argumentsObject(call.arguments)))
        var part: [(String, JSONValue)] = [("functionCall", .object(functionCall))]
        if let signature = call.thoughtSignature ?? embeddedSignature, !signature.isEmpty {
            part.append(("thoughtSignature", .string(signature)))
        }
        return .object(part)
    }

    /// Gemini's `args` must be an object, but canonical arguments are JSON text that a model or a client may have
    /// got wrong (§11.2). Never fails: empty text is `{}`, a non-object value is wrapped as `{"value": …}`, and
    /// text that is not JSON at all is kept as `{"_raw": "<text>"}` so the model still sees what it wrote.
    static func argumentsObject(_ arguments: String) -> JSONValue {
        if arguments.allSatisfy(\.isWhitespace) { return .object([]) }
        guard let parsed = try? JSONParser.parse(arguments) else {
            return ["_raw": .string(arguments)]
        }
        if case .object = parsed { return parsed }
        return ["value": parsed]
    }

    // MARK: Function responses

    /// `{"functionResponse": {"id", "name", "response": {"output": …}}}` (or `{"error": …}` for a failed tool),
    /// plus the result's images as separate parts to follow the responses: not every Gemini model accepts
    /// media inside a function response, while inline parts in the same user content always work.
    ///
    /// `output` is the key Google documents ("Use "output" key to specify function output and "error" key to
    /// specify error details"); the text of the result is sent as a string, or as the JSON it holds when it is a
    /// JSON object or array, so the model sees structure rather than an escaped string.
    static func functionResponse(_ result: ToolResult, name: String) throws(GatewayError) -> (part: JSONValue, extras: [JSONValue]) {
        var texts: [String] = []
        var extras: [JSONValue] = []
        for block in result.content {
            switch block {
            case .text(let text): texts.append(text)
            case .image(let source): extras.append(try image(source))
            case .thinking: break
            case .toolCall, .toolResult:
                throw GatewayError.invalidField("messages", "a tool result can only hold text and images")
            }
        }
        let text = texts.joined(separator: "\n")
        let value = structuredValue(text)
        let id = GeminiSignedCallID.split(result.callID).id
        var functionResponse: [(String, JSONValue)] = []
        if !id.isEmpty { functionResponse.append(("id", .string(id))) }
        functionResponse.append(("name", .string(name)))
        functionResponse.append(("response", [result.isError ? "error" : "output": value]))
        return (["functionResponse": .object(functionResponse)], extras)
    }

    /// The parsed JSON when `text` is a JSON object or array, the text itself otherwise.
    static func structuredValue(_ text: String) -> JSONValue {
        guard let first = text.first(where: { !$0.isWhitespace }), first == "{" || first == "[",
            let parsed = try? JSONParser.parse(text)
        else { return .string(text) }
        return parsed
    }
}
