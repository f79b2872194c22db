import Dialects

/// An answer in Anthropic's Messages format (§4.6, §4.7 of the wire-format reference), written straight to
/// bytes.
///
/// The message is `{"id":"msg_mock_<n>","type":"message","role":"assistant","model":<request model>,
/// "content":[...],"stop_reason":..,"stop_sequence":..,"usage":{...}}`. The content holds a `text` block when
/// the answer has text, then one `tool_use` block per call (`{"type":"tool_use","id":"toolu_mock_<n>",
/// "name":..,"input":{...}}`). The usage is `{"input_tokens":P,"cache_creation_input_tokens":0,
/// "cache_read_input_tokens":0,"output_tokens":C}`; `no_usage` leaves it out (a fault the official SDK does not
/// expect), `zero_usage` reports zeros.
public enum MockAnthropicBody {
    public static func encode(_ answer: MockAnswer, id: String, model: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(320 + answer.tokens.reduce(0) { $0 + $1.utf8.count } + answer.toolCalls.count * 96)
        writeMessageOpening(id: id, model: model, into: &out)
        out.append(contentsOf: #","content":["#.utf8)
        var first = true
        if !answer.tokens.isEmpty {
            out.append(contentsOf: #"{"type":"text","text":"#.utf8)
            JSONWriter.writeString(answer.text, into: &out)
            out.append(UInt8(ascii: "}"))
            first = false
        }
        for call in answer.toolCalls {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            writeToolUse(call, input: call.arguments, into: &out)
        }
        out.append(contentsOf: #"],"stop_reason":"#.utf8)
        JSONWriter.writeString(answer.stop.anthropic, into: &out)
        out.append(contentsOf: #","stop_sequence":"#.utf8)
        writeOptional(answer.stop.sequence, into: &out)
        if let usage = answer.usage {
            out.append(contentsOf: #","usage":"#.utf8)
            writeUsage(input: usage.promptTokens, output: usage.completionTokens, into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The events of a streamed answer, each `event: <type>\ndata: <json>\n\n`:
    ///
    /// 1. `message_start` (the message with empty content, null stop reason, and usage with the input tokens
    ///    and `output_tokens: 1`), then one `ping`;
    /// 2. per content block: `content_block_start`, its deltas, `content_block_stop`. A text block's deltas
    ///    are `text_delta`s, one per text chunk (``MockAnswer/contentChunks(count:)``); a `tool_use` block
    ///    starts with `"input":{}` and streams `input_json_delta`s: an empty `partial_json` first, as
    ///    Anthropic does, then the arguments in `chunkCount` fragments;
    /// 3. `message_delta` with the stop reason, the stop sequence and `usage.output_tokens`, then
    ///    `message_stop`.
    ///
    /// Text and argument deltas are content events (paced, counted by `fail_after`), `message_delta` is the
    /// finish event; the rest are frames.
    public static func events(for answer: MockAnswer, id: String, model: String, chunkCount: Int) -> [MockStreamEvent] {
        var events: [MockStreamEvent] = []
        func add(_ kind: MockStreamEvent.Kind, _ type: String, _ body: (inout [UInt8]) -> Void) {
            var out = [UInt8]()
            out.reserveCapacity(128)
            out.append(contentsOf: "event: ".utf8)
            out.append(contentsOf: type.utf8)
            out.append(contentsOf: "\ndata: {\"type\":\"".utf8)
            out.append(contentsOf: type.utf8)
            out.append(UInt8(ascii: "\""))
            body(&out)
            out.append(contentsOf: "}\n\n".utf8)
            events.append(MockStreamEvent(kind: kind, choice: 0, bytes: out))
        }

        add(.frame, "message_start") { out in
            out.append(contentsOf: #","message":"#.utf8)
            writeMessageOpening(id: id, model: model, into: &out)
            out.append(contentsOf: #","content":[],"stop_reason":null,"stop_sequence":null"#.utf8)
            if let usage = answer.usage {
                out.append(contentsOf: #","usage":"#.utf8)
                writeUsage(input: usage.promptTokens, output: usage.completionTokens == 0 && usage.promptTokens == 0 ? 0 : 1, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        add(.frame, "ping") { _ in }

        var block = 0
        var content = 0
        func blockEvent(_ type: String, _ body: ((inout [UInt8]) -> Void)? = nil) {
            add(.frame, type) { out in
                out.append(contentsOf: #","index":"#.utf8)
                out.append(contentsOf: String(block).utf8)
                body?(&out)
            }
        }
        func delta(_ kind: MockStreamEvent.Kind, type: String, field: String, value: String) {
            add(kind, "content_block_delta") { out in
                out.append(contentsOf: #","index":"#.utf8)
                out.append(contentsOf: String(block).utf8)
                out.append(contentsOf: #","delta":{"type":""#.utf8)
                out.append(contentsOf: type.utf8)
                out.append(contentsOf: #"",""#.utf8)
                out.append(contentsOf: field.utf8)
                out.append(contentsOf: #"":"#.utf8)
                JSONWriter.writeString(value, into: &out)
                out.append(UInt8(ascii: "}"))
            }
        }

        if !answer.tokens.isEmpty {
            blockEvent("content_block_start") { $0.append(contentsOf: #","content_block":{"type":"text","text":""}"#.utf8) }
            for chunk in answer.contentChunks(count: chunkCount) {
                delta(.content(content), type: "text_delta", field: "text", value: chunk)
                content += 1
            }
            blockEvent("content_block_stop")
            block += 1
        }
        for call in answer.toolCalls {
            blockEvent("content_block_start") { out in
                out.append(contentsOf: #","content_block":"#.utf8)
                writeToolUse(call, input: "{}", into: &out)
            }
            delta(.frame, type: "input_json_delta", field: "partial_json", value: "")
            for fragment in call.argumentFragments(count: chunkCount) {
                delta(.content(content), type: "input_json_delta", field: "partial_json", value: fragment)
                content += 1
            }
            blockEvent("content_block_stop")
            block += 1
        }

        add(.finish, "message_delta") { out in
            out.append(contentsOf: #","delta":{"stop_reason":"#.utf8)
            JSONWriter.writeString(answer.stop.anthropic, into: &out)
            out.append(contentsOf: #","stop_sequence":"#.utf8)
            writeOptional(answer.stop.sequence, into: &out)
            out.append(UInt8(ascii: "}"))
            if let usage = answer.usage {
                out.append(contentsOf: #","usage":{"output_tokens":"#.utf8)
                out.append(contentsOf: String(usage.completionTokens).utf8)
                out.append(UInt8(ascii: "}"))
            }
        }
        add(.done, "message_stop") { _ in }
        return events
    }

    /// `{"id":..,"type":"message","role":"assistant","model":..` without the closing brace.
    static func writeMessageOpening(id: String, model: String, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8)
        JSONWriter.writeString(id, into: &out)
        out.append(contentsOf: #","type":"message","role":"assistant","model":"#.utf8)
        JSONWriter.writeString(model, into: &out)
    }

    static func writeToolUse(_ call: MockToolCall, input: String, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"type":"tool_use","id":"#.utf8)
        JSONWriter.writeString(call.anthropicID, into: &out)
        out.append(contentsOf: #","name":"#.utf8)
        JSONWriter.writeString(call.name, into: &out)
        out.append(contentsOf: #","input":"#.utf8)
        out.append(contentsOf: input.utf8)
        out.append(UInt8(ascii: "}"))
    }

    static func writeUsage(input: Int, output: Int, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"input_tokens":"#.utf8)
        out.append(contentsOf: String(input).utf8)
        out.append(contentsOf: #","cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":"#.utf8)
        out.append(contentsOf: String(output).utf8)
        out.append(UInt8(ascii: "}"))
    }

    static func writeOptional(_ text: String?, into out: inout [UInt8]) {
        if let text { JSONWriter.writeString(text, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }
}
