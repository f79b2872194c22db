import Dialects
import MockProvider
import Testing

@Suite struct MockAnthropicTests {
    @Test func readsAMessagesRequest() throws {
        let body = anthropicBody(
            "Hello [[mock:words=3]]", maxTokens: 50, stream: true, tools: anthropicTools,
            extra: [("stop_sequences", ["END"]), ("tool_choice", ["type": "tool", "name": "get_time", "disable_parallel_tool_use": true])])
        let request = try MockChatRequest(anthropicBody: body)
        #expect(request.model == "claude-mock" && request.maxTokens == 50 && request.stream && request.choices == 1)
        #expect(request.lastUserText == "Hello [[mock:words=3]]")
        #expect(request.tools.map(\.name) == ["get_weather", "get_time", "ping"] && request.tools[0].parameters == weatherSchema)
        #expect(request.toolChoice == .named("get_time") && !request.parallelToolCalls && request.stopSequences == ["END"])
        // 3 + system (4 + ceil(9/4)) + user (4 + ceil(22/4))
        #expect(request.promptTokens == 3 + 7 + 10)
    }

    @Test(arguments: [
        (#"[]"#, "body"),
        (#"{"max_tokens":5,"messages":[{"role":"user","content":"x"}]}"#, "model"),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}]}"#, "max_tokens"),
        (#"{"model":"m","max_tokens":-1,"messages":[{"role":"user","content":"x"}]}"#, "max_tokens"),
        (#"{"model":"m","max_tokens":5}"#, "messages"),
        (#"{"model":"m","max_tokens":5,"messages":[]}"#, "messages"),
        (#"{"model":"m","max_tokens":5,"messages":[{"role":"system","content":"x"}]}"#, "messages"),
        (#"{"model":"m","max_tokens":5,"messages":[{"role":"user","content":7}]}"#, "messages"),
        (#"{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"text":"x"}]}]}"#, "messages"),
        (#"{"model":"m","max_tokens":5,"system":7,"messages":[{"role":"user","content":"x"}]}"#, "system"),
        (#"{"model":"m","max_tokens":5,"stop_sequences":"x","messages":[{"role":"user","content":"x"}]}"#, "stop_sequences"),
        (#"{"model":"m","max_tokens":5,"tools":[{"name":"t"}],"messages":[{"role":"user","content":"x"}]}"#, "tools"),
        (#"{"model":"m","max_tokens":5,"tool_choice":{"type":"maybe"},"messages":[{"role":"user","content":"x"}]}"#, "tool_choice"),
        (#"{"model":"m","max_tokens":5,"stream":"yes","messages":[{"role":"user","content":"x"}]}"#, "stream"),
    ])
    func invalidBodiesAre400s(body: String, param: String) throws {
        do {
            _ = try MockChatRequest(anthropicBody: Array(body.utf8))
            Issue.record("accepted \(body)")
        } catch {
            #expect(error.status == 400)
            #expect(error.anthropicType == "invalid_request_error")
            if param != "body" { #expect(error.param == param) }
            let json = try JSONParser.parse(error.anthropicBody)
            #expect(json["type"] == "error" && json["error"]?["type"] == "invalid_request_error")
            #expect(json["error"]?["message"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func errorShapesByStatus() throws {
        let types = [400: "invalid_request_error", 401: "authentication_error", 403: "permission_error", 404: "not_found_error",
                     429: "rate_limit_error", 500: "api_error", 503: "api_error", 529: "overloaded_error"]
        for (status, type) in types {
            let json = try JSONParser.parse(MockError.simulated(status: status).body(for: .anthropic))
            #expect(json["error"]?["type"] == .string(type))
            #expect(json.objectValue?.map(\.0) == ["type", "error"])
        }
        #expect(try JSONParser.parse(MockError.invalidAnthropicKey().anthropicBody)["error"]?["type"] == "authentication_error")
        #expect(MockError.missingAnthropicVersion().status == 400)
    }

    /// The conversation after a tool round in Anthropic's shape.
    static let roundTrip: JSONValue = [
        ["role": "user", "content": "Weather? [[mock:tool]]"],
        [
            "role": "assistant",
            "content": [
                ["type": "text", "text": "Let me check."],
                ["type": "tool_use", "id": "toolu_mock_1", "name": "get_weather", "input": ["location": "Paris", "days": 2]],
            ],
        ],
        [
            "role": "user",
            "content": [
                [
                    "type": "tool_result", "tool_use_id": "toolu_mock_1",
                    "content": [["type": "text", "text": "Sunny"], ["type": "image", "source": ["type": "url", "url": "https://x/y.png"]]],
                ]
            ],
        ],
    ]

    @Test func promptTokensFollowTheFormula() throws {
        let request = try MockChatRequest(anthropicBody: anthropicBody(system: [["type": "text", "text": "Be "], ["type": "text", "text": "brief."]], messages: Self.roundTrip, tools: anthropicTools))
        // system "Be brief." 9 → 4+3; user 22 bytes → 4+6; assistant "Let me check." 13 + {"location":"Paris","days":2} 29
        // = 42 → 4+11; tool_result "Sunny" 5 → 4+2 + one image 85.
        #expect(#"{"location":"Paris","days":2}"#.utf8.count == 29)
        #expect(request.promptTokens == 3 + 7 + 10 + 15 + 6 + 85)
        #expect(MockPromptTokens.count(anthropicSystem: nil, messages: [["role": "user", "content": "Hi"]]) == 3 + 5)
        #expect(MockPromptTokens.count(anthropicSystem: .null, messages: [["role": "user", "content": [["type": "text", "text": "Hi"], ["type": "image"]]]]) == 3 + 5 + 85)
    }

    @Test func toolResultTurnsAreAcknowledged() throws {
        let request = try MockChatRequest(anthropicBody: anthropicBody(messages: Self.roundTrip, tools: anthropicTools))
        #expect(request.toolResultText == "Sunny" && request.priorToolCalls == 1)
        #expect(request.lastUserText == "Weather? [[mock:tool]]", "directives come from the last user text")
        let answer = try plannedAnswer(request).answer
        #expect(answer.text == "Tool result received: Sunny" && answer.toolCalls.isEmpty && answer.stop.anthropic == "end_turn")

        // Text after the results makes the turn a question again; new ids continue after toolu_mock_1.
        var messages = Self.roundTrip.arrayValue!
        messages[2] = ["role": "user", "content": [["type": "tool_result", "tool_use_id": "toolu_mock_1", "content": "Sunny"], ["type": "text", "text": "And now? [[mock:tool=ping]]"]]]
        let next = try MockChatRequest(anthropicBody: anthropicBody(messages: .array(messages), tools: anthropicTools))
        #expect(next.toolResultText == nil && next.lastUserText == "And now? [[mock:tool=ping]]")
        #expect(try plannedAnswer(next).answer.toolCalls.map(\.anthropicID) == ["toolu_mock_2"])
    }

    @Test func messageBody() throws {
        let (_, answer) = try plannedAnswer(MockChatRequest(anthropicBody: anthropicBody("Hi [[mock:text_then_tool]][[mock:words=4]]", tools: anthropicTools)))
        let json = try JSONParser.parse(MockAnthropicBody.encode(answer, id: "msg_mock_5", model: "claude-mock"))
        #expect(json.objectValue?.map(\.0) == ["id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage"])
        #expect(json["id"] == "msg_mock_5" && json["type"] == "message" && json["role"] == "assistant" && json["model"] == "claude-mock")
        #expect(
            json["content"]
                == [
                    ["type": "text", "text": "This is a mock"],
                    ["type": "tool_use", "id": "toolu_mock_1", "name": "get_weather", "input": ["location": "value-location", "days": 42, "metric": true]],
                ])
        #expect(json["stop_reason"] == "tool_use" && json["stop_sequence"] == .null)
        #expect(json["usage"] == ["input_tokens": .int(answer.usage!.promptTokens), "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 19])
    }

    @Test func stopReasonsAndUsageDirectives() throws {
        func body(_ text: String, maxTokens: Int = 1024, extra: [(String, JSONValue)] = []) throws -> JSONValue {
            let (_, answer) = try plannedAnswer(MockChatRequest(anthropicBody: anthropicBody(text, maxTokens: maxTokens, extra: extra)))
            return try JSONParser.parse(MockAnthropicBody.encode(answer, id: "m", model: "c"))
        }
        let cut = try body("Hi", maxTokens: 3)
        #expect(cut["stop_reason"] == "max_tokens" && cut["content"] == [["type": "text", "text": "This is a"]] && cut["usage"]?["output_tokens"] == 3)
        let stopped = try body("Hi", extra: [("stop_sequences", ["mock"])])
        #expect(stopped["stop_reason"] == "stop_sequence" && stopped["stop_sequence"] == "mock")
        #expect(stopped["content"] == [["type": "text", "text": "This is a "]])
        #expect(try body("Hi [[mock:no_usage]]")["usage"] == nil)
        #expect(try body("Hi [[mock:zero_usage]]")["usage"] == ["input_tokens": 0, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 0])
        #expect(try body("[[mock:words=0]]")["content"] == [])
    }

    @Test func streamEventsFollowAnthropicsOrder() throws {
        let request = try MockChatRequest(anthropicBody: anthropicBody("Hi [[mock:text_then_tool]][[mock:tools=2]][[mock:words=5]]", stream: true, tools: anthropicTools))
        let (_, answer) = try plannedAnswer(request)
        let events = MockAnthropicBody.events(for: answer, id: "msg_mock_1", model: "claude-mock", chunkCount: 2)
        let parsed = try sse(events)
        let names = parsed.map { $0.event ?? "?" }
        #expect(
            names == [
                "message_start", "ping",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop",
            ])
        let payloads = try parsed.map(json)
        for (name, payload) in zip(names, payloads) { #expect(payload["type"] == .string(name), "data type equals the event name") }
        #expect(
            payloads[0]["message"]
                == [
                    "id": "msg_mock_1", "type": "message", "role": "assistant", "model": "claude-mock", "content": [], "stop_reason": nil,
                    "stop_sequence": nil,
                    "usage": ["input_tokens": .int(request.promptTokens), "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 1],
                ])
        #expect(payloads[2]["content_block"] == ["type": "text", "text": ""] && payloads[2]["index"] == 0)
        #expect(payloads[3...4].compactMap { $0["delta"]?["text"]?.stringValue }.joined() == "This is a mock reply")
        #expect(payloads[6]["content_block"] == ["type": "tool_use", "id": "toolu_mock_1", "name": "get_weather", "input": [:]])
        #expect(payloads[7]["delta"] == ["type": "input_json_delta", "partial_json": ""])
        #expect(payloads[7...9].compactMap { $0["delta"]?["partial_json"]?.stringValue }.joined() == weatherArguments)
        #expect(payloads[11]["content_block"]?["id"] == "toolu_mock_2" && payloads[11]["index"] == 2)
        #expect(payloads[12...14].compactMap { $0["delta"]?["partial_json"]?.stringValue }.joined() == timeArguments)
        #expect(payloads[16] == ["type": "message_delta", "delta": ["stop_reason": "tool_use", "stop_sequence": nil], "usage": ["output_tokens": 30]])
        #expect(payloads[17] == ["type": "message_stop"])
        #expect(
            events.map(\.kind) == [
                .frame, .frame, .frame, .content(0), .content(1), .frame, .frame, .frame, .content(2), .content(3), .frame, .frame, .frame,
                .content(4), .content(5), .frame, .finish, .done,
            ])
        #expect(events[0].bytes.starts(with: Array("event: message_start\ndata: {".utf8)))
    }

    @Test func emptyAnswerStreamsNoBlock() throws {
        let (_, answer) = try plannedAnswer(MockChatRequest(anthropicBody: anthropicBody("[[mock:words=0]][[mock:zero_usage]]", stream: true)))
        let payloads = try sse(MockAnthropicBody.events(for: answer, id: "m", model: "c", chunkCount: 8)).map(json)
        #expect(payloads.map { $0["type"]?.stringValue ?? "" } == ["message_start", "ping", "message_delta", "message_stop"])
        #expect(payloads[0]["message"]?["usage"]?["output_tokens"] == 0 && payloads[2]["usage"]?["output_tokens"] == 0)
        #expect(payloads[2]["delta"]?["stop_reason"] == "end_turn")
    }
}
