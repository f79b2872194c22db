import Conversation
import Dialects
import OpenAIChatCodec
import Testing
import TokModelCore

@Suite("OpenAIChat responses")
struct ResponseTests {
    static let textResponse = #"""
        {"id":"chatcmpl-AbC123","object":"chat.completion","created":1767225600,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_abc123",\#
        "service_tier":"default","choices":[{"index":0,"message":{"role":"assistant","content":"It is 18°C and clear in Paris.","refusal":null,\#
        "annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,\#
        "prompt_tokens_details":{"cached_tokens":1920,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":256,"audio_tokens":0,\#
        "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}
        """#

    @Test("decodeResponse: text, finish reason, usage with cached and reasoning tokens")
    func decodeText() throws {
        let response = try OpenAIChat.decodeResponse(try parse(Self.textResponse))
        #expect(
            response
                == ChatResponse(
                    id: "chatcmpl-AbC123", model: "gpt-4o-2024-08-06", created: 1_767_225_600, blocks: [.text("It is 18°C and clear in Paris.")],
                    stopReason: .endTurn, usage: Usage(inputTokens: 2006, outputTokens: 300, cachedInputTokens: 1920, reasoningTokens: 256)))
    }

    @Test("decodeResponse: tool calls (content null), with ids minted when missing and non-function calls skipped")
    func decodeToolCalls() throws {
        let body = #"""
            {"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,\#
            "tool_calls":[{"id":"call_A","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},\#
            {"type":"function","function":{"name":"get_time","arguments":{"tz":"CET"}}},{"id":"x","type":"custom","custom":{"name":"c","input":"i"}},\#
            {"id":"call_C","type":"function","function":{"name":"ping"}}]},"finish_reason":"tool_calls"}]}
            """#
        let response = try OpenAIChat.decodeResponse(try parse(body))
        #expect(
            response.blocks == [
                .toolCall(ToolCall(id: "call_A", name: "get_weather", arguments: #"{"city":"Paris"}"#)),
                .toolCall(ToolCall(id: "call_1", name: "get_time", arguments: #"{"tz":"CET"}"#)),
                .toolCall(ToolCall(id: "call_C", name: "ping", arguments: "{}")),
            ])
        #expect(response.stopReason == .toolUse)
        #expect(response.usage == nil)
    }

    @Test(
        "finish_reason → StopReason (§11.12); tool calls win over a host's 'stop'; vLLM's stop_reason names the stop sequence",
        arguments: [
            (#""finish_reason":"stop""#, false, StopReason.endTurn, nil as String?),
            (#""finish_reason":null"#, false, .endTurn, nil),
            (#""finish_reason":"length""#, false, .maxTokens, nil),
            (#""finish_reason":"tool_calls""#, true, .toolUse, nil),
            (#""finish_reason":"function_call""#, false, .toolUse, nil),
            (#""finish_reason":"stop""#, true, .toolUse, nil),
            (#""finish_reason":"content_filter""#, false, .contentFilter, nil),
            (#""finish_reason":"eos""#, false, .other("eos"), nil),
            (#""finish_reason":"stop","stop_reason":"END""#, false, .stopSequence, "END"),
            (#""finish_reason":"stop","stop_reason":128009"#, false, .endTurn, nil),
        ])
    func finishReasons(finish: String, withCall: Bool, expected: StopReason, sequence: String?) throws {
        let calls = withCall ? #","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]"# : ""
        let body = #"{"id":"x","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hi"\#(calls)},\#(finish)}]}"#
        let response = try OpenAIChat.decodeResponse(try parse(body))
        #expect(response.stopReason == expected)
        #expect(response.stopSequence == sequence)
    }

    @Test("decodeResponse: reasoning_content becomes thinking first; a refusal becomes text; parts are read")
    func decodeReasoningAndRefusal() throws {
        let body = #"""
            {"id":"d","created":1,"model":"deepseek-reasoner","choices":[{"index":0,"message":{"role":"assistant","reasoning_content":"2+2 is 4.",\#
            "content":[{"type":"text","text":"4"}],"refusal":"but no more"},"finish_reason":"stop"}]}
            """#
        let response = try OpenAIChat.decodeResponse(try parse(body))
        #expect(response.blocks == [.thinking(Thinking(text: "2+2 is 4.")), .text("4"), .text("but no more")])
        let openRouter = #"{"id":"o","choices":[{"message":{"role":"assistant","reasoning":"hm","content":""},"finish_reason":"stop"}]}"#
        #expect(try OpenAIChat.decodeResponse(try parse(openRouter)).blocks == [.thinking(Thinking(text: "hm"))])
    }

    @Test(
        "decodeResponse: error bodies and bodies without choices are upstream failures",
        arguments: [
            (#"{"error":{"message":"Overloaded","type":"server_error","param":null,"code":"overloaded"}}"#, "overloaded", "Overloaded"),
            (#"{"error":{"message":"Bad","type":"invalid_request_error","param":"messages","code":null}}"#, "invalid_request_error", "Bad"),
            (#"{"error":"quota exceeded"}"#, "upstream_error", "quota exceeded"),
            (#"{"object":"error","message":"This model's maximum context length is 4096 tokens.","type":"BadRequestError","param":null,"code":400}"#, "BadRequestError", "This model's maximum context length is 4096 tokens."),
            (#"{"id":"x","choices":[]}"#, "invalid_upstream_response", nil),
            (#"{"id":"x"}"#, "invalid_upstream_response", nil),
            (#"[]"#, "invalid_upstream_response", nil),
        ])
    func decodeFailures(body: String, code: String, message: String?) throws {
        let value = try parse(body)
        let error = try #require(throws: GatewayError.self) { try OpenAIChat.decodeResponse(value) }
        #expect(error.kind == .upstreamFailed)
        #expect(error.code == code)
        if let message { #expect(error.message == message) }
    }

    @Test("encodeResponse: a text answer with usage details, the client's model and a chatcmpl- id")
    func encodeText() throws {
        let response = ChatResponse(
            id: "msg_01XFDUDYJgAACzvnptvVoYEL", model: "claude-sonnet-4-5", created: 1_767_225_600, blocks: [.text("Hello"), .text(" there!")],
            stopReason: .endTurn, usage: Usage(inputTokens: 2006, outputTokens: 300, cachedInputTokens: 1920, cacheWriteInputTokens: 50, reasoningTokens: 256))
        let expected = #"""
            {"id":"chatcmpl-msg_01XFDUDYJgAACzvnptvVoYEL","object":"chat.completion","created":1767225600,"model":"acme/chat","choices":[{"index":0,\#
            "message":{"role":"assistant","content":"Hello there!","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":2006,\#
            "completion_tokens":300,"total_tokens":2306,"prompt_tokens_details":{"cached_tokens":1920,"cache_write_tokens":50},\#
            "completion_tokens_details":{"reasoning_tokens":256}}}
            """#
        #expect(JSONWriter.string(OpenAIChat.encodeResponse(response, clientModel: "acme/chat")) == expected)
    }

    @Test("encodeResponse: tool calls with content null, thinking as reasoning_content, an id already prefixed kept once")
    func encodeToolCalls() throws {
        let response = ChatResponse(
            id: "chatcmpl-9", model: "m", created: 5,
            blocks: [
                .thinking(Thinking(text: "The user wants weather.", signature: "sig")),
                .toolCall(ToolCall(id: "call_A", name: "get_weather", arguments: #"{"city":"Paris"}"#)),
                .toolCall(ToolCall(id: "call_B", name: "get_weather", arguments: "")),
            ],
            stopReason: .toolUse)
        let expected = #"""
            {"id":"chatcmpl-9","object":"chat.completion","created":5,"model":"acme/chat","choices":[{"index":0,"message":{"role":"assistant",\#
            "content":null,"reasoning_content":"The user wants weather.","refusal":null,"tool_calls":[{"id":"call_A","type":"function",\#
            "function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"call_B","type":"function","function":{"name":"get_weather",\#
            "arguments":"{}"}}]},"logprobs":null,"finish_reason":"tool_calls"}]}
            """#
        #expect(JSONWriter.string(OpenAIChat.encodeResponse(response, clientModel: "acme/chat")) == expected)
    }

    @Test(
        "encodeResponse: StopReason → finish_reason",
        arguments: [
            (StopReason.endTurn, false, "stop"), (.stopSequence, false, "stop"), (.pause, false, "stop"), (.error, false, "stop"),
            (.maxTokens, false, "length"), (.contextWindow, false, "length"), (.toolUse, true, "tool_calls"), (.endTurn, true, "tool_calls"),
            (.contentFilter, false, "content_filter"), (.other("length"), false, "length"), (.other("SAFETY"), false, "stop"),
        ])
    func encodeFinishReasons(reason: StopReason, withCall: Bool, expected: String) throws {
        var blocks: [ContentBlock] = [.text("x")]
        if withCall { blocks.append(.toolCall(ToolCall(id: "c", name: "f", arguments: "{}"))) }
        let body = OpenAIChat.encodeResponse(ChatResponse(id: "i", model: "m", created: 1, blocks: blocks, stopReason: reason), clientModel: "c")
        #expect(body["choices"]?.arrayValue?.first?["finish_reason"]?.stringValue == expected)
    }

    @Test("encodeResponse: an empty answer has content \"\"; an empty id still yields a chatcmpl- id")
    func encodeEmpty() throws {
        let body = OpenAIChat.encodeResponse(ChatResponse(id: "", model: "m", created: 1, blocks: [], stopReason: .maxTokens), clientModel: "c")
        #expect(body["id"] == "chatcmpl-tokmodel")
        #expect(body["choices"]?.arrayValue?.first?["message"]?["content"] == "")
        #expect(body["usage"] == nil)
    }

    @Test("decode then encode: a provider's answer reaches the client intact under the client's model")
    func responseRoundTrip() throws {
        let body = OpenAIChat.encodeResponse(try OpenAIChat.decodeResponse(try parse(Self.textResponse)), clientModel: "openai/gpt-4o")
        #expect(body["id"] == "chatcmpl-AbC123")
        #expect(body["model"] == "openai/gpt-4o")
        #expect(body["created"] == .number("1767225600"))
        #expect(body["choices"]?.arrayValue?.first?["message"]?["content"] == "It is 18°C and clear in Paris.")
        #expect(
            body["usage"]
                == (try parse(
                    #"{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,"prompt_tokens_details":{"cached_tokens":1920},"completion_tokens_details":{"reasoning_tokens":256}}"#
                )))
    }

    @Test(
        "usage(from:) reads counts and clamps details into their totals",
        arguments: [
            (#"{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}"#, Usage(inputTokens: 10, outputTokens: 5) as Usage?),
            (#"{"prompt_tokens":10}"#, Usage(inputTokens: 10)),
            (#"{"total_tokens":15}"#, nil),
            (#"null"#, nil),
            (#"{"prompt_tokens":-3,"completion_tokens":-1}"#, Usage()),
            (#"{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":30}}"#, Usage(inputTokens: 10, outputTokens: 5, cachedInputTokens: 10)),
            (
                #"{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":4,"cache_write_tokens":3}}"#,
                Usage(inputTokens: 10, outputTokens: 5, cachedInputTokens: 4, cacheWriteInputTokens: 3)
            ),
            (
                #"{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":8,"cache_write_tokens":9}}"#,
                Usage(inputTokens: 10, outputTokens: 5, cachedInputTokens: 8, cacheWriteInputTokens: 2)
            ),
            (#"{"prompt_tokens":10,"completion_tokens":5,"completion_tokens_details":{"reasoning_tokens":9}}"#, Usage(inputTokens: 10, outputTokens: 5, reasoningTokens: 5)),
        ])
    func usage(json: String, expected: Usage?) throws {
        #expect(OpenAIChat.usage(from: try parse(json)) == expected)
    }
}
