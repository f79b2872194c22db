import Dialects

/// What an Anthropic SDK builds from a Messages stream (`accumulate_event` in anthropic-sdk-python), with
/// every rule the SDKs and the API's documentation impose on the stream checked strictly: a writer bug that
/// an SDK would choke on — or silently mis-assemble — fails here.
struct AccumulatedMessage: Equatable, CustomStringConvertible {
    struct Block: Equatable {
        var type: String
        var text = ""
        var id: String?
        var name: String?
        /// The concatenated `partial_json` fragments of a tool_use block.
        var inputJSON = ""
        var signature: String?
    }

    var id = ""
    var model = ""
    var blocks: [Block] = []
    var stopReason: String?
    var stopSequence: String?
    /// The usage as the SDK ends up with it: message_start's, updated by message_delta's fields.
    var usage: [String: Int64] = [:]
    var errorType: String?
    var errorMessage: String?
    var eventNames: [String] = []

    var description: String { "\(id) \(model) \(blocks) stop=\(stopReason ?? "nil") usage=\(usage) error=\(errorType ?? "nil") events=\(eventNames)" }
}

struct StreamViolation: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Accumulates `sse` (the bytes a writer produced) like the SDK does, throwing at the first rule broken.
func accumulate(_ sse: String) throws -> AccumulatedMessage {
    // Framing: every event is exactly `event: <name>\ndata: <json>\n\n`.
    let chunks = sse.split(separator: "\n\n", omittingEmptySubsequences: false)
    guard chunks.last == "" else { throw StreamViolation("the stream does not end with a blank line") }
    for chunk in chunks.dropLast() {
        let lines = chunk.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 2, lines[0].hasPrefix("event: "), lines[1].hasPrefix("data: ") else {
            throw StreamViolation("event without exactly one event: and one data: line: \(chunk)")
        }
    }

    var parser = SSEParser()
    let events = try parser.feed(Array(sse.utf8))
    var message = AccumulatedMessage()
    var started = false
    var open: Int?
    var sawDelta = false
    var finished = false

    for (position, event) in events.enumerated() {
        guard let name = event.event else { throw StreamViolation("an event without a name") }
        let data = try JSONParser.parse(event.data)
        guard data["type"]?.stringValue == name else { throw StreamViolation("event \(name) carries type \(data["type"].map(JSONWriter.string) ?? "nil")") }
        message.eventNames.append(name)
        guard !finished else { throw StreamViolation("\(name) after the stream ended") }
        if name == "ping" { continue }
        if name == "error" {
            guard let error = data["error"], let type = error["type"]?.stringValue, let text = error["message"]?.stringValue else {
                throw StreamViolation("error event without error.type and error.message")
            }
            message.errorType = type
            message.errorMessage = text
            finished = true
            continue
        }
        guard started || name == "message_start" else { throw StreamViolation("\(name) before message_start") }
        switch name {
        case "message_start":
            guard position == 0, !started else { throw StreamViolation("message_start is not first") }
            started = true
            guard let body = data["message"], body["type"] == "message", body["role"] == "assistant", body["content"] == [],
                body["stop_reason"] == .null, body["stop_sequence"] == .null,
                let id = body["id"]?.stringValue, id.hasPrefix("msg_"), let model = body["model"]?.stringValue,
                let usage = body["usage"], usage["input_tokens"]?.int64Value != nil, usage["output_tokens"]?.int64Value != nil
            else { throw StreamViolation("message_start's message is not a fresh Message: \(text(event.data))") }
            message.id = id
            message.model = model
            for (key, value) in usage.objectValue ?? [] { if let number = value.int64Value { message.usage[key] = number } }
        case "content_block_start":
            guard open == nil else { throw StreamViolation("content_block_start while block \(open!) is open") }
            guard !sawDelta else { throw StreamViolation("content_block_start after message_delta") }
            guard let index = data["index"]?.int64Value, index == message.blocks.count else {
                throw StreamViolation("content_block_start index \(data["index"].map(JSONWriter.string) ?? "nil"), expected \(message.blocks.count)")
            }
            let block = data["content_block"] ?? [:]
            switch block["type"]?.stringValue {
            case "text":
                guard block["text"] == "" else { throw StreamViolation("text block does not start empty") }
                message.blocks.append(.init(type: "text"))
            case "thinking":
                guard block["thinking"] == "" else { throw StreamViolation("thinking block does not start empty") }
                message.blocks.append(.init(type: "thinking", signature: block["signature"]?.stringValue))
            case "tool_use":
                guard let id = block["id"]?.stringValue, isAnthropicID(id), let name = block["name"]?.stringValue, block["input"] == [:] else {
                    throw StreamViolation("tool_use block start is not {id, name, input: {}}: \(JSONWriter.string(block))")
                }
                message.blocks.append(.init(type: "tool_use", id: id, name: name))
            default:
                throw StreamViolation("unexpected content block \(JSONWriter.string(block))")
            }
            open = Int(index)
        case "content_block_delta":
            guard let index = data["index"]?.int64Value, Int(index) == open, let delta = data["delta"] else {
                throw StreamViolation("content_block_delta for a block that is not open: \(text(event.data))")
            }
            let i = Int(index)
            switch (delta["type"]?.stringValue, message.blocks[i].type) {
            case ("text_delta", "text"): message.blocks[i].text += delta["text"]?.stringValue ?? ""
            case ("thinking_delta", "thinking"): message.blocks[i].text += delta["thinking"]?.stringValue ?? ""
            case ("signature_delta", "thinking"): message.blocks[i].signature = delta["signature"]?.stringValue
            case ("input_json_delta", "tool_use"): message.blocks[i].inputJSON += delta["partial_json"]?.stringValue ?? ""
            default: throw StreamViolation("delta \(JSONWriter.string(delta)) does not fit a \(message.blocks[i].type) block")
            }
        case "content_block_stop":
            guard let index = data["index"]?.int64Value, Int(index) == open else { throw StreamViolation("content_block_stop for a block that is not open") }
            let block = message.blocks[Int(index)]
            if block.type == "tool_use", !block.inputJSON.isEmpty {
                guard case .object? = try? JSONParser.parse(Array(block.inputJSON.utf8)) else {
                    throw StreamViolation("tool_use input is not a JSON object: \(block.inputJSON)")
                }
            }
            open = nil
        case "message_delta":
            guard open == nil else { throw StreamViolation("message_delta while a block is open") }
            guard !sawDelta else { throw StreamViolation("a second message_delta") }
            sawDelta = true
            guard let reason = data["delta"]?["stop_reason"]?.stringValue else { throw StreamViolation("message_delta without a stop_reason") }
            guard let usage = data["usage"], let output = usage["output_tokens"]?.int64Value else {
                throw StreamViolation("message_delta without usage.output_tokens")
            }
            message.stopReason = reason
            message.stopSequence = data["delta"]?["stop_sequence"]?.stringValue
            message.usage["output_tokens"] = output
            for key in ["input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"] {
                if let value = usage[key]?.int64Value { message.usage[key] = value }
            }
        case "message_stop":
            guard sawDelta else { throw StreamViolation("message_stop without message_delta") }
            finished = true
        default:
            throw StreamViolation("unknown event \(name)")
        }
    }
    guard finished else { throw StreamViolation("the stream ends without message_stop or error") }
    return message
}

/// Anthropic's tool-use id pattern, `^[a-zA-Z0-9_-]+$`.
func isAnthropicID(_ id: String) -> Bool {
    !id.isEmpty && id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" }
}
