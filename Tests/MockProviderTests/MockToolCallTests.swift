import Dialects
import MockProvider
import Testing

@Suite struct MockToolCallTests {
    func openAI(_ text: String, extra: [(String, JSONValue)] = [("tools", openAITools)], maxTokens: Int? = nil) throws -> MockChatRequest {
        var extra = extra
        if let maxTokens { extra.append(("max_tokens", .int(maxTokens))) }
        return try MockChatRequest(body: openAIBody(messages: [["role": "user", "content": .string(text)]], extra: extra))
    }

    @Test func argumentsFollowTheSchemaInOrder() {
        #expect(MockToolArguments.json(for: weatherSchema) == weatherArguments)
        #expect(MockToolArguments.json(for: ["type": "object", "properties": ["location": ["type": "string"]]]) == #"{"location":"value-location"}"#)
        #expect(MockToolArguments.json(for: noArgumentsSchema) == "{}")
        #expect(MockToolArguments.json(for: nil) == "{}")
        // Upper-case Gemini types, type arrays, and types with no fixed value.
        let mixed: JSONValue = [
            "properties": [
                "a": ["type": "STRING"], "b": ["type": ["null", "number"]], "c": ["type": "array"], "d": ["type": "object"],
                "e": [:], "f": ["type": "Boolean"],
            ]
        ]
        #expect(MockToolArguments.json(for: mixed) == #"{"a":"value-a","b":42,"c":null,"d":null,"e":null,"f":true}"#)
    }

    @Test func directivesPickTheTools() throws {
        let first = try plannedAnswer(openAI("Weather? [[mock:tool]]")).answer
        #expect(first.toolCalls == [MockToolCall(name: "get_weather", arguments: weatherArguments, number: 1)])
        #expect(first.tokens.isEmpty && first.stop == .toolUse && first.finishReason == "tool_calls")

        let named = try plannedAnswer(openAI("[[mock:tool=get_time]]")).answer
        #expect(named.toolCalls.map(\.name) == ["get_time"] && named.toolCalls.first?.arguments == timeArguments)

        let parallel = try plannedAnswer(openAI("[[mock:tools=3]]")).answer
        #expect(parallel.toolCalls.map(\.name) == ["get_weather", "get_time", "ping"])
        #expect(parallel.toolCalls.map(\.number) == [1, 2, 3])
        #expect(parallel.toolCalls.map(\.openAIID) == ["call_mock_1", "call_mock_2", "call_mock_3"])
        #expect(parallel.toolCalls.map(\.anthropicID) == ["toolu_mock_1", "toolu_mock_2", "toolu_mock_3"])
    }

    @Test func textThenToolKeepsTheTextAndAloneMeansTheFirstTool() throws {
        let answer = try plannedAnswer(openAI("Hi [[mock:text_then_tool]]")).answer
        #expect(answer.text == "This is a mock reply to: Hi lorem ipsum dolor sit amet")
        #expect(answer.toolCalls.map(\.name) == ["get_weather"] && answer.stop == .toolUse)
        let named = try plannedAnswer(openAI("Hi [[mock:text_then_tool]][[mock:tool=ping]][[mock:words=2]]")).answer
        #expect(named.text == "This is" && named.toolCalls.map(\.name) == ["ping"])
    }

    @Test func completionTokensCountArgumentBytesPlusOnePerCall() throws {
        // weatherArguments is 53 bytes → 14 + 1; timeArguments 36 bytes → 9 + 1; "{}" → 1 + 1.
        #expect(weatherArguments.utf8.count == 53 && timeArguments.utf8.count == 36)
        let parallel = try plannedAnswer(openAI("[[mock:tools=3]]"))
        #expect(parallel.answer.toolCalls.map(\.completionTokens) == [15, 10, 2])
        #expect(parallel.answer.completionTokens == 27)
        #expect(parallel.answer.usage?.completionTokens == 27)
        let mixed = try plannedAnswer(openAI("Hi [[mock:text_then_tool]][[mock:words=5]]")).answer
        #expect(mixed.completionTokens == 5 + 15)
    }

