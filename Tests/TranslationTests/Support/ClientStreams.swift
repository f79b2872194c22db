import Dialects
import TokModelCore

// Each client dialect's stream read back the way its official SDK reads it, with every rule of the dialect
// that the stream breaks listed in `violations` (wire-formats §2.6, §3.5, §4.7). The parsers know nothing about
// the codecs: they are the client's view.

/// The SSE events of a client stream; a framing problem is a violation.
private func sseEvents(_ text: String, _ violations: inout [String]) -> [SSEEvent] {
    var parser = SSEParser()
    var events: [SSEEvent] = []
    do {
        events = try parser.feed(Array(text.utf8))
    } catch {
        violations.append("SSE framing: \(error)")
    }
    if let last = parser.finish() {
        violations.append("the stream does not end with a blank line")
        events.append(last)
    }
    return events
}

// MARK: - OpenAI Chat Completions

/// What `openai` makes of a `chat.completion.chunk` stream: content and tool calls accumulated by
/// `tool_calls[].index`, the finish reason, the usage chunk, an in-band error.
struct ChatStream {
    struct Call: Equatable {
        var index: Int64
        var id: String
        var name: String
        var arguments: String
    }

    var ids: Set<String> = []
    var models: Set<String> = []
    var createds: Set<String> = []
    var roles: [String] = []
    var content = ""
    var reasoning = ""
    var calls: [Call] = []
    var finishReason: String?
    var usage: JSONValue?
    var error: JSONValue?
    var done = false
    var violations: [String] = []
}

func parseChatStream(_ text: String) -> ChatStream {
    var stream = ChatStream()
    var usageChunks = 0
    for (position, event) in sseEvents(text, &stream.violations).enumerated() {
        let at = "chunk \(position)"
        if event.event != nil { stream.violations.append("\(at): has an event name '\(event.event!)' (Chat streams have data lines only)") }
        if stream.done { stream.violations.append("\(at): after [DONE]") }
        if event.isDone {
            stream.done = true
            continue
        }
        if stream.error != nil { stream.violations.append("\(at): after the error") }
        guard let chunk = try? JSONParser.parse(event.data) else {
            stream.violations.append("\(at): not JSON: \(event.dataString)")
            continue
        }
        if let error = chunk["error"] {
            stream.error = error
            if error["message"]?.stringValue == nil { stream.violations.append("\(at): error without a message") }
            continue
        }
        if chunk["object"] != "chat.completion.chunk" { stream.violations.append("\(at): object is not chat.completion.chunk") }
        stream.ids.insert(chunk["id"]?.stringValue ?? "<none>")
        stream.models.insert(chunk["model"]?.stringValue ?? "<none>")
        stream.createds.insert(chunk["created"].map(JSONWriter.string) ?? "<none>")
        guard let choices = chunk["choices"]?.arrayValue else {
            stream.violations.append("\(at): no choices array")
            continue
        }
        if let usage = chunk["usage"], !usage.isNull {
            usageChunks += 1
            stream.usage = usage
            if !choices.isEmpty { stream.violations.append("\(at): usage on a chunk with choices") }
            if stream.finishReason == nil { stream.violations.append("\(at): usage before the finish chunk") }
        }
        for choice in choices {
            guard choice["index"] == 0 else {
                stream.violations.append("\(at): choice index \(choice["index"].map(JSONWriter.string) ?? "none")")
                continue
            }
            let delta = choice["delta"] ?? [:]
            if let role = delta["role"]?.stringValue {
                stream.roles.append(role)
                if position != 0 { stream.violations.append("\(at): role after the first chunk") }
            } else if position == 0 {
                stream.violations.append("\(at): the first chunk has no role")
            }
            if stream.finishReason != nil { stream.violations.append("\(at): a choice after the finish chunk") }
            stream.content += delta["content"]?.stringValue ?? ""
            stream.reasoning += delta["reasoning_content"]?.stringValue ?? ""
            for fragment in delta["tool_calls"]?.arrayValue ?? [] {
                guard let index = fragment["index"]?.int64Value else {
                    stream.violations.append("\(at): tool call fragment without index")
                    continue
                }
                let function = fragment["function"] ?? [:]
                if let id = fragment["id"]?.stringValue {
                    // A new call: its first fragment, with the next index in order.
                    if index != Int64(stream.calls.count) {
                        stream.violations.append("\(at): new call '\(id)' has index \(index), expected \(stream.calls.count)")
                    }
                    if fragment["type"] != "function" { stream.violations.append("\(at): new call without type function") }
                    let name = function["name"]?.stringValue ?? ""
                    if name.isEmpty { stream.violations.append("\(at): new call without a name") }
                    stream.calls.append(ChatStream.Call(index: index, id: id, name: name, arguments: function["arguments"]?.stringValue ?? ""))
                } else if let position = stream.calls.firstIndex(where: { $0.index == index }) {
                    if function["name"] != nil { stream.violations.append("\(at): a name on a continuation fragment") }
                    stream.calls[position].arguments += function["arguments"]?.stringValue ?? ""
                } else {
                    stream.violations.append("\(at): arguments for unknown tool index \(index)")
                }
            }
            if let reason = choice["finish_reason"], !reason.isNull {
                stream.finishReason = reason.stringValue
                if delta != [:] { stream.violations.append("\(at): the finish chunk's delta is not empty") }
            }
        }
    }
    if usageChunks > 1 { stream.violations.append("\(usageChunks) usage chunks") }
    if stream.ids.count > 1 { stream.violations.append("ids vary: \(stream.ids.sorted())") }
    if stream.models.count > 1 { stream.violations.append("models vary: \(stream.models.sorted())") }
    if stream.createds.count > 1 { stream.violations.append("created varies: \(stream.createds.sorted())") }
    if !stream.done { stream.violations.append("no [DONE]") }
    return stream
}

