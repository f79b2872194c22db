import Dialects
import TokModelCore

/// Recorded-style answers of the Anthropic Messages API (wire-formats §4.6, §4.7): `event:` + `data:` pairs,
/// `message_start` with the input side of usage, strictly sequential content blocks, `ping`s, the first
/// `input_json_delta` empty, `message_delta` with the stop reason and cumulative output tokens. Ids and token
/// counts are made up; shapes are Anthropic's.
enum AnthropicProviderFixtures {
    private static func messageStart(_ id: String, input: Int, cacheWrite: Int = 0, cacheRead: Int = 0) -> (String, String) {
        (
            "message_start",
            #"{"type":"message_start","message":{"id":"\#(id)","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":\#(input),"cache_creation_input_tokens":\#(cacheWrite),"cache_read_input_tokens":\#(cacheRead),"cache_creation":{"ephemeral_5m_input_tokens":\#(cacheWrite),"ephemeral_1h_input_tokens":0},"output_tokens":1,"service_tier":"standard"}}}"#
        )
    }

    private static let ping = ("ping", #"{"type": "ping"}"#)

    private static func textStart(_ index: Int) -> (String, String) {
        ("content_block_start", #"{"type":"content_block_start","index":\#(index),"content_block":{"type":"text","text":""}}"#)
    }

    private static func textDelta(_ index: Int, _ json: String) -> (String, String) {
        ("content_block_delta", #"{"type":"content_block_delta","index":\#(index),"delta":{"type":"text_delta","text":\#(json)}}"#)
    }

    private static func toolStart(_ index: Int, _ id: String) -> (String, String) {
        ("content_block_start", #"{"type":"content_block_start","index":\#(index),"content_block":{"type":"tool_use","id":"\#(id)","name":"get_weather","input":{}}}"#)
    }

    private static func jsonDelta(_ index: Int, _ json: String) -> (String, String) {
        ("content_block_delta", #"{"type":"content_block_delta","index":\#(index),"delta":{"type":"input_json_delta","partial_json":\#(json)}}"#)
    }

    private static func stop(_ index: Int) -> (String, String) {
        ("content_block_stop", #"{"type":"content_block_stop","index":\#(index)}"#)
    }

    private static func messageDelta(_ reason: String, sequence: String = "null", usage: String) -> (String, String) {
        ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"\#(reason)","stop_sequence":\#(sequence)},"usage":\#(usage)}"#)
    }

    private static let messageStop = ("message_stop", #"{"type":"message_stop"}"#)

    static func stream(_ transcript: Transcript) -> String {
        switch transcript {
        case .text:
            return namedSSE([
                messageStart("msg_01TxtBq7vKd2", input: 12), textStart(0), ping,
                textDelta(0, #""Bonjour, \"monde\"!""#), textDelta(0, #""\nÇa va? 🗼""#), stop(0),
                messageDelta("end_turn", usage: #"{"output_tokens":9}"#), messageStop,
            ])
        case .parallelTools:
            return namedSSE([
                messageStart("msg_01ToolsPq3Lx", input: 85), toolStart(0, "toolu_01ParisK9dPzW"), ping,
                jsonDelta(0, #""""#), jsonDelta(0, #""{\"city\": \"Pa""#), jsonDelta(0, #""ris\"}""#), stop(0),
                toolStart(1, "toolu_01RomeR2xTmB"), jsonDelta(1, #""""#), jsonDelta(1, #""{\"city\": \"Rome\", \"unit\": \"celsius\"}""#), stop(1),
                messageDelta("tool_use", usage: #"{"output_tokens":40}"#), messageStop,
            ])
        case .textThenTool:
            return namedSSE([
                messageStart("msg_01TxtToolW7f", input: 60), textStart(0), textDelta(0, #""Let me check""#),
                textDelta(0, #"" the weather.""#), stop(0), toolStart(1, "toolu_01WeatherW7fHq"), jsonDelta(1, #""""#),
                jsonDelta(1, #""{\"city\": \"Paris\"}""#), stop(1), messageDelta("tool_use", usage: #"{"output_tokens":22}"#), messageStop,
            ])
        case .stopSequence:
            return namedSSE([
                messageStart("msg_01StopSeqE4d", input: 20), textStart(0), textDelta(0, #""1, 2, 3""#), stop(0),
                messageDelta("stop_sequence", sequence: #""END""#, usage: #"{"output_tokens":5}"#), messageStop,
            ])
        case .maxTokens:
            return namedSSE([
                messageStart("msg_01MaxTokR4v", input: 8), textStart(0), textDelta(0, #""Once upon a time,""#),
                textDelta(0, #"" in a""#), stop(0), messageDelta("max_tokens", usage: #"{"output_tokens":16}"#), messageStop,
            ])
        case .errorMidStream:
            // Overloaded part-way: `event: error`, then the stream ends.
            return namedSSE([
                messageStart("msg_01ErrOv5Xw", input: 14), textStart(0), textDelta(0, #""Here is""#),
                ("error", #"{"type":"error","error":{"details":null,"type":"overloaded_error","message":"Overloaded"}}"#),
            ])
        case .cachedUsage:
            // Prompt caching: a cache read and a small cache write; the newest API repeats the input side in
            // message_delta.
            return namedSSE([
                messageStart("msg_01CacheT6y", input: 40, cacheWrite: 12, cacheRead: 2048), textStart(0),
                textDelta(0, #""Section 4.2 says the fee is waived.""#), stop(0),
                messageDelta(
                    "end_turn",
                    usage: #"{"input_tokens":40,"cache_creation_input_tokens":12,"cache_read_input_tokens":2048,"output_tokens":40}"#),
                messageStop,
            ])
        case .cutOff:
            return namedSSE([messageStart("msg_01CutP8z", input: 9), textStart(0), textDelta(0, #""Half an""#)])
        case .thinking:
            return namedSSE([
                messageStart("msg_01ThinkH4k", input: 11),
                ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}"#),
                ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"The user wants"}}"#),
                ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" a haiku."}}"#),
                ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCkgIBxABGAIiQHc3vR8="}}"#),
                stop(0), textStart(1), textDelta(1, #""Autumn moonlight—\n""#), textDelta(1, #""a worm digs silently\ninto the chestnut.""#), stop(1),
                messageDelta("end_turn", usage: #"{"output_tokens":60}"#), messageStop,
            ])
        }
    }

    static func expectation(_ transcript: Transcript) -> Expectation {
        switch transcript {
        case .text:
            Expectation(text: "Bonjour, \"monde\"!\nÇa va? 🗼", outcome: .endTurn, usage: Usage(inputTokens: 12, outputTokens: 9))
        case .parallelTools:
            Expectation(
                calls: [
                    .init(id: "toolu_01ParisK9dPzW", name: "get_weather", arguments: ["city": "Paris"]),
                    .init(id: "toolu_01RomeR2xTmB", name: "get_weather", arguments: ["city": "Rome", "unit": "celsius"]),
                ], outcome: .toolUse, usage: Usage(inputTokens: 85, outputTokens: 40))
        case .textThenTool:
            Expectation(
                text: "Let me check the weather.", calls: [.init(id: "toolu_01WeatherW7fHq", name: "get_weather", arguments: ["city": "Paris"])],
                outcome: .toolUse, usage: Usage(inputTokens: 60, outputTokens: 22))
        case .stopSequence:
            Expectation(text: "1, 2, 3", outcome: .stopSequence("END"), usage: Usage(inputTokens: 20, outputTokens: 5))
        case .maxTokens:
            Expectation(text: "Once upon a time, in a", outcome: .maxTokens, usage: Usage(inputTokens: 8, outputTokens: 16))
        case .errorMidStream:
            Expectation(text: "Here is", outcome: .failed(message: "Overloaded"))
        case .cachedUsage:
            Expectation(
                text: "Section 4.2 says the fee is waived.", outcome: .endTurn,
                usage: Usage(inputTokens: 2100, outputTokens: 40, cachedInputTokens: 2048, cacheWriteInputTokens: 12))
        case .cutOff:
            Expectation(text: "Half an", outcome: .failed(message: "The provider's stream ended before the answer was complete."))
        case .thinking:
            Expectation(
                text: "Autumn moonlight—\na worm digs silently\ninto the chestnut.", thinking: "The user wants a haiku.",
                signature: "EqQBCkgIBxABGAIiQHc3vR8=", outcome: .endTurn, usage: Usage(inputTokens: 11, outputTokens: 60))
        }
    }

    /// What every client must be told for each non-streamed answer.
    static func responseExpectation(_ fixture: ResponseFixture) -> Expectation {
        switch fixture {
        case .text:
            Expectation(text: "It is 18°C and clear in Paris.", outcome: .endTurn, usage: Usage(inputTokens: 2100, outputTokens: 11, cachedInputTokens: 2048, cacheWriteInputTokens: 12))
        case .toolCalls:
            Expectation(
                text: "Checking both cities.",
                calls: [
                    .init(id: "toolu_01A1b2C3", name: "get_weather", arguments: ["city": "Paris"]),
                    .init(id: "toolu_01D4e5F6", name: "get_weather", arguments: ["city": "Rome", "unit": "celsius"]),
                ], outcome: .toolUse, usage: Usage(inputTokens: 85, outputTokens: 40))
        case .maxTokens:
            Expectation(text: "Once upon a time, in a", outcome: .maxTokens, usage: Usage(inputTokens: 8, outputTokens: 16))
        case .thinking:
            Expectation(
                text: "Autumn moonlight—\na worm digs silently\ninto the chestnut.", thinking: "The user wants a haiku.",
                signature: "EqQBCkgIBxABGAIiQHc3vR8=", outcome: .endTurn, usage: Usage(inputTokens: 11, outputTokens: 60))
        }
    }

    static func response(_ fixture: ResponseFixture) -> String {
        switch fixture {
        case .text:
            #"""
            {"id":"msg_01NsTextQ2w","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"It is 18°C and clear in Paris."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":40,"cache_creation_input_tokens":12,"cache_read_input_tokens":2048,
                      "cache_creation":{"ephemeral_5m_input_tokens":12,"ephemeral_1h_input_tokens":0},"output_tokens":11,"service_tier":"standard"}}
            """#
        case .toolCalls:
            #"""
            {"id":"msg_01NsToolsE3r","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"Checking both cities."},
                        {"type":"tool_use","id":"toolu_01A1b2C3","name":"get_weather","input":{"city":"Paris"}},
                        {"type":"tool_use","id":"toolu_01D4e5F6","name":"get_weather","input":{"city":"Rome","unit":"celsius"}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":85,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":40,"service_tier":"standard"}}
            """#
        case .maxTokens:
            #"""
            {"id":"msg_01NsMaxT4y","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"Once upon a time, in a"}],
             "stop_reason":"max_tokens","stop_sequence":null,
             "usage":{"input_tokens":8,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":16,"service_tier":"standard"}}
            """#
        case .thinking:
            #"""
            {"id":"msg_01NsThinkR5u","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"thinking","thinking":"The user wants a haiku.","signature":"EqQBCkgIBxABGAIiQHc3vR8="},
                        {"type":"text","text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":60,"service_tier":"standard"}}
            """#
        }
    }

    /// An error body, as Anthropic writes it (here for HTTP 529).
    static let errorBody = #"""
        {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}
        """#
}
