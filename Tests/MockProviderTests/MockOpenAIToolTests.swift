import Dialects
import MockProvider
import Testing

@Suite struct MockOpenAIToolTests {
    let identity = MockCompletionIdentity(id: "chatcmpl-mock-3", created: 1_700_000_000, model: "mock-small")

    func request(_ text: String, stream: Bool? = nil, extra: [(String, JSONValue)] = []) throws -> MockChatRequest {
        try MockChatRequest(
            body: openAIBody(messages: [["role": "user", "content": .string(text)]], stream: stream, extra: [("tools", openAITools)] + extra))
    }

    @Test func readsToolsChoiceAndStop() throws {
        let parsed = try request("x", extra: [("tool_choice", "required"), ("parallel_tool_calls", false), ("stop", "END")])
        #expect(parsed.tools.map(\.name) == ["get_weather", "get_time", "ping"])
        #expect(parsed.tools.first?.parameters == weatherSchema)
        #expect(parsed.toolChoice == .required && !parsed.parallelToolCalls && parsed.stopSequences == ["END"])
        #expect(parsed.toolResultText == nil && parsed.priorToolCalls == 0)
        for (body, param) in [
            (#"{"model":"m","messages":[{"role":"user","content":"x"}],"tools":{}}"#, "tools"),
            (#"{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{}}]}"#, "tools[0].function.name"),
            (#"{"model":"m","messages":[{"role":"user","content":"x"}],"tool_choice":"sometimes"}"#, "tool_choice"),
            (#"{"model":"m","messages":[{"role":"user","content":"x"}],"stop":[1]}"#, "stop"),
            (#"{"model":"m","messages":[{"role":"user","content":"x"}],"parallel_tool_calls":"no"}"#, "parallel_tool_calls"),
        ] {
            #expect(throws: MockError.self) { try MockChatRequest(body: Array(body.utf8)) }
            do { _ = try MockChatRequest(body: Array(body.utf8)) } catch { #expect(error.param == param && error.status == 400) }
        }
    }

    /// The conversation after a tool round: user, assistant with two calls, two tool results.
    static let roundTrip: JSONValue = [
        ["role": "system", "content": "Be brief."],
        ["role": "user", "content": "Weather? [[mock:tools=2]]"],
        [
            "role": "assistant", "content": nil,
            "tool_calls": [
                ["id": "call_mock_1", "type": "function", "function": ["name": "get_weather", "arguments": .string(weatherArguments)]],
                ["id": "call_mock_2", "type": "function", "function": ["name": "get_time", "arguments": .string(timeArguments)]],
            ],
        ],
        ["role": "tool", "tool_call_id": "call_mock_1", "content": "18°C and sunny in value-location, light wind from the west"],
        ["role": "tool", "tool_call_id": "call_mock_2", "content": [["type": "text", "text": "12:00"]]],
    ]

    @Test func aToolResultIsAcknowledgedWithText() throws {
        let parsed = try MockChatRequest(body: openAIBody(messages: Self.roundTrip, extra: [("tools", openAITools)]))
        #expect(parsed.toolResultText == "18°C and sunny in value-location, light wind from the west")
        #expect(parsed.priorToolCalls == 2)
        #expect(parsed.lastUserText == "Weather? [[mock:tools=2]]")
        let answer = try plannedAnswer(parsed).answer
        // The directive of the question is overridden: a round trip ends with text.
        #expect(answer.toolCalls.isEmpty && answer.stop == .endTurn)
        #expect(answer.text == "Tool result received: 18°C and sunny in value-location, light")
        #expect(answer.completionTokens == 9)
        // 3 + (4+ceil(9/4)) + (4+ceil(25/4)) + (4+ceil((53+36)/4)) + (4+ceil(59/4)) + (4+ceil(5/4))
        #expect(parsed.promptTokens == 3 + 7 + 11 + 27 + 19 + 6)
    }

    @Test func aUserMessageAfterTheResultsIsAnOrdinaryQuestion() throws {
        let messages = JSONValue.array(Self.roundTrip.arrayValue! + [["role": "user", "content": "And tomorrow? [[mock:tool=ping]]"]])
        let parsed = try MockChatRequest(body: openAIBody(messages: messages, extra: [("tools", openAITools)]))
        #expect(parsed.toolResultText == nil)
        let answer = try plannedAnswer(parsed).answer
        #expect(answer.toolCalls == [MockToolCall(name: "ping", arguments: "{}", number: 3)], "ids continue after the history's calls")
    }

    @Test func wordsDirectivePadsTheAcknowledgement() throws {
        let messages: JSONValue = [
            ["role": "user", "content": "[[mock:tool]][[mock:words=6]]"],
            ["role": "assistant", "content": nil, "tool_calls": [["id": "c", "type": "function", "function": ["name": "get_weather", "arguments": "{}"]]]],
            ["role": "tool", "tool_call_id": "c", "content": "  ok  "],
        ]
        let answer = try plannedAnswer(MockChatRequest(body: openAIBody(messages: messages, extra: [("tools", openAITools)]))).answer
        #expect(answer.text == "Tool result received: ok lorem ipsum")
    }

    @Test func completionBodyCarriesToolCalls() throws {
        let answer = try plannedAnswer(request("[[mock:tools=2]]")).answer
        let json = try JSONParser.parse(MockCompletionBody.encode(answer, identity: identity))
        let choice = try #require(json["choices"]?.arrayValue?.first)
        #expect(choice["finish_reason"] == "tool_calls")
        #expect(
            choice["message"]
                == [
                    "role": "assistant", "content": nil,
                    "tool_calls": [
                        ["id": "call_mock_1", "type": "function", "function": ["name": "get_weather", "arguments": .string(weatherArguments)]],
                        ["id": "call_mock_2", "type": "function", "function": ["name": "get_time", "arguments": .string(timeArguments)]],
                    ],
                ])
        #expect(json["usage"]?["completion_tokens"] == 25)

        let mixed = try plannedAnswer(request("Hi [[mock:text_then_tool]]")).answer
        let message = try JSONParser.parse(MockCompletionBody.encode(mixed, identity: identity))["choices"]?.arrayValue?.first?["message"]
        #expect(message?["content"] == .string(mixed.text) && message?["tool_calls"]?.arrayValue?.count == 1)
    }

    /// Accumulates the streamed tool calls by index, as the OpenAI SDK does.
    func accumulate(_ chunks: [JSONValue]) -> [Int: (id: String, name: String, arguments: String)] {
        var calls: [Int: (id: String, name: String, arguments: String)] = [:]
        for chunk in chunks {
            for fragment in chunk["choices"]?.arrayValue?.first?["delta"]?["tool_calls"]?.arrayValue ?? [] {
                let index = Int(fragment["index"]!.int64Value!)
                var call = calls[index] ?? ("", "", "")
                if let id = fragment["id"]?.stringValue { call.id = id }
                if let name = fragment["function"]?["name"]?.stringValue { call.name = name }
                call.arguments += fragment["function"]?["arguments"]?.stringValue ?? ""
                calls[index] = call
            }
        }
        return calls
    }

    @Test func streamedSingleCallStartsInTheRoleChunkAndSendsArgumentFragments() throws {
        let answer = try plannedAnswer(request("[[mock:tool]]", stream: true)).answer
        let events = MockStream.events(for: answer, identity: identity, includeUsage: true, chunkCount: 4)
        #expect(events.map(\.kind) == [.role, .content(0), .content(1), .content(2), .content(3), .finish, .usage, .done])
        let chunks = try sse(events).dropLast().map(json)
        #expect(
            chunks[0]["choices"]?.arrayValue?.first?["delta"]
                == [
                    "role": "assistant", "content": nil,
                    "tool_calls": [["index": 0, "id": "call_mock_1", "type": "function", "function": ["name": "get_weather", "arguments": ""]]],
                ])
        let fragments = chunks[1...4].map { $0["choices"]?.arrayValue?.first?["delta"]?["tool_calls"]?.arrayValue?.first }
        #expect(fragments.allSatisfy { $0?["id"] == nil && $0?["index"] == 0 })
        #expect(fragments.compactMap { $0?["function"]?["arguments"]?.stringValue }.joined() == weatherArguments)
        #expect(chunks[5]["choices"]?.arrayValue?.first?["finish_reason"] == "tool_calls")
        #expect(chunks[6]["usage"]?["completion_tokens"] == 15)
        let calls = accumulate(chunks)
        #expect(calls.count == 1 && calls[0]?.id == "call_mock_1" && calls[0]?.arguments == weatherArguments)
    }

    @Test func parallelCallsInterleaveByIndex() throws {
        let answer = try plannedAnswer(request("[[mock:tools=2]]", stream: true)).answer
        let events = MockStream.events(for: answer, identity: identity, includeUsage: false, chunkCount: 3)
        let chunks = try sse(events).dropLast().map(json)
        let indexes = chunks.compactMap { $0["choices"]?.arrayValue?.first?["delta"]?["tool_calls"]?.arrayValue?.first?["index"]?.int64Value }
        // header 0 (with the role), header 1, then fragments round-robin.
        #expect(indexes == [0, 1, 0, 1, 0, 1, 0, 1])
        let calls = accumulate(chunks)
        #expect(calls[0]?.name == "get_weather" && calls[0]?.arguments == weatherArguments && calls[0]?.id == "call_mock_1")
        #expect(calls[1]?.name == "get_time" && calls[1]?.arguments == timeArguments && calls[1]?.id == "call_mock_2")
        #expect(chunks.last?["choices"]?.arrayValue?.first?["finish_reason"] == "tool_calls")
    }

    @Test func textThenToolStreamsTheTextFirst() throws {
        let answer = try plannedAnswer(request("Hi [[mock:text_then_tool]][[mock:words=4]]", stream: true)).answer
        let events = MockStream.events(for: answer, identity: identity, includeUsage: false, chunkCount: 2)
        let chunks = try sse(events).dropLast().map(json)
        #expect(chunks[0]["choices"]?.arrayValue?.first?["delta"] == ["role": "assistant", "content": ""])
        let text = chunks.compactMap { $0["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue }.joined()
        #expect(text == "This is a mock")
        #expect(events.map(\.kind) == [.role, .content(0), .content(1), .content(2), .content(3), .content(4), .finish, .done])
        #expect(accumulate(chunks)[0]?.arguments == weatherArguments)
    }

    @Test func promptTokensCountToolCallArguments() {
        let messages: JSONValue = [
            ["role": "assistant", "content": nil, "tool_calls": [["id": "a", "type": "function", "function": ["name": "f", "arguments": "{\"q\":1}"]]]]
        ]
        // 3 + 4 + ceil(7/4)
        #expect(MockPromptTokens.count(messages: messages.arrayValue!) == 9)
    }
}