// MARK: - Anthropic Messages

/// What `anthropic`'s `MessageStream` accumulates: the message of `message_start`, its content blocks built from
/// strictly sequential start/delta/stop events, the stop reason and usage of `message_delta`, an `error` event.
struct MessagesStream {
    struct Block {
        var type: String
        var start: JSONValue
        var text = ""
        var partialJSON = ""
        var input: JSONValue?
        var thinking = ""
        var signature = ""
        var stopped = false
        var id: String { start["id"]?.stringValue ?? "" }
        var name: String { start["name"]?.stringValue ?? "" }
    }

    var message: JSONValue?
    var blocks: [Block] = []
    var stopReason: String?
    var stopSequence: JSONValue?
    /// `message_start.usage` with the fields of `message_delta.usage` laid over it, as the SDK merges them.
    var usage: JSONValue = [:]
    var error: JSONValue?
    var messageStopped = false
    var violations: [String] = []
}

func parseMessagesStream(_ text: String) -> MessagesStream {
    var stream = MessagesStream()
    var open: Int?
    var sawDelta = false
    for (position, event) in sseEvents(text, &stream.violations).enumerated() {
        let at = "event \(position)"
        guard let payload = try? JSONParser.parse(event.data) else {
            stream.violations.append("\(at): not JSON: \(event.dataString)")
            continue
        }
        let type = payload["type"]?.stringValue ?? "<none>"
        if event.event != type { stream.violations.append("\(at): event name \(event.event ?? "nil") but type \(type)") }
        if stream.error != nil || stream.messageStopped { stream.violations.append("\(at): \(type) after the end of the stream") }
        if position == 0, type != "message_start", type != "error" { stream.violations.append("\(at): the first event is \(type)") }
        switch type {
        case "message_start":
            if stream.message != nil { stream.violations.append("\(at): a second message_start") }
            let message = payload["message"] ?? [:]
            stream.message = message
            if message["type"] != "message" || message["role"] != "assistant" || message["content"] != [] || message["stop_reason"] != .null {
                stream.violations.append("\(at): message_start.message is not an empty assistant message")
            }
            stream.usage = message["usage"] ?? [:]
        case "content_block_start":
            if let open { stream.violations.append("\(at): block \(open) still open") }
            let index = payload["index"]?.int64Value ?? -1
            if index != Int64(stream.blocks.count) { stream.violations.append("\(at): block index \(index), expected \(stream.blocks.count)") }
            let block = payload["content_block"] ?? [:]
            let blockType = block["type"]?.stringValue ?? "<none>"
            switch blockType {
            case "text": if block["text"] != "" { stream.violations.append("\(at): text block does not start empty") }
            case "tool_use":
                if block["input"] != [:] { stream.violations.append("\(at): tool_use block does not start with input {}") }
                if !isValidAnthropicID(block["id"]?.stringValue ?? "") { stream.violations.append("\(at): invalid tool_use id") }
            case "thinking": if block["thinking"] != "" { stream.violations.append("\(at): thinking block does not start empty") }
            default: stream.violations.append("\(at): unexpected block type \(blockType)")
            }
            stream.blocks.append(MessagesStream.Block(type: blockType, start: block))
            open = stream.blocks.count - 1
        case "content_block_delta":
            let index = payload["index"]?.int64Value ?? -1
            guard let current = open, index == Int64(current) else {
                stream.violations.append("\(at): delta for block \(index), open is \(open.map(String.init) ?? "none")")
                continue
            }
            let delta = payload["delta"] ?? [:]
            switch (delta["type"]?.stringValue, stream.blocks[current].type) {
            case ("text_delta"?, "text"): stream.blocks[current].text += delta["text"]?.stringValue ?? ""
            case ("input_json_delta"?, "tool_use"): stream.blocks[current].partialJSON += delta["partial_json"]?.stringValue ?? ""
            case ("thinking_delta"?, "thinking"): stream.blocks[current].thinking += delta["thinking"]?.stringValue ?? ""
            case ("signature_delta"?, "thinking"): stream.blocks[current].signature += delta["signature"]?.stringValue ?? ""
            case (let deltaType, let blockType):
                stream.violations.append("\(at): \(deltaType ?? "untyped") delta on a \(blockType) block")
            }
        case "content_block_stop":
            let index = payload["index"]?.int64Value ?? -1
            guard let current = open, index == Int64(current) else {
                stream.violations.append("\(at): stop for block \(index), open is \(open.map(String.init) ?? "none")")
                continue
            }
            stream.blocks[current].stopped = true
            if stream.blocks[current].type == "tool_use" {
                // The SDK parses the accumulated JSON at the stop; nothing accumulated means {}.
                let text = stream.blocks[current].partialJSON
                if text.isEmpty {
                    stream.blocks[current].input = [:]
                } else if let input = try? JSONParser.parse(text), case .object = input {
                    stream.blocks[current].input = input
                } else {
                    stream.violations.append("\(at): tool input is not a JSON object: \(text)")
                }
            }
            open = nil
        case "message_delta":
            if let open { stream.violations.append("\(at): message_delta while block \(open) is open") }
            if sawDelta { stream.violations.append("\(at): a second message_delta") }
            sawDelta = true
            stream.stopReason = payload["delta"]?["stop_reason"]?.stringValue
            stream.stopSequence = payload["delta"]?["stop_sequence"]
            for (key, value) in payload["usage"]?.objectValue ?? [] { stream.usage.set(key, value) }
        case "message_stop":
            if !sawDelta { stream.violations.append("\(at): message_stop without message_delta") }
            stream.messageStopped = true
        case "error":
            stream.error = payload["error"]
            if payload["error"]?["type"]?.stringValue == nil || payload["error"]?["message"]?.stringValue == nil {
                stream.violations.append("\(at): error without type and message")
            }
        case "ping":
            continue
        default:
            stream.violations.append("\(at): unknown event \(type)")
        }
    }
    if stream.error == nil, !stream.messageStopped { stream.violations.append("no message_stop") }
    return stream
}

