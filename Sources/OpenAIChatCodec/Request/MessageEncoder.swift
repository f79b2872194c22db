import Conversation
import Dialects
import TokModelCore

/// Canonical system blocks and turns → OpenAI `messages` for an OpenAI-compatible provider (§11.1, §11.2,
/// §11.7, §11.11).
enum MessageEncoder {
    static func messages(_ request: ChatRequest) throws(GatewayError) -> [JSONValue] {
        var messages: [JSONValue] = []
        if let system = try systemMessage(request.system) { messages.append(system) }
        for (index, turn) in request.turns.enumerated() {
            switch turn.role {
            case .user: messages += try userMessages(turn.blocks, "messages[\(index)]")
            case .assistant: messages.append(try assistantMessage(turn.blocks, "messages[\(index)]"))
            }
        }
        return messages
    }

    /// All system text as one `system` message: a string when there is one block, text parts otherwise (so
    /// block boundaries survive). `developer` is not used: every OpenAI-compatible host accepts `system`.
    static func systemMessage(_ blocks: [ContentBlock]) throws(GatewayError) -> JSONValue? {
        var texts: [String] = []
        for block in blocks {
            guard case .text(let text) = block else {
                throw GatewayError.unsupported("system", "system instructions can only be text for an OpenAI-compatible provider")
            }
            texts.append(text)
        }
        guard !texts.isEmpty else { return nil }
        let content: JSONValue = texts.count == 1 ? .string(texts[0]) : .array(texts.map(textPart))
        return .object([("role", "system"), ("content", content)])
    }

    /// A user turn → its tool results as `tool` messages first (OpenAI requires them right after the
    /// assistant's calls), then one `user` message with any images the tools returned (a `tool` message
    /// cannot hold images, §11.7), then one `user` message with the turn's own text and images.
    static func userMessages(_ blocks: [ContentBlock], _ path: String) throws(GatewayError) -> [JSONValue] {
        var toolMessages: [JSONValue] = []
        var toolImages: [JSONValue] = []
        var parts: [JSONValue] = []
        for block in blocks {
            switch block {
            case .text(let text): parts.append(textPart(text))
            case .image(let source): parts.append(imagePart(source))
            case .toolResult(let result):
                toolMessages.append(toolMessage(result))
                let images = result.content.compactMap { block -> JSONValue? in
                    if case .image(let source) = block { return imagePart(source) }
                    return nil
                }
                if !images.isEmpty {
                    toolImages.append(textPart("Images returned by tool call \(result.callID):"))
                    toolImages += images
                }
            case .thinking: continue  // no Chat Completions form (§11.11)
            case .toolCall:
                throw GatewayError.invalidField(path, "a user turn cannot contain a tool call")
            }
        }
        var messages = toolMessages
        if !toolImages.isEmpty { messages.append(.object([("role", "user"), ("content", .array(toolImages))])) }
        if !parts.isEmpty { messages.append(.object([("role", "user"), ("content", userContent(parts))])) }
        return messages
    }

    /// A tool result's text, joined by newlines. OpenAI has no error flag, so an error result is prefixed
    /// with "Error: " (§11.7).
    static func toolMessage(_ result: ToolResult) -> JSONValue {
        var texts: [String] = []
        for case .text(let text) in result.content { texts.append(text) }
        var content = texts.joined(separator: "\n")
        if result.isError { content = content.isEmpty ? "Error" : "Error: " + content }
        return .object([("role", "tool"), ("tool_call_id", .string(ToolCallIDs.withoutGeminiSignature(result.callID))), ("content", .string(content))])
    }

    /// An assistant turn → one message: the text blocks concatenated, the tool calls in order. `content` is
    /// null when the turn is only tool calls (what OpenAI itself returns), "" when it is empty. Thinking is
    /// dropped: Chat Completions has no way to send it back (§11.11).
    static func assistantMessage(_ blocks: [ContentBlock], _ path: String) throws(GatewayError) -> JSONValue {
        var text: String?
        var calls: [JSONValue] = []
        for block in blocks {
            switch block {
            case .text(let t): text = (text ?? "") + t
            case .toolCall(let call): calls.append(toolCall(call))
            case .thinking: continue
            case .image:
                throw GatewayError.unsupported(path, "an assistant turn with an image cannot be sent to an OpenAI-compatible provider")
            case .toolResult:
                throw GatewayError.invalidField(path, "an assistant turn cannot contain a tool result")
            }
        }
        let content: JSONValue
        if let text, !(text.isEmpty && !calls.isEmpty) {
            content = .string(text)
        } else {
            content = calls.isEmpty ? "" : .null
        }
        var message: [(String, JSONValue)] = [("role", "assistant"), ("content", content)]
        if !calls.isEmpty { message.append(("tool_calls", .array(calls))) }
        return .object(message)
    }

    /// Arguments pass through as text; an empty text (a call without arguments from a streaming source)
    /// becomes `{}`, since providers parse it (§11.18 #6). Towards a provider (`forProvider`), a Gemini thought
    /// signature carried in the id is removed; a client keeps the id it will send back.
    static func toolCall(_ call: ToolCall, forProvider: Bool = true) -> JSONValue {
        .object([
            ("id", .string(forProvider ? ToolCallIDs.withoutGeminiSignature(call.id) : call.id)),
            ("type", "function"),
            ("function", .object([("name", .string(call.name)), ("arguments", .string(call.arguments.isEmpty ? "{}" : call.arguments))])),
        ])
    }

    static func textPart(_ text: String) -> JSONValue {
        .object([("type", "text"), ("text", .string(text))])
    }

    static func imagePart(_ source: ImageSource) -> JSONValue {
        var image: [(String, JSONValue)]
        switch source {
        case .url(let url, let detail):
            image = [("url", .string(url))]
            if let detail { image.append(("detail", .string(detail))) }
        case .base64(let mediaType, let data):
            image = [("url", .string(DataURL(mediaType: mediaType, base64: data).url))]
        }
        return .object([("type", "image_url"), ("image_url", .object(image))])
    }

    /// A lone text part is sent as a plain string, the form every OpenAI-compatible host accepts.
    static func userContent(_ parts: [JSONValue]) -> JSONValue {
        if parts.count == 1, parts[0]["type"] == "text", let text = parts[0]["text"] { return text }
        return .array(parts)
    }
}
