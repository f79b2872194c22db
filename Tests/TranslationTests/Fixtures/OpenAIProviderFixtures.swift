import Dialects
import TokModelCore

/// Recorded-style answers of OpenAI-compatible providers (wire-formats §2.5, §2.6): OpenAI itself, vLLM (which
/// names the matched stop string in `choices[].stop_reason`) and DeepSeek (reasoning in
/// `delta.reasoning_content`). The gateway always asks for usage, so every stream has the `choices: []` usage
/// chunk before `[DONE]`. Ids and token counts are made up; shapes are the providers'.
enum OpenAIProviderFixtures {
    /// One chunk of gpt-4o-mini, with OpenAI's envelope (`service_tier`, `system_fingerprint`, `obfuscation`).
    private static func chunk(_ id: String, _ members: String, obfuscation: String = "xQ9") -> String {
        #"{"id":"\#(id)","object":"chat.completion.chunk","created":1767225599,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559",\#(members),"obfuscation":"\#(obfuscation)"}"#
    }

    private static func usage(_ prompt: Int, _ completion: Int, cached: Int = 0) -> String {
        #""usage":{"prompt_tokens":\#(prompt),"completion_tokens":\#(completion),"total_tokens":\#(prompt + completion),"prompt_tokens_details":{"cached_tokens":\#(cached),"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}"#
    }

