import Dialects
import Testing

/// The client-side readers and the provider rule checks must reject what the real clients and providers
/// reject, or the semantic tests could never fail. Each case is a small broken input and the complaint it
/// must raise.
@Suite("The checkers catch broken streams and bodies")
struct CheckerSelfTests {
    static let chatHead = #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":"#

    @Test(
        "Chat stream rules",
        arguments: [
            (
                // A second call announced under index 1 before any index 0.
                sse([
                    chatHead + #"{"role":"assistant","content":""},"finish_reason":null}]}"#,
                    chatHead + #"{"tool_calls":[{"index":1,"id":"c","type":"function","function":{"name":"f","arguments":""}}]},"finish_reason":null}]}"#,
                    chatHead + #"{},"finish_reason":"tool_calls"}]}"#, "[DONE]",
                ]), "has index 1, expected 0"
            ),
            (sse([chatHead + #"{"role":"assistant","content":"Hi"},"finish_reason":"stop"}]}"#]), "no [DONE]"),
            (
                sse([
                    chatHead + #"{"role":"assistant","content":"Hi"},"finish_reason":null}]}"#,
                    #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":1}}"#, "[DONE]",
                ]), "usage before the finish chunk"
            ),
            ("event: x\ndata: [DONE]\n\n", "has an event name"),
        ])
    func chat(stream: String, complaint: String) {
        let violations = parseChatStream(stream).violations
        #expect(violations.contains { $0.contains(complaint) }, "\(violations)")
    }

    static let start = ("message_start", #"{"type":"message_start","message":{"type":"message","role":"assistant","content":[],"stop_reason":null}}"#)
    static let end = [
        ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":1}}"#),
        ("message_stop", #"{"type":"message_stop"}"#),
    ]

    @Test(
        "Messages stream rules",
        arguments: [
            (
                namedSSE(
                    [start, ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#)]
                        + [("content_block_start", #"{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}"#)] + end),
                "block 0 still open"
            ),
            (
                namedSSE(
                    [start, ("content_block_start", #"{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}"#)]
                        + [("content_block_stop", #"{"type":"content_block_stop","index":1}"#)] + end), "block index 1, expected 0"
            ),
            (
                namedSSE(
                    [
                        start,
                        ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t","name":"f","input":{}}}"#),
                        ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"[1"}}"#),
                        ("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
                    ] + end), "tool input is not a JSON object"
            ),
            (namedSSE([start] + end.prefix(1)), "no message_stop"),
            (namedSSE([("message_stop", #"{"type":"message_delta"}"#)]), "event name message_stop but type message_delta"),
        ])
    func messages(stream: String, complaint: String) {
        let violations = parseMessagesStream(stream).violations
        #expect(violations.contains { $0.contains(complaint) }, "\(violations)")
    }

    static let created = ("response.created", #"{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","status":"in_progress","output":[]}}"#)
    static let inProgress = ("response.in_progress", #"{"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_1","status":"in_progress","output":[]}}"#)

    @Test(
        "Responses stream rules",
        arguments: [
            (namedSSE([created, ("response.in_progress", #"{"type":"response.in_progress","sequence_number":2,"response":{"id":"resp_1","status":"in_progress","output":[]}}"#)]), "sequence_number 2"),
            (
                namedSSE([
                    created, inProgress,
                    ("response.output_item.added", #"{"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"m","type":"message","status":"in_progress","content":[]}}"#),
                    ("response.output_text.delta", #"{"type":"response.output_text.delta","sequence_number":3,"item_id":"m","output_index":0,"content_index":0,"delta":"Hi","logprobs":[]}"#),
                    ("response.output_text.done", #"{"type":"response.output_text.done","sequence_number":4,"item_id":"m","output_index":0,"content_index":0,"text":"Ho","logprobs":[]}"#),
                ]), "done text is not the deltas"
            ),
            (
                namedSSE([
                    created, inProgress,
                    ("response.output_item.added", #"{"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"f","type":"function_call","status":"in_progress","arguments":"","call_id":"c","name":"g"}}"#),
                    ("response.output_item.done", #"{"type":"response.output_item.done","sequence_number":3,"output_index":0,"item":{"id":"f","type":"function_call","status":"completed","arguments":"{}","call_id":"c","name":"g"}}"#),
                    ("response.completed", #"{"type":"response.completed","sequence_number":4,"response":{"id":"resp_1","status":"completed","output":[{"id":"f","type":"function_call","status":"completed","arguments":"{\"x\":1}","call_id":"c","name":"g"}]}}"#),
                ]), "output[0] differs from its output_item.done"
            ),
            (namedSSE([created, inProgress]), "no terminal event"),
        ])
    func responses(stream: String, complaint: String) {
        let violations = parseResponsesStream(stream).violations
        #expect(violations.contains { $0.contains(complaint) }, "\(violations)")
    }

    @Test("OpenAI placement: tool messages right after the calls")
    func openAIRules() throws {
        let body = try json(
            #"""
            {"max_tokens":1,"messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"a"},{"id":"b"}]},
              {"role":"tool","tool_call_id":"a","content":"x"},{"role":"user","content":"y"},{"role":"tool","tool_call_id":"b","content":"z"}]}
            """#)
        #expect(openAIRuleViolations(body) == [#"calls ["a", "b"] answered by tool messages ["a"]"#, "messages[3]: a tool message not right after the calls"])
    }

    @Test("Anthropic placement: alternation, results first, max_tokens, thinking in a tool loop")
    func anthropicRules() throws {
        let body = try json(
            #"""
            {"thinking":{"type":"enabled","budget_tokens":1024},"messages":[{"role":"user","content":[{"type":"text","text":"q"}]},
              {"role":"assistant","content":[{"type":"tool_use","id":"a:1","name":"f","input":{}}]},
              {"role":"user","content":[{"type":"text","text":"r"},{"type":"tool_result","tool_use_id":"a:1"}]},
              {"role":"user","content":[{"type":"text","text":" "}]}]}
            """#)
        #expect(
            anthropicRuleViolations(body) == [
                "max_tokens missing", "messages[1]: invalid tool_use id a:1", "messages[2]: tool_results [] for uses [\"a:1\"]",
                "messages[2]: a tool_result after other blocks", "messages[3]: role \"user\"", "messages[3]: blank text block",
                "messages[1]: thinking is enabled but the tool-use turn starts with tool_use, not its thinking",
            ])
    }

    @Test("Gemini placement: responses first, in call order, named after their calls")
    func geminiRules() throws {
        let body = try json(
            #"""
            {"generationConfig":{"maxOutputTokens":1},"contents":[{"role":"user","parts":[{"text":"q"}]},
              {"role":"model","parts":[{"functionCall":{"id":"a","name":"f","args":{}}},{"functionCall":{"id":"b","name":"g","args":{}}}]},
              {"role":"user","parts":[{"functionResponse":{"id":"b","name":"g","response":{}}},{"functionResponse":{"id":"a","name":"h","response":{}}}]},
              {"role":"user","parts":[{"text":""}]}]}
            """#)
        #expect(
            geminiRuleViolations(body) == [
                #"contents[2]: response named "g""#, #"contents[2]: response id "b" for call "a""#, #"contents[2]: response named "h""#,
                #"contents[2]: response id "a" for call "b""#, "contents[3]: two user contents in a row", "contents[3]: empty text part",
            ])
    }
}