// MARK: - OpenAI Responses

/// What `openai`'s Responses stream helpers accumulate: output items from `output_item.added` to
/// `output_item.done` with their text, arguments and summaries, checked against the terminal event's `response`.
struct ResponsesStream {
    struct Item {
        var added: JSONValue
        var final: JSONValue?
        var text = ""
        var arguments = ""
        var summary = ""
        var type: String { added["type"]?.stringValue ?? "" }
        var id: String { added["id"]?.stringValue ?? "" }
    }

    var created: JSONValue?
    var items: [Item] = []
    var terminal: String?
    var response: JSONValue?
    var violations: [String] = []

    var status: String? { response?["status"]?.stringValue }
}

func parseResponsesStream(_ text: String) -> ResponsesStream {
    var stream = ResponsesStream()
    var responseIDs: Set<String> = []
    for (position, event) in sseEvents(text, &stream.violations).enumerated() {
        let at = "event \(position)"
        guard let payload = try? JSONParser.parse(event.data) else {
            stream.violations.append("\(at): not JSON: \(event.dataString)")
            continue
        }
        let type = payload["type"]?.stringValue ?? "<none>"
        if event.event != type { stream.violations.append("\(at): event name \(event.event ?? "nil") but type \(type)") }
        if payload["sequence_number"]?.int64Value != Int64(position) {
            stream.violations.append("\(at): sequence_number \(payload["sequence_number"].map(JSONWriter.string) ?? "none")")
        }
        if let terminal = stream.terminal { stream.violations.append("\(at): \(type) after \(terminal)") }
        if position == 0, type != "response.created" { stream.violations.append("\(at): the first event is \(type)") }
        if position == 1, type != "response.in_progress" { stream.violations.append("\(at): the second event is \(type)") }
        if let response = payload["response"] { responseIDs.insert(response["id"]?.stringValue ?? "<none>") }

        func item(_ kind: String) -> Int? {
            guard let index = payload["output_index"]?.int64Value, index >= 0, index < stream.items.count else {
                stream.violations.append("\(at): \(type) for an unknown output_index")
                return nil
            }
            let position = Int(index)
            if stream.items[position].type != kind { stream.violations.append("\(at): \(type) on a \(stream.items[position].type) item") }
            if let itemID = payload["item_id"], itemID.stringValue != stream.items[position].id {
                stream.violations.append("\(at): item_id does not match output_index")
            }
            if stream.items[position].final != nil { stream.violations.append("\(at): \(type) after output_item.done") }
            return position
        }

        switch type {
        case "response.created", "response.in_progress":
            let response = payload["response"] ?? [:]
            if response["status"] != "in_progress" || response["output"] != [] {
                stream.violations.append("\(at): \(type) is not an empty in_progress response")
            }
            if type == "response.created" { stream.created = response }
        case "response.output_item.added":
            let added = payload["item"] ?? [:]
            if payload["output_index"]?.int64Value != Int64(stream.items.count) {
                stream.violations.append("\(at): output_index \(payload["output_index"].map(JSONWriter.string) ?? "none"), expected \(stream.items.count)")
            }
            switch added["type"]?.stringValue {
            case "message": if added["content"] != [] || added["status"] != "in_progress" { stream.violations.append("\(at): message not empty") }
            case "function_call":
                if added["arguments"] != "" || added["status"] != "in_progress" { stream.violations.append("\(at): function_call not empty") }
            case "reasoning": if added["summary"] != [] { stream.violations.append("\(at): reasoning not empty") }
            default: stream.violations.append("\(at): unexpected item type")
            }
            stream.items.append(ResponsesStream.Item(added: added))
        case "response.content_part.added":
            if item("message") != nil, payload["content_index"] != 0 || payload["part"]?["text"] != "" {
                stream.violations.append("\(at): content part does not start empty at index 0")
            }
        case "response.output_text.delta":
            if let index = item("message") { stream.items[index].text += payload["delta"]?.stringValue ?? "" }
            if payload["logprobs"] == nil { stream.violations.append("\(at): no logprobs") }
        case "response.output_text.done":
            if let index = item("message"), payload["text"]?.stringValue != stream.items[index].text {
                stream.violations.append("\(at): done text is not the deltas")
            }
        case "response.content_part.done":
            if let index = item("message"), payload["part"]?["text"]?.stringValue != stream.items[index].text {
                stream.violations.append("\(at): part text is not the deltas")
            }
        case "response.function_call_arguments.delta":
            if let index = item("function_call") { stream.items[index].arguments += payload["delta"]?.stringValue ?? "" }
        case "response.function_call_arguments.done":
            if let index = item("function_call") {
                let accumulated = stream.items[index].arguments.isEmpty ? "{}" : stream.items[index].arguments
                if payload["arguments"]?.stringValue != accumulated { stream.violations.append("\(at): done arguments are not the deltas") }
                if payload["name"] != stream.items[index].added["name"] { stream.violations.append("\(at): done name differs") }
            }
        case "response.reasoning_summary_part.added", "response.reasoning_summary_part.done":
            _ = item("reasoning")
        case "response.reasoning_summary_text.delta":
            if let index = item("reasoning") { stream.items[index].summary += payload["delta"]?.stringValue ?? "" }
        case "response.reasoning_summary_text.done":
            if let index = item("reasoning"), payload["text"]?.stringValue != stream.items[index].summary {
                stream.violations.append("\(at): done summary is not the deltas")
            }
        case "response.output_item.done":
            guard let index = payload["output_index"]?.int64Value, index >= 0, index < stream.items.count else {
                stream.violations.append("\(at): output_item.done for an unknown output_index")
                continue
            }
            let position = Int(index)
            let final = payload["item"] ?? [:]
            if stream.items[position].final != nil { stream.violations.append("\(at): item \(position) done twice") }
            if final["id"]?.stringValue != stream.items[position].id { stream.violations.append("\(at): done item id differs") }
            switch stream.items[position].type {
            case "message":
                if final["content"]?.arrayValue?.first?["text"]?.stringValue != stream.items[position].text {
                    stream.violations.append("\(at): done message text is not the deltas")
                }
            case "function_call":
                let accumulated = stream.items[position].arguments.isEmpty ? "{}" : stream.items[position].arguments
                if final["arguments"]?.stringValue != accumulated { stream.violations.append("\(at): done arguments are not the deltas") }
            default:
                break
            }
            stream.items[position].final = final
        case "response.completed", "response.incomplete", "response.failed":
            stream.terminal = type
            let response = payload["response"] ?? [:]
            stream.response = response
            if "response." + (response["status"]?.stringValue ?? "") != type { stream.violations.append("\(at): status does not match \(type)") }
            let output = response["output"]?.arrayValue ?? []
            if output.count != stream.items.count { stream.violations.append("\(at): \(output.count) output items, streamed \(stream.items.count)") }
            if type == "response.failed" {
                if response["error"]?["message"]?.stringValue == nil { stream.violations.append("\(at): failed without an error") }
            } else {
                for (index, item) in stream.items.enumerated() {
                    guard let final = item.final else {
                        stream.violations.append("\(at): item \(index) never done")
                        continue
                    }
                    if index < output.count, !jsonDifferences(expected: final, actual: output[index]).isEmpty {
                        stream.violations.append("\(at): output[\(index)] differs from its output_item.done")
                    }
                }
            }
        case "error":
            stream.terminal = type
        default:
            stream.violations.append("\(at): unknown event \(type)")
        }
    }
    if stream.terminal == nil { stream.violations.append("no terminal event") }
    if responseIDs.count > 1 { stream.violations.append("response ids vary: \(responseIDs.sorted())") }
    return stream
}