    static func stream(_ transcript: Transcript) -> String {
        switch transcript {
        case .text:
            let id = "chatcmpl-CqText7Fq2"
            return sse([
                chunk(id, #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"content":"Bonjour, \"monde\"!"},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"content":"\nÇa va? 🗼"},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null"#),
                chunk(id, #""choices":[],"# + usage(12, 9)),
                "[DONE]",
            ])
        case .parallelTools:
            // Two calls streamed interleaved: index 1 starts before index 0's arguments are complete.
            let id = "chatcmpl-CqTools9Lm"
            return sse([
                chunk(id, #""choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_K9dPzW3aQ1","type":"function","function":{"name":"get_weather","arguments":""}}],"refusal":null},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_R2xTmB8vN4","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{\"city\":\"Rome\","}}]},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"\"unit\":\"celsius\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null"#),
                chunk(id, #""choices":[],"# + usage(85, 40)),
                "[DONE]",
            ])
        case .textThenTool:
            let id = "chatcmpl-CqTxtTool3"
            return sse([
                chunk(id, #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"content":"Let me check"},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"content":" the weather."},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_W7fHqL2pZ0","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"ci"}}]},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ty\":\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null"#),
                chunk(id, #""choices":[],"# + usage(60, 22)),
                "[DONE]",
            ])
        case .stopSequence:
            // vLLM: no envelope extras, and the stop string that matched in `stop_reason`.
            return sse([
                #"{"id":"chatcmpl-8f1c2b0e6c9a4f7e","object":"chat.completion.chunk","created":1767225599,"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}"#,
                #"{"id":"chatcmpl-8f1c2b0e6c9a4f7e","object":"chat.completion.chunk","created":1767225599,"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[{"index":0,"delta":{"content":"1, 2, 3"},"logprobs":null,"finish_reason":null}]}"#,
                #"{"id":"chatcmpl-8f1c2b0e6c9a4f7e","object":"chat.completion.chunk","created":1767225599,"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop","stop_reason":"END"}]}"#,
                #"{"id":"chatcmpl-8f1c2b0e6c9a4f7e","object":"chat.completion.chunk","created":1767225599,"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[],"usage":{"prompt_tokens":20,"total_tokens":25,"completion_tokens":5}}"#,
                "[DONE]",
            ])
        case .maxTokens:
            let id = "chatcmpl-CqMax4Rv"
            return sse([
                chunk(id, #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"content":"Once upon a time,"},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"content":" in a"},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}],"usage":null"#),
                chunk(id, #""choices":[],"# + usage(8, 16)),
                "[DONE]",
            ])
        case .errorMidStream:
            // OpenAI's in-band error after some content; the connection then closes without [DONE].
            let id = "chatcmpl-CqErr5Xw"
            return sse([
                chunk(id, #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"content":"Here is"},"logprobs":null,"finish_reason":null}],"usage":null"#),
                #"{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}"#,
            ])
        case .cachedUsage:
            let id = "chatcmpl-CqCache6Ty"
            return sse([
                chunk(id, #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"content":"Section 4.2 says the fee is waived."},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null"#),
                chunk(id, #""choices":[],"# + usage(2100, 40, cached: 2048)),
                "[DONE]",
            ])
        case .cutOff:
            // The connection drops: no finish_reason, no usage, no [DONE].
            let id = "chatcmpl-CqCut8Pz"
            return sse([
                chunk(id, #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null"#),
                chunk(id, #""choices":[{"index":0,"delta":{"content":"Half an"},"logprobs":null,"finish_reason":null}],"usage":null"#),
            ])
        case .thinking:
            // DeepSeek's reasoner: reasoning first, then the answer, reasoning tokens in the usage details.
            let head = #"{"id":"5f7a3e1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b","object":"chat.completion.chunk","created":1767225599,"model":"deepseek-reasoner","system_fingerprint":"fp_7e0991cad4_prod0820_fp8_kvcache","#
            return sse([
                head + #""choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":""},"logprobs":null,"finish_reason":null}]}"#,
                head + #""choices":[{"index":0,"delta":{"content":null,"reasoning_content":"The user wants"},"logprobs":null,"finish_reason":null}]}"#,
                head + #""choices":[{"index":0,"delta":{"content":null,"reasoning_content":" a haiku."},"logprobs":null,"finish_reason":null}]}"#,
                head + #""choices":[{"index":0,"delta":{"content":"Autumn moonlight—\n","reasoning_content":null},"logprobs":null,"finish_reason":null}]}"#,
                head + #""choices":[{"index":0,"delta":{"content":"a worm digs silently\ninto the chestnut.","reasoning_content":null},"logprobs":null,"finish_reason":null}]}"#,
                head + #""choices":[{"index":0,"delta":{"content":"","reasoning_content":null},"logprobs":null,"finish_reason":"stop"}]}"#,
                head + #""choices":[],"usage":{"prompt_tokens":11,"completion_tokens":60,"total_tokens":71,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":43},"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":11}}"#,
                "[DONE]",
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
                    .init(id: "call_K9dPzW3aQ1", name: "get_weather", arguments: ["city": "Paris"]),
                    .init(id: "call_R2xTmB8vN4", name: "get_weather", arguments: ["city": "Rome", "unit": "celsius"]),
                ], outcome: .toolUse, usage: Usage(inputTokens: 85, outputTokens: 40))
        case .textThenTool:
            Expectation(
                text: "Let me check the weather.", calls: [.init(id: "call_W7fHqL2pZ0", name: "get_weather", arguments: ["city": "Paris"])],
                outcome: .toolUse, usage: Usage(inputTokens: 60, outputTokens: 22))
        case .stopSequence:
            Expectation(text: "1, 2, 3", outcome: .stopSequence("END"), usage: Usage(inputTokens: 20, outputTokens: 5))
        case .maxTokens:
            Expectation(text: "Once upon a time, in a", outcome: .maxTokens, usage: Usage(inputTokens: 8, outputTokens: 16))
        case .errorMidStream:
            Expectation(text: "Here is", outcome: .failed(message: "The server had an error while processing your request. Sorry about that!"))
        case .cachedUsage:
            Expectation(
                text: "Section 4.2 says the fee is waived.", outcome: .endTurn,
                usage: Usage(inputTokens: 2100, outputTokens: 40, cachedInputTokens: 2048))
        case .cutOff:
            Expectation(text: "Half an", outcome: .failed(message: "the stream ended before the provider finished its answer"))
        case .thinking:
            Expectation(
                text: "Autumn moonlight—\na worm digs silently\ninto the chestnut.", thinking: "The user wants a haiku.", outcome: .endTurn,
                usage: Usage(inputTokens: 11, outputTokens: 60, reasoningTokens: 43))
        }
    }

    /// What every client must be told for each non-streamed answer.
    static func responseExpectation(_ fixture: ResponseFixture) -> Expectation {
        switch fixture {
        case .text:
            Expectation(text: "It is 18°C and clear in Paris.", outcome: .endTurn, usage: Usage(inputTokens: 2100, outputTokens: 11, cachedInputTokens: 2048))
        case .toolCalls:
            Expectation(
                text: "Checking both cities.",
                calls: [
                    .init(id: "call_A1b2C3", name: "get_weather", arguments: ["city": "Paris"]),
                    .init(id: "call_D4e5F6", name: "get_weather", arguments: ["city": "Rome", "unit": "celsius"]),
                ], outcome: .toolUse, usage: Usage(inputTokens: 85, outputTokens: 40))
        case .maxTokens:
            Expectation(text: "Once upon a time, in a", outcome: .maxTokens, usage: Usage(inputTokens: 8, outputTokens: 16))
        case .thinking:
            Expectation(
                text: "Autumn moonlight—\na worm digs silently\ninto the chestnut.", thinking: "The user wants a haiku.", outcome: .endTurn,
                usage: Usage(inputTokens: 11, outputTokens: 60, reasoningTokens: 43))
        }
    }

    static func response(_ fixture: ResponseFixture) -> String {
        switch fixture {
        case .text:
            #"""
            {"id":"chatcmpl-CqNsText1","object":"chat.completion","created":1767225599,"model":"gpt-4o-2024-08-06",
             "choices":[{"index":0,"message":{"role":"assistant","content":"It is 18°C and clear in Paris.","refusal":null,"annotations":[]},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":2100,"completion_tokens":11,"total_tokens":2111,"prompt_tokens_details":{"cached_tokens":2048,"audio_tokens":0},
                      "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
             "service_tier":"default","system_fingerprint":"fp_07871e2ad8"}
            """#
        case .toolCalls:
            #"""
            {"id":"chatcmpl-CqNsTools2","object":"chat.completion","created":1767225599,"model":"gpt-4o-2024-08-06",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Checking both cities.","refusal":null,"annotations":[],
                         "tool_calls":[{"id":"call_A1b2C3","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                                       {"id":"call_D4e5F6","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}"}}]},
                         "logprobs":null,"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":85,"completion_tokens":40,"total_tokens":125,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                      "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
             "service_tier":"default","system_fingerprint":"fp_07871e2ad8"}
            """#
        case .maxTokens:
            #"""
            {"id":"chatcmpl-CqNsMax3","object":"chat.completion","created":1767225599,"model":"gpt-4o-2024-08-06",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Once upon a time, in a","refusal":null,"annotations":[]},
                         "logprobs":null,"finish_reason":"length"}],
             "usage":{"prompt_tokens":8,"completion_tokens":16,"total_tokens":24,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                      "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
             "service_tier":"default","system_fingerprint":"fp_07871e2ad8"}
            """#
        case .thinking:
            // DeepSeek's reasoner: the reasoning in `message.reasoning_content`.
            #"""
            {"id":"8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f","object":"chat.completion","created":1767225599,"model":"deepseek-reasoner",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Autumn moonlight—\na worm digs silently\ninto the chestnut.",
                         "reasoning_content":"The user wants a haiku."},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":11,"completion_tokens":60,"total_tokens":71,"prompt_tokens_details":{"cached_tokens":0},
                      "completion_tokens_details":{"reasoning_tokens":43},"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":11},
             "system_fingerprint":"fp_7e0991cad4_prod0820_fp8_kvcache"}
            """#
        }
    }

    /// An error in the body of a 200 (or of an error status), as OpenAI writes it.
    static let errorBody = #"""
        {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}
        """#
}

/// The non-streamed answers every provider fixture file supplies.
enum ResponseFixture: String, CaseIterable, Sendable, CustomStringConvertible {
    /// A text answer; its usage has cached prompt tokens.
    case text
    /// Some text, then two tool calls.
    case toolCalls
    /// Cut off by the output limit.
    case maxTokens
    /// Reasoning (thinking) before the answer.
    case thinking

    var description: String { rawValue }
}
