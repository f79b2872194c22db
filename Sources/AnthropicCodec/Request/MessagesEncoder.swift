import Conversation
import Dialects
import TokModelCore

/// Canonical turns → Anthropic `messages`, shaped to what the Messages API accepts (§4.3, §11.2):
/// - roles alternate: consecutive turns of one role are merged (the API would merge them anyway);
/// - in a user turn, `tool_result` blocks come first, before any text or image;
/// - no empty or blank text blocks, no empty messages;
/// - the conversation starts with a user turn (a `"."` user turn is put before a leading assistant turn);
/// - a final assistant turn (a prefill) does not end with whitespace, which Anthropic rejects.
enum MessagesEncoder {
    /// Text of the user turn put before a conversation that starts with the assistant. Short and neutral,
    /// as LiteLLM does; it only satisfies the API's ordering rule.
    static let leadingUserText = "."

    private struct Message {
        var role: Role
        var toolResults: [JSONValue] = []
        var blocks: [JSONValue] = []

        var isEmpty: Bool { toolResults.isEmpty && blocks.isEmpty }
        var json: JSONValue { ["role": .string(role.rawValue), "content": .array(toolResults + blocks)] }
    }

    static func messages(_ turns: [Turn]) throws(GatewayError) -> [JSONValue] {
        var messages: [Message] = []
        for turn in turns {
            var message = Message(role: turn.role)
            for block in turn.blocks {
                guard let encoded = try self.block(block, role: turn.role) else { continue }
                if case .toolResult = block { message.toolResults.append(encoded) } else { message.blocks.append(encoded) }
            }
            if message.isEmpty { continue }
            if let last = messages.indices.last, messages[last].role == message.role {
                messages[last].toolResults += message.toolResults
                messages[last].blocks += message.blocks
            } else {
                messages.append(message)
            }
        }
        trimPrefill(&messages)
        guard let first = messages.first else {
            throw GatewayError.invalidField("messages", "at least one message with non-empty content is required")
        }
        if first.role == .assistant {
            messages.insert(Message(role: .user, blocks: [textBlock(leadingUserText)]), at: 0)
        }
        return messages.map(\.json)
    }

    /// Strips trailing whitespace from a final assistant prefill, dropping text (and a message) left empty.
    private static func trimPrefill(_ messages: inout [Message]) {
        while let last = messages.indices.last, messages[last].role == .assistant,
            let lastBlock = messages[last].blocks.last, lastBlock["type"]?.stringValue == "text",
            let text = lastBlock["text"]?.stringValue
        {
            let trimmed = trimmingTrailingWhitespace(text)
            if trimmed.count == text.count { return }
            messages[last].blocks.removeLast()
            if !trimmed.isEmpty {
                messages[last].blocks.append(textBlock(trimmed))
                return
            }
            if messages[last].isEmpty { messages.removeLast() }
        }
    }

    /// One canonical block as an Anthropic content block; nil when it must be left out.
    private static func block(_ block: ContentBlock, role: Role) throws(GatewayError) -> JSONValue? {
        switch block {
        case .text(let text):
            // Not a ternary: `nil` there would become JSON null, JSONValue being ExpressibleByNilLiteral.
            if isBlank(text) { return nil }
            return textBlock(text)
        case .image(let source):
            return try image(source)
        case .toolCall(let call):
            return [
                "type": "tool_use", "id": .string(ToolIDs.sanitised(ToolCallIDs.withoutGeminiSignature(call.id))), "name": .string(call.name),
                "input": ToolInput.object(fromArguments: call.arguments),
            ]
        case .toolResult(let result):
            return try toolResult(result)
        case .thinking(let thinking):
            return self.thinking(thinking, role: role)
        }
    }

    /// Thinking goes back only as Anthropic produced it: signed thinking, or redacted data. Thinking without
    /// an Anthropic signature (another provider's reasoning text, or Gemini's thought signed by Gemini) cannot
    /// be replayed — Anthropic rejects it — so it is left out (§11.11), as is thinking in a user turn.
    private static func thinking(_ thinking: Thinking, role: Role) -> JSONValue? {
        guard role == .assistant else { return nil }
        if let data = thinking.redactedData { return ["type": "redacted_thinking", "data": .string(data)] }
        guard let signature = thinking.signature, ThinkingSignatures.isAnthropic(signature) else { return nil }
        return ["type": "thinking", "thinking": .string(thinking.text), "signature": .string(signature)]
    }

    /// `tool_result` with text and image content (other blocks have no place in a result); `content` is left
    /// out when empty, `is_error` when false.
    private static func toolResult(_ result: ToolResult) throws(GatewayError) -> JSONValue {
        var content: [JSONValue] = []
        for block in result.content {
            switch block {
            case .text(let text) where !isBlank(text): content.append(textBlock(text))
            case .image(let source): content.append(try image(source))
            default: continue
            }
        }
        var json: JSONValue = ["type": "tool_result", "tool_use_id": .string(ToolIDs.sanitised(ToolCallIDs.withoutGeminiSignature(result.callID)))]
        if !content.isEmpty { json.set("content", .array(content)) }
        if result.isError { json.set("is_error", true) }
        return json
    }

    /// An image block. A `data:` URL (an OpenAI client's inline image) becomes a base64 source, since
    /// Anthropic's `data` must be raw base64 (§11.3); only the four image types Anthropic accepts pass.
    static func image(_ source: ImageSource) throws(GatewayError) -> JSONValue {
        switch source {
        case .url(let url, _):
            if url.hasPrefix("data:") {
                guard let inline = DataURL(url) else {
                    throw ContentDecoder.unsupported("messages", "Inline images must be base64 data URLs (data:<media type>;base64,<data>).")
                }
                return try base64Image(mediaType: inline.mediaType, data: inline.data)
            }
            return ["type": "image", "source": ["type": "url", "url": .string(url)]]
        case .base64(let mediaType, let data):
            return try base64Image(mediaType: mediaType, data: data)
        }
    }

    private static func base64Image(mediaType: String, data: String) throws(GatewayError) -> JSONValue {
        let normalised = mediaType.lowercased() == "image/jpg" ? "image/jpeg" : mediaType.lowercased()
        guard ContentDecoder.imageMediaTypes.contains(normalised) else {
            throw ContentDecoder.unsupported(
                "messages", "Images of type '\(mediaType)' are not supported by this model; use image/jpeg, image/png, image/gif or image/webp.")
        }
        return ["type": "image", "source": ["type": "base64", "media_type": .string(normalised), "data": .string(data)]]
    }

    static func textBlock(_ text: String) -> JSONValue { ["type": "text", "text": .string(text)] }

    /// Anthropic rejects text blocks that are empty or only whitespace.
    static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

    private static func trimmingTrailingWhitespace(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex {
            let before = text.index(before: end)
            guard text[before].isWhitespace else { break }
            end = before
        }
        return String(text[..<end])
    }
}

/// `data:<media type>[;param…];base64,<data>` split into its media type and payload.
struct DataURL {
    var mediaType: String
    var data: String

    init?(_ url: String) {
        guard url.hasPrefix("data:"), let comma = url.firstIndex(of: ",") else { return nil }
        let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
        let parameters = header.split(separator: ";", omittingEmptySubsequences: false)
        guard let mediaType = parameters.first, !mediaType.isEmpty, parameters.count >= 2, parameters.last == "base64" else { return nil }
        self.mediaType = String(mediaType)
        self.data = String(url[url.index(after: comma)...])
    }
}
