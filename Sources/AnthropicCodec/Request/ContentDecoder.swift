import Conversation
import Dialects
import TokModelCore

/// Reads `system` and `messages` of a client's request into canonical blocks and turns.
enum ContentDecoder {
    /// The image types Anthropic accepts inline (§4.9); anything else is refused here as Anthropic would.
    static let imageMediaTypes: Set<String> = ["image/jpeg", "image/png", "image/gif", "image/webp"]

    /// `system`: a string, or an array of text blocks (their `cache_control` is ignored).
    static func system(_ root: ObjectReader) throws(GatewayError) -> [ContentBlock] {
        guard let system = root.optional("system") else { return [] }
        switch system {
        case .string(let text):
            return text.isEmpty ? [] : [.text(text)]
        case .array(let blocks):
            var result: [ContentBlock] = []
            for (index, block) in blocks.enumerated() {
                let reader = try ObjectReader(block, path: "system[\(index)]")
                guard try reader.string("type") == "text" else {
                    throw GatewayError.invalidField(reader.param("type"), "only text blocks are allowed in system")
                }
                result.append(.text(try reader.string("text")))
            }
            return result
        default:
            throw GatewayError.invalidField("system", "expected a string or an array of text blocks")
        }
    }

    /// `messages`, one canonical turn per message. Consecutive messages of one role stay separate turns here;
    /// encoders merge where their dialect needs it.
    static func turns(_ root: ObjectReader) throws(GatewayError) -> [Turn] {
        guard let messages = try root.optionalArray("messages") else { throw GatewayError.missingField("messages") }
        guard !messages.isEmpty else { throw GatewayError.invalidField("messages", "at least one message is required") }
        var turns: [Turn] = []
        turns.reserveCapacity(messages.count)
        for (index, message) in messages.enumerated() {
            let reader = try ObjectReader(message, path: "messages[\(index)]")
            let role: Role
            switch try reader.string("role") {
            case "user": role = .user
            case "assistant": role = .assistant
            default: throw GatewayError.invalidField(reader.param("role"), "expected 'user' or 'assistant'")
            }
            turns.append(Turn(role: role, blocks: try content(reader, role: role)))
        }
        return turns
    }

    /// A message's `content`: a string (one text block) or an array of blocks.
    private static func content(_ message: ObjectReader, role: Role) throws(GatewayError) -> [ContentBlock] {
        let path = message.param("content")
        switch try message.require("content") {
        case .string(let text):
            return [.text(text)]
        case .array(let blocks):
            var result: [ContentBlock] = []
            result.reserveCapacity(blocks.count)
            for (index, block) in blocks.enumerated() {
                result.append(try self.block(ObjectReader(block, path: "\(path)[\(index)]"), role: role))
            }
            return result
        default:
            throw GatewayError.invalidField(path, "expected a string or an array of content blocks")
        }
    }

    private static func block(_ block: ObjectReader, role: Role) throws(GatewayError) -> ContentBlock {
        let type = try block.string("type")
        switch type {
        case "text":
            return .text(try block.string("text"))
        case "image":
            return .image(try image(block))
        case "tool_use":
            guard role == .assistant else {
                throw GatewayError.invalidField(block.param("type"), "tool_use blocks belong in assistant messages")
            }
            let input = try block.require("input")
            guard case .object = input else { throw GatewayError.invalidField(block.param("input"), "expected an object") }
            return .toolCall(ToolCall(id: try block.string("id"), name: try block.string("name"), arguments: ToolInput.arguments(from: input)))
        case "tool_result":
            guard role == .user else {
                throw GatewayError.invalidField(block.param("type"), "tool_result blocks belong in user messages")
            }
            return .toolResult(try toolResult(block))
        case "thinking":
            let signature = try block.optionalString("signature")
            return .thinking(Thinking(text: try block.string("thinking"), signature: signature?.isEmpty == false ? signature : nil))
        case "redacted_thinking":
            return .thinking(Thinking(text: "", redactedData: try block.string("data")))
        case "document":
            throw unsupported(block.param("type"), "Document blocks are not supported by this gateway; send the document's text as a text block.")
        default:
            throw unsupported(block.param("type"), "Content blocks of type '\(type)' are not supported by this gateway.")
        }
    }

    /// An image `source`: base64 (`media_type` + `data`) or url.
    static func image(_ block: ObjectReader) throws(GatewayError) -> ImageSource {
        let source = try block.object("source")
        switch try source.string("type") {
        case "base64":
            let mediaType = try source.string("media_type")
            guard imageMediaTypes.contains(mediaType) else {
                throw GatewayError.invalidField(source.param("media_type"), "expected one of image/jpeg, image/png, image/gif, image/webp")
            }
            return .base64(mediaType: mediaType, data: try source.string("data"))
        case "url":
            return .url(try source.string("url"), detail: nil)
        default:
            throw unsupported(source.param("type"), "Image sources must be 'base64' or 'url' through this gateway.")
        }
    }

    /// `tool_result`: `content` absent, a string, or text and image blocks.
    private static func toolResult(_ block: ObjectReader) throws(GatewayError) -> ToolResult {
        let callID = try block.string("tool_use_id")
        let isError = try block.optionalBool("is_error") ?? false
        var content: [ContentBlock] = []
        switch block.optional("content") {
        case nil:
            break
        case .string(let text)?:
            if !text.isEmpty { content.append(.text(text)) }
        case .array(let parts)?:
            for (index, part) in parts.enumerated() {
                let reader = try ObjectReader(part, path: "\(block.param("content"))[\(index)]")
                switch try reader.string("type") {
                case "text": content.append(.text(try reader.string("text")))
                case "image": content.append(.image(try image(reader)))
                case let other:
                    throw unsupported(
                        reader.param("type"), "Tool results may contain text and image blocks only through this gateway, not '\(other)'.")
                }
            }
        default:
            throw GatewayError.invalidField(block.param("content"), "expected a string or an array of content blocks")
        }
        return ToolResult(callID: callID, content: content, isError: isError)
    }

    /// A 400 for a well-formed field the gateway cannot translate; the message names the field, as
    /// `GatewayError.invalidField` does.
    static func unsupported(_ param: String, _ message: String) -> GatewayError {
        GatewayError(.invalidRequest, "Unsupported value for '\(param)': \(message)", code: "unsupported_parameter", param: param)
    }
}
