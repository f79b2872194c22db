import AnthropicCodec
import Conversation
import Dialects
import Testing
import TokModelCore

@Suite("decodeResponse")
struct DecodeResponseTests {
    @Test("the message object of wire-formats §4.6, with thinking, text and tool_use")
    func message() throws {
        let response = try AnthropicMessages.decodeResponse(
            json(
                #"""
                {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[
                   {"type":"thinking","thinking":"Need weather.","signature":"EqQB"},
                   {"type":"redacted_thinking","data":"opaque"},
                   {"type":"text","text":"Let me check."},
                   {"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris","n":2.50}},
                   {"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{}},
                   {"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[]}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":412,"cache_creation_input_tokens":100,"cache_read_input_tokens":2048,
                          "cache_creation":{"ephemeral_5m_input_tokens":100,"ephemeral_1h_input_tokens":0},"output_tokens":57,"service_tier":"standard"}}
                """#))
        #expect(
            response
                == ChatResponse(
                    id: "msg_01XFDUDYJgAACzvnptvVoYEL", model: "claude-sonnet-4-5-20250929", created: 0,
                    blocks: [
                        .thinking(Thinking(text: "Need weather.", signature: "EqQB")),
                        .thinking(Thinking(text: "", redactedData: "opaque")),
                        .text("Let me check."),
                        .toolCall(ToolCall(id: "toolu_01A", name: "get_weather", arguments: #"{"city":"Paris","n":2.50}"#)),
                    ],
                    stopReason: .toolUse, stopSequence: nil,
                    usage: Usage(inputTokens: 2560, outputTokens: 57, cachedInputTokens: 2048, cacheWriteInputTokens: 100)))
    }

    @Test("stop reasons and the stop sequence", arguments: [
        ("end_turn", StopReason.endTurn), ("max_tokens", .maxTokens), ("stop_sequence", .stopSequence), ("tool_use", .toolUse),
        ("pause_turn", .pause), ("refusal", .contentFilter), ("model_context_window_exceeded", .contextWindow), ("new_reason", .other("new_reason")),
    ])
    func stopReasons(_ wire: String, _ reason: StopReason) throws {
        let response = try AnthropicMessages.decodeResponse(
            json(#"{"id":"msg_1","model":"m","content":[],"stop_reason":"\#(wire)","stop_sequence":"END","usage":{"input_tokens":1,"output_tokens":1}}"#))
        #expect(response.stopReason == reason)
        #expect(response.stopSequence == "END")
    }

    @Test("a null stop reason is end_turn; a missing usage is nil")
    func defaults() throws {
        let response = try AnthropicMessages.decodeResponse(json(#"{"id":"msg_1","model":"m","content":[{"type":"text","text":"Hi"}],"stop_reason":null}"#))
        #expect(response.stopReason == .endTurn)
        #expect(response.usage == nil)
    }

    @Test("an error body throws the provider's error; malformed bodies throw upstream errors")
    func errors() throws {
        let errorBody = try json(#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#)
        let overloaded = gatewayError { () throws(GatewayError) in try AnthropicMessages.decodeResponse(errorBody) }
        #expect(overloaded == GatewayError(.unavailable, "Overloaded", code: "overloaded_error"))
        for body in [#"[]"#, #"{"id":"msg_1"}"#, #"{"content":[{"type":"text"}]}"#, #"{"content":[{"type":"tool_use","id":"x"}]}"#] {
            let parsed = try json(body)
            let error = gatewayError { () throws(GatewayError) in try AnthropicMessages.decodeResponse(parsed) }
            #expect(error?.kind == .upstreamFailed, "\(body)")
        }
    }
}

@Suite("encodeResponse")
struct EncodeResponseTests {
    @Test("a canonical answer from an OpenAI provider as an Anthropic message")
    func fromOpenAI() throws {
        let response = ChatResponse(
            id: "chatcmpl-abc", model: "gpt-4o-2024-08-06", created: 1_700_000_000,
            blocks: [
                .text("Let me check."), .text(""),
                .toolCall(ToolCall(id: "call_1", name: "get_weather", arguments: #"{"city":"Paris"}"#)),
                .toolCall(ToolCall(id: "functions.lookup:2", name: "lookup", arguments: "not json")),
            ],
            stopReason: .endTurn, usage: Usage(inputTokens: 120, outputTokens: 40, cachedInputTokens: 100))
        let body = AnthropicMessages.encodeResponse(response, clientModel: "claude-sonnet-4-5")
        #expect(body["id"] == "msg_chatcmpl-abc")
        #expect(body["type"] == "message" && body["role"] == "assistant" && body["model"] == "claude-sonnet-4-5")
        let content = try #require(body["content"]?.arrayValue)
        #expect(content.count == 3)
        #expect(content[0] == ["type": "text", "text": "Let me check."])
        #expect(content[1] == ["type": "tool_use", "id": "call_1", "name": "get_weather", "input": ["city": "Paris"]])
        #expect(content[2]["input"] == ["_raw": "not json"])
        #expect(content[2]["id"]?.stringValue.map(isAnthropicID) == true)
        #expect(body["stop_reason"] == "tool_use")
        #expect(body["stop_sequence"] == .null)
        #expect(body["usage"] == ["input_tokens": 20, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 100, "output_tokens": 40])
    }

    @Test("decode then encode reproduces an Anthropic message (model aside)")
    func roundTrip() throws {
        let original = #"""
            {"id":"msg_01X","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"thinking","thinking":"Hm.","signature":"EqQB"},{"type":"redacted_thinking","data":"opaque"},
                        {"type":"text","text":"1, 2, 3"}],
             "stop_reason":"stop_sequence","stop_sequence":"4",
             "usage":{"input_tokens":12,"cache_creation_input_tokens":1500,"cache_read_input_tokens":20000,"output_tokens":80}}
            """#
        let decoded = try AnthropicMessages.decodeResponse(json(original))
        let body = AnthropicMessages.encodeResponse(decoded, clientModel: "claude-sonnet-4-5")
        #expect(JSONWriter.string(body) == (try compact(original)))
    }

    @Test("stop reasons follow the content; stop_sequence only with stop_sequence", arguments: [
        (StopReason.endTurn, false, "end_turn"), (.toolUse, false, "end_turn"), (.toolUse, true, "tool_use"), (.endTurn, true, "tool_use"),
        (.maxTokens, true, "max_tokens"), (.stopSequence, false, "stop_sequence"), (.contentFilter, false, "refusal"), (.pause, false, "pause_turn"),
        (.contextWindow, false, "model_context_window_exceeded"), (.error, false, "end_turn"), (.other("x"), false, "end_turn"),
    ])
    func stopReasons(_ reason: StopReason, _ withCall: Bool, _ wire: String) {
        let blocks: [ContentBlock] = withCall ? [.toolCall(ToolCall(id: "t", name: "f", arguments: "{}"))] : [.text("x")]
        let body = AnthropicMessages.encodeResponse(
            ChatResponse(id: "msg_1", model: "m", created: 0, blocks: blocks, stopReason: reason, stopSequence: "S"), clientModel: "c")
        #expect(body["stop_reason"] == .string(wire))
        #expect(body["stop_sequence"] == (wire == "stop_sequence" ? "S" : .null))
    }

    @Test("no usage is zeros; an empty id is minted; unsigned thinking gets an empty signature; empty thinking is left out")
    func defaults() throws {
        let body = AnthropicMessages.encodeResponse(
            ChatResponse(
                id: "", model: "m", created: 0, blocks: [.thinking(Thinking(text: "Reasoning")), .thinking(Thinking(text: "")), .text("Hi")],
                stopReason: .endTurn),
            clientModel: "c")
        #expect(body["usage"] == ["input_tokens": 0, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 0])
        #expect(body["id"]?.stringValue?.hasPrefix("msg_") == true)
        #expect(body["content"] == [["type": "thinking", "thinking": "Reasoning", "signature": ""], ["type": "text", "text": "Hi"]])
    }
}

@Suite("usage(from:)")
struct UsageTests {
    @Test("input_tokens excludes the cache; the canonical input is the total", arguments: [
        (#"{"input_tokens":412,"cache_creation_input_tokens":100,"cache_read_input_tokens":2048,"output_tokens":57}"#,
         Usage(inputTokens: 2560, outputTokens: 57, cachedInputTokens: 2048, cacheWriteInputTokens: 100) as Usage?),
        (#"{"input_tokens":25,"output_tokens":1}"#, Usage(inputTokens: 25, outputTokens: 1)),
        (#"{"output_tokens":12}"#, Usage(outputTokens: 12)),
        (#"{"input_tokens":-3,"output_tokens":-1,"cache_read_input_tokens":-5}"#, Usage()),
        (#"{"input_tokens":9223372036854775807,"cache_read_input_tokens":10}"#, Usage(inputTokens: .max, cachedInputTokens: 10)),
        (#"{"service_tier":"standard"}"#, nil),
        (#"[]"#, nil),
    ])
    func usage(_ object: String, _ expected: Usage?) throws {
        #expect(AnthropicMessages.usage(from: try json(object)) == expected)
    }
}