    @Test func maxTokensDropsCallsThatDoNotFit() throws {
        // 5 words, then get_weather (15) fits in 20 but get_time (10) does not.
        let request = try openAI("[[mock:text_then_tool]][[mock:tools=2]][[mock:words=5]]", maxTokens: 20)
        let answer = try plannedAnswer(request).answer
        #expect(answer.tokens.count == 5 && answer.toolCalls.map(\.name) == ["get_weather"])
        #expect(answer.stop == .maxTokens && answer.finishReason == "length")
        // Text cut by the limit: no calls at all.
        let cut = try plannedAnswer(try openAI("[[mock:text_then_tool]]", maxTokens: 3)).answer
        #expect(cut.tokens.count == 3 && cut.toolCalls.isEmpty && cut.stop == .maxTokens)
    }

    @Test func badToolDirectivesAre400s() throws {
        for text in ["[[mock:tool=nope]]", "[[mock:tools=4]]"] {
            #expect(throws: MockError.self) { try plannedAnswer(try openAI(text)) }
        }
        #expect(throws: MockError.self) { try plannedAnswer(try openAI("[[mock:tool]]", extra: [])) }
        for text in ["[[mock:tools=0]]", "[[mock:tool=]]", "[[mock:text_then_tool=1]]", "[[mock:tools]]"] {
            #expect(throws: MockError.self) { try MockDirectives.extract(from: text) }
        }
        let (directives, rest) = try MockDirectives.extract(from: "a [[mock:tool=get_time]] b [[mock:text_then_tool]]")
        #expect(directives == MockDirectives(tool: .named("get_time"), textThenTool: true) && rest == "a  b ")
        #expect(try MockDirectives.extract(from: "[[mock:tools=2]]").directives.tool == .count(2))
        #expect(try MockDirectives.extract(from: "[[mock:tool]]").directives.tool == .first)
    }

    @Test func toolChoiceNoneWinsAndForcingChoicesCallWithoutADirective() throws {
        let none = try plannedAnswer(openAI("[[mock:tool]]", extra: [("tools", openAITools), ("tool_choice", "none")])).answer
        #expect(none.toolCalls.isEmpty && none.stop == .endTurn && none.tokens.count == 12)
        let required = try plannedAnswer(openAI("Hi", extra: [("tools", openAITools), ("tool_choice", "required")])).answer
        #expect(required.toolCalls.map(\.name) == ["get_weather"])
        let forced = try plannedAnswer(
            openAI("Hi", extra: [("tools", openAITools), ("tool_choice", ["type": "function", "function": ["name": "get_time"]])])
        ).answer
        #expect(forced.toolCalls.map(\.name) == ["get_time"])
        let auto = try plannedAnswer(openAI("Hi", extra: [("tools", openAITools), ("tool_choice", "auto")])).answer
        #expect(auto.toolCalls.isEmpty)
        let serial = try plannedAnswer(openAI("[[mock:tools=3]]", extra: [("tools", openAITools), ("parallel_tool_calls", false)])).answer
        #expect(serial.toolCalls.map(\.name) == ["get_weather"])
    }

    @Test func stopSequencesCutTheText() throws {
        let request = try openAI("Hi", extra: [("stop", ["reply", "zzz"])])
        let answer = try plannedAnswer(request).answer
        // "This is a mock reply to: ..." → cut just before "reply".
        #expect(answer.text == "This is a mock ")
        #expect(answer.tokens == ["This ", "is ", "a ", "mock "])
        #expect(answer.stop == .stopSequence("reply") && answer.finishReason == "stop")
        #expect(answer.stop.anthropic == "stop_sequence" && answer.stop.sequence == "reply" && answer.stop.gemini == "STOP")
        // Inside a word: the word's start is kept as a token.
        let inside = try plannedAnswer(openAI("Hi", extra: [("stop", "ock")])).answer
        #expect(inside.tokens == ["This ", "is ", "a ", "m"])
        // A sequence that ends beyond the max-tokens limit does not count.
        let limited = try plannedAnswer(openAI("Hi", extra: [("stop", "reply")], maxTokens: 4)).answer
        #expect(limited.text == "This is a mock" && limited.stop == .maxTokens)
        #expect(limited.tokens.last == "mock", "the last word of a cut answer has no trailing space")
        // The earliest match wins, whatever the order of the list.
        let earliest = try plannedAnswer(openAI("Hi", extra: [("stop", ["to:", "is"])])).answer
        #expect(earliest.text == "Th" && earliest.stop == .stopSequence("is"))
    }
}
