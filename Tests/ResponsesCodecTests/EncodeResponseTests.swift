import Conversation
import Dialects
import ResponsesCodec
import Testing
import TokModelCore

@Suite("OpenAIResponses.encodeResponse")
struct EncodeResponseTests {
    /// What OpenAI returns for this exchange (recorded shape, gpt-4.1, non-streaming), with the ids, timestamp
    /// and model the gateway derives. The gateway differs from it only in `store` (false: nothing is kept).
    static let openAIFixture = #"""
        {
          "id": "resp_68a1b2",
          "object": "response",
          "created_at": 1767225600,
          "status": "completed",
          "background": false,
          "error": null,
          "incomplete_details": null,
          "instructions": "You report the weather.",
          "max_output_tokens": null,
          "max_tool_calls": null,
          "model": "openai/gpt-4.1",
          "output": [
            {
              "id": "msg_68a1b2_0",
              "type": "message",
              "status": "completed",
              "content": [
                {"type": "output_text", "annotations": [], "logprobs": [], "text": "Checking the weather."}
              ],
              "role": "assistant"
            },
            {
              "id": "fc_68a1b2_1",
              "type": "function_call",
              "status": "completed",
              "arguments": "{\"city\":\"Paris\"}",
              "call_id": "call_Qx1",
              "name": "get_weather"
            }
          ],
          "parallel_tool_calls": true,
          "previous_response_id": null,
          "prompt_cache_key": null,
          "reasoning": {"effort": null, "summary": null},
          "safety_identifier": null,
          "service_tier": "default",
          "store": true,
          "temperature": 1.0,
          "text": {"format": {"type": "text"}, "verbosity": "medium"},
          "tool_choice": "auto",
          "tools": [
            {
              "type": "function",
              "name": "get_weather",
              "description": "Current weather for a city",
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
              "strict": false
            }
          ],
          "top_logprobs": 0,
          "top_p": 1.0,
          "truncation": "disabled",
          "usage": {
            "input_tokens": 50,
            "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
            "output_tokens": 20,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": 70
          },
          "user": null,
          "metadata": {}
        }
        """#

    static let weatherRequestBody = #"""
        {"model":"openai/gpt-4.1","instructions":"You report the weather.","input":"Weather in Paris?",
         "tools":[{"type":"function","name":"get_weather","description":"Current weather for a city",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":false}]}
        """#

    static let weatherResponse = ChatResponse(
        id: "chatcmpl-68a1b2", model: "gpt-4.1-2025-04-14", created: 1_767_225_600,
        blocks: [.text("Checking the weather."), .toolCall(ToolCall(id: "call_Qx1", name: "get_weather", arguments: #"{"city":"Paris"}"#))],
        stopReason: .toolUse, usage: Usage(inputTokens: 50, outputTokens: 20))

    @Test("field by field equal to OpenAI's answer, except store")
    func matchesFixture() throws {
        let body = try json(Self.weatherRequestBody)
        let request = try OpenAIResponses.decodeRequest(body)
        let encoded = OpenAIResponses.encodeResponse(Self.weatherResponse, clientModel: "openai/gpt-4.1", request: request)
        var fixture = try json(Self.openAIFixture)
        #expect(shapeDifferences(expected: fixture, actual: encoded) == [])
        fixture.set("store", false)
        for case (let key, let value) in fixture.objectValue ?? [] {
            #expect(encoded[key] == value, "\(key): \(JSONWriter.string(encoded[key] ?? .null))")
        }
        // Members in OpenAI's order too.
        #expect(encoded.objectValue?.map(\.0) == fixture.objectValue?.map(\.0))
    }

    @Test("the members the SDK's Response model requires are present, and no output_text member is invented")
    func requiredMembers() {
        let encoded = OpenAIResponses.encodeResponse(Self.weatherResponse, clientModel: "x")
        for key in ["id", "created_at", "model", "object", "output", "parallel_tool_calls", "tool_choice", "tools"] {
            #expect(encoded[key] != nil, "\(key)")
        }
        #expect(encoded["output_text"] == nil)
        #expect(encoded["store"] == false)
    }

    @Test("the echo from the body repeats metadata, truncation and the exact instructions")
    func echoFromBody() throws {
        let body = try json(
            #"""
            {"model":"m","instructions":"Rule.","input":[{"role":"developer","content":"Dev rule."},{"role":"user","content":"hi"}],
             "metadata":{"trace":"t-1"},"truncation":"auto","temperature":0.2,"top_p":0.5,"max_output_tokens":99,"parallel_tool_calls":false,
             "tool_choice":"required","tools":[{"type":"function","name":"f"}],"text":{"format":{"type":"json_schema","name":"n","schema":{"type":"object"},"strict":true}},
             "reasoning":{"effort":"low"},"user":"u1"}
            """#)
        let request = try OpenAIResponses.decodeRequest(body)
        let response = ChatResponse(id: "x", model: "p", created: 5, blocks: [.text("ok")], stopReason: .endTurn)
        let encoded = OpenAIResponses.encodeResponse(response, clientModel: "m", echo: OpenAIResponses.Echo(request: request, body: body))
        #expect(encoded["instructions"] == "Rule.")
        #expect(encoded["metadata"] == ["trace": "t-1"])
        #expect(encoded["truncation"] == "auto")
        #expect(encoded["temperature"] == .number("0.2"))
        #expect(encoded["top_p"] == .number("0.5"))
        #expect(encoded["max_output_tokens"] == 99)
        #expect(encoded["parallel_tool_calls"] == false)
        #expect(encoded["tool_choice"] == "required")
        #expect(
            encoded["tools"]
                == [["type": "function", "name": "f", "description": nil, "parameters": ["type": "object", "properties": [:]], "strict": nil]])
        #expect(
            encoded["text"]
                == ["format": ["type": "json_schema", "name": "n", "schema": ["type": "object"], "strict": true], "verbosity": "medium"])
        #expect(encoded["reasoning"] == ["effort": "low", "summary": nil])
        #expect(encoded["user"] == "u1")

        // From the canonical request alone: system text joined, metadata unknown.
        let fromRequest = OpenAIResponses.encodeResponse(response, clientModel: "m", request: request)
        #expect(fromRequest["instructions"] == "Rule.\n\nDev rule.")
        #expect(fromRequest["metadata"] == [:])
        #expect(fromRequest["truncation"] == "disabled")
        #expect(fromRequest["tool_choice"] == "required")
    }

    @Test("named tool choice and disabled reasoning echo in Responses form")
    func echoShapes() throws {
        let request = try decode(#"{"model":"m","input":"x","tool_choice":{"type":"function","name":"f"},"reasoning":{"effort":"none"}}"#)
        let encoded = OpenAIResponses.encodeResponse(
            ChatResponse(id: "x", model: "p", created: 5, blocks: [], stopReason: .endTurn), clientModel: "m", request: request)
        #expect(encoded["tool_choice"] == ["type": "function", "name": "f"])
        #expect(encoded["reasoning"] == ["effort": "none", "summary": nil])
        #expect(encoded["output"] == [])
        #expect(encoded["usage"] == .null)
    }

    @Test("max tokens → incomplete, and the item that was cut off is incomplete")
    func maxTokens() {
        let response = ChatResponse(id: "msg_01Abc", model: "p", created: 7, blocks: [.text("Once upon a")], stopReason: .maxTokens)
        let encoded = OpenAIResponses.encodeResponse(response, clientModel: "m")
        #expect(encoded["id"] == "resp_01Abc")
        #expect(encoded["status"] == "incomplete")
        #expect(encoded["incomplete_details"] == ["reason": "max_output_tokens"])
        #expect(encoded["output"]?.arrayValue?.first?["status"] == "incomplete")
        #expect(encoded["output"]?.arrayValue?.first?["id"] == "msg_01Abc_0")
    }

    @Test("stop reasons map to status", arguments: [
        (StopReason.endTurn, "completed", nil), (.stopSequence, "completed", nil), (.toolUse, "completed", nil), (.pause, "completed", nil),
        (.other("weird"), "completed", nil), (.maxTokens, "incomplete", "max_output_tokens"),
        (.contextWindow, "incomplete", "max_output_tokens"), (.contentFilter, "incomplete", "content_filter"), (.error, "failed", nil),
    ] as [(StopReason, String, String?)])
    func statuses(stop: StopReason, status: String, reason: String?) {
        let encoded = OpenAIResponses.encodeResponse(
            ChatResponse(id: "x", model: "p", created: 1, blocks: [.text("t")], stopReason: stop), clientModel: "m")
        #expect(encoded["status"] == .string(status))
        #expect(encoded["incomplete_details"] == (reason.map { ["reason": .string($0)] } ?? .null))
        if status == "failed" {
            #expect(encoded["error"]?["code"] == "server_error")
        } else {
            #expect(encoded["error"] == .null)
        }
    }

    @Test("thinking becomes a reasoning item before the message; text runs merge; redacted thinking and empty text vanish")
    func thinkingAndOrder() {
        let response = ChatResponse(
            id: "gem-42", model: "p", created: 1,
            blocks: [
                .thinking(Thinking(text: "Let me think.", signature: "sig")), .thinking(Thinking(text: "", redactedData: "xyz")),
                .text("Part one, "), .text("part two."), .text(""),
                .toolCall(ToolCall(id: "c1", name: "f", arguments: "")), .text("After."),
            ],
            stopReason: .toolUse,
            usage: Usage(inputTokens: 100, outputTokens: 40, cachedInputTokens: 60, cacheWriteInputTokens: 20, reasoningTokens: 12))
        let encoded = OpenAIResponses.encodeResponse(response, clientModel: "m")
        #expect(
            encoded["output"]
                == [
                    ["id": "rs_gem42_0", "type": "reasoning", "summary": [["type": "summary_text", "text": "Let me think."]]],
                    [
                        "id": "msg_gem42_1", "type": "message", "status": "completed",
                        "content": [["type": "output_text", "annotations": [], "logprobs": [], "text": "Part one, part two."]], "role": "assistant",
                    ],
                    ["id": "fc_gem42_2", "type": "function_call", "status": "completed", "arguments": "{}", "call_id": "c1", "name": "f"],
                    [
                        "id": "msg_gem42_3", "type": "message", "status": "completed",
                        "content": [["type": "output_text", "annotations": [], "logprobs": [], "text": "After."]], "role": "assistant",
                    ],
                ])
        #expect(
            encoded["usage"]
                == [
                    "input_tokens": 100, "input_tokens_details": ["cached_tokens": 60, "cache_write_tokens": 20], "output_tokens": 40,
                    "output_tokens_details": ["reasoning_tokens": 12], "total_tokens": 140,
                ])
    }

    @Test("an encoded answer replayed as input decodes back to the same assistant turn")
    func replay() throws {
        let encoded = OpenAIResponses.encodeResponse(Self.weatherResponse, clientModel: "m")
        var items = encoded["output"]?.arrayValue ?? []
        items.insert(["role": "user", "content": "Weather in Paris?"], at: 0)
        items.append(["type": "function_call_output", "call_id": "call_Qx1", "output": "18C"])
        let request = try OpenAIResponses.decodeRequest(["model": "m", "input": .array(items)])
        #expect(request.turns.count == 3)
        #expect(request.turns[1] == Turn(role: .assistant, blocks: Self.weatherResponse.blocks))
        #expect(request.turns[2].blocks == [.toolResult(ToolResult(callID: "call_Qx1", name: "get_weather", content: [.text("18C")]))])
    }

    @Test("ids are derived deterministically from the provider's id")
    func ids() {
        func id(_ canonical: String) -> JSONValue? {
            OpenAIResponses.encodeResponse(ChatResponse(id: canonical, model: "p", created: 1, blocks: [], stopReason: .endTurn), clientModel: "m")["id"]
        }
        #expect(id("chatcmpl-AbC123") == "resp_AbC123")
        #expect(id("resp_0042") == "resp_0042")
        #expect(id("weird id/with:chars") == "resp_weirdidwithchars")
        #expect(id("") == "resp_0")
        #expect(id("chatcmpl-AbC123") == id("chatcmpl-AbC123"))
    }

    @Test("compactText concatenates the text blocks only")
    func compactText() {
        let response = ChatResponse(
            id: "x", model: "p", created: 1,
            blocks: [.thinking(Thinking(text: "hmm")), .text("Hello, "), .toolCall(ToolCall(id: "c", name: "f", arguments: "{}")), .text("world.")],
            stopReason: .endTurn)
        #expect(OpenAIResponses.compactText(response) == "Hello, world.")
    }
}
