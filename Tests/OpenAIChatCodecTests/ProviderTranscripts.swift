/// Recorded-style `chat.completion.chunk` streams as OpenAI-compatible providers send them (§2.6): the
/// envelope fields real hosts add (`system_fingerprint`, `service_tier`, `obfuscation`, `usage: null`), their
/// quirks (a role chunk carrying the first tool call, interleaved parallel calls, vLLM's `stop_reason`,
/// DeepSeek's `reasoning_content`, OpenRouter's comment lines and CRLF), and their failures. Ids, counts
/// and timestamps are made up.
enum ProviderTranscripts {
    /// OpenAI, plain text, `include_usage` on.
    static let plainText = #"""
        data: {"id":"chatcmpl-C1a","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"4Yv"}

        data: {"id":"chatcmpl-C1a","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"k2"}

        data: {"id":"chatcmpl-C1a","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[{"index":0,"delta":{"content":" there! ✨"},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"Q"}

        data: {"id":"chatcmpl-C1a","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null,"obfuscation":"zz9"}

        data: {"id":"chatcmpl-C1a","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"obfuscation":"a"}

        data: [DONE]


        """#

    /// Two parallel calls whose fragments interleave by `tool_calls[].index` (as some OpenAI-compatible hosts
    /// stream them); the role chunk already opens call 0.
    static let parallelToolCalls = #"""
        data: {"id":"chatcmpl-C2b","object":"chat.completion.chunk","created":1767225601,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_f33640a400","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_A7x","type":"function","function":{"name":"get_weather","arguments":""}}],"refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C2b","object":"chat.completion.chunk","created":1767225601,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_f33640a400","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_B9y","type":"function","function":{"name":"get_time","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C2b","object":"chat.completion.chunk","created":1767225601,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_f33640a400","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C2b","object":"chat.completion.chunk","created":1767225601,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_f33640a400","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{\"tz\":"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C2b","object":"chat.completion.chunk","created":1767225601,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_f33640a400","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C2b","object":"chat.completion.chunk","created":1767225601,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_f33640a400","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"\"Europe/Rome\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C2b","object":"chat.completion.chunk","created":1767225601,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_f33640a400","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}

        data: {"id":"chatcmpl-C2b","object":"chat.completion.chunk","created":1767225601,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_f33640a400","choices":[],"usage":{"prompt_tokens":88,"completion_tokens":41,"total_tokens":129,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}

        data: [DONE]


        """#

    /// Text, then a tool call: the text block must close before the call's block opens.
    static let textThenToolCall = #"""
        data: {"id":"chatcmpl-C3c","object":"chat.completion.chunk","created":1767225602,"model":"gpt-4.1-2025-04-14","system_fingerprint":null,"choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C3c","object":"chat.completion.chunk","created":1767225602,"model":"gpt-4.1-2025-04-14","system_fingerprint":null,"choices":[{"index":0,"delta":{"content":"Let me check"},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C3c","object":"chat.completion.chunk","created":1767225602,"model":"gpt-4.1-2025-04-14","system_fingerprint":null,"choices":[{"index":0,"delta":{"content":" the weather."},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C3c","object":"chat.completion.chunk","created":1767225602,"model":"gpt-4.1-2025-04-14","system_fingerprint":null,"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_W1","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C3c","object":"chat.completion.chunk","created":1767225602,"model":"gpt-4.1-2025-04-14","system_fingerprint":null,"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"ci"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C3c","object":"chat.completion.chunk","created":1767225602,"model":"gpt-4.1-2025-04-14","system_fingerprint":null,"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ty\":\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C3c","object":"chat.completion.chunk","created":1767225602,"model":"gpt-4.1-2025-04-14","system_fingerprint":null,"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}

        data: {"id":"chatcmpl-C3c","object":"chat.completion.chunk","created":1767225602,"model":"gpt-4.1-2025-04-14","system_fingerprint":null,"choices":[],"usage":{"prompt_tokens":61,"completion_tokens":22,"total_tokens":83,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

        data: [DONE]


        """#

    /// `max_tokens` reached.
    static let maxTokens = #"""
        data: {"id":"chatcmpl-C4d","object":"chat.completion.chunk","created":1767225603,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C4d","object":"chat.completion.chunk","created":1767225603,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":"The first five"},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C4d","object":"chat.completion.chunk","created":1767225603,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":" primes are"},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C4d","object":"chat.completion.chunk","created":1767225603,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}],"usage":null}

        data: {"id":"chatcmpl-C4d","object":"chat.completion.chunk","created":1767225603,"model":"gpt-4o-mini-2024-07-18","choices":[],"usage":{"prompt_tokens":14,"completion_tokens":5,"total_tokens":19,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

        data: [DONE]


        """#

    /// The output was filtered.
    static let contentFilter = #"""
        data: {"id":"chatcmpl-C5e","object":"chat.completion.chunk","created":1767225604,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C5e","object":"chat.completion.chunk","created":1767225604,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"Here is how"},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C5e","object":"chat.completion.chunk","created":1767225604,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"content_filter"}],"usage":null}

        data: {"id":"chatcmpl-C5e","object":"chat.completion.chunk","created":1767225604,"model":"gpt-4o-2024-08-06","choices":[],"usage":{"prompt_tokens":31,"completion_tokens":3,"total_tokens":34,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

        data: [DONE]


        """#

    /// A reasoning model with a warm prompt cache: cached and reasoning tokens in the usage chunk.
    static let cachedUsage = #"""
        data: {"id":"chatcmpl-C6f","object":"chat.completion.chunk","created":1767225605,"model":"o4-mini-2025-04-16","service_tier":"default","system_fingerprint":null,"choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C6f","object":"chat.completion.chunk","created":1767225605,"model":"o4-mini-2025-04-16","service_tier":"default","system_fingerprint":null,"choices":[{"index":0,"delta":{"content":"42"},"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C6f","object":"chat.completion.chunk","created":1767225605,"model":"o4-mini-2025-04-16","service_tier":"default","system_fingerprint":null,"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}

        data: {"id":"chatcmpl-C6f","object":"chat.completion.chunk","created":1767225605,"model":"o4-mini-2025-04-16","service_tier":"default","system_fingerprint":null,"choices":[],"usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,"prompt_tokens_details":{"cached_tokens":1920,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":256,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}

        data: [DONE]


        """#

    /// The provider fails after some text: an in-band error object, and the body ends.
    static let errorMidStream = #"""
        data: {"id":"chatcmpl-C7g","object":"chat.completion.chunk","created":1767225606,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C7g","object":"chat.completion.chunk","created":1767225606,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"Partial"},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}


        """#

    /// vLLM: a stop sequence ended generation, and `stop_reason` says which one.
    static let vllmStopSequence = #"""
        data: {"id":"chatcmpl-8c2f0a","object":"chat.completion.chunk","created":1767225607,"model":"meta-llama/Llama-3.3-70B-Instruct","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

        data: {"id":"chatcmpl-8c2f0a","object":"chat.completion.chunk","created":1767225607,"model":"meta-llama/Llama-3.3-70B-Instruct","choices":[{"index":0,"delta":{"content":"1, 2, 3"},"logprobs":null,"finish_reason":null}]}

        data: {"id":"chatcmpl-8c2f0a","object":"chat.completion.chunk","created":1767225607,"model":"meta-llama/Llama-3.3-70B-Instruct","choices":[{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop","stop_reason":"END"}]}

        data: {"id":"chatcmpl-8c2f0a","object":"chat.completion.chunk","created":1767225607,"model":"meta-llama/Llama-3.3-70B-Instruct","choices":[],"usage":{"prompt_tokens":25,"total_tokens":32,"completion_tokens":7,"prompt_tokens_details":null}}

        data: [DONE]


        """#

    /// DeepSeek's reasoner: thinking in `reasoning_content`, then the answer; usage on the last chunks.
    static let deepSeekReasoning = #"""
        data: {"id":"5d3c2b1a-0f9e-4d8c-b7a6-1e2f3a4b5c6d","object":"chat.completion.chunk","created":1767225608,"model":"deepseek-reasoner","system_fingerprint":"fp_7e73fd9a08","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":""},"logprobs":null,"finish_reason":null}]}

        data: {"id":"5d3c2b1a-0f9e-4d8c-b7a6-1e2f3a4b5c6d","object":"chat.completion.chunk","created":1767225608,"model":"deepseek-reasoner","system_fingerprint":"fp_7e73fd9a08","choices":[{"index":0,"delta":{"content":null,"reasoning_content":"2 + 2"},"logprobs":null,"finish_reason":null}]}

        data: {"id":"5d3c2b1a-0f9e-4d8c-b7a6-1e2f3a4b5c6d","object":"chat.completion.chunk","created":1767225608,"model":"deepseek-reasoner","system_fingerprint":"fp_7e73fd9a08","choices":[{"index":0,"delta":{"content":null,"reasoning_content":" is 4."},"logprobs":null,"finish_reason":null}]}

        data: {"id":"5d3c2b1a-0f9e-4d8c-b7a6-1e2f3a4b5c6d","object":"chat.completion.chunk","created":1767225608,"model":"deepseek-reasoner","system_fingerprint":"fp_7e73fd9a08","choices":[{"index":0,"delta":{"content":"4","reasoning_content":null},"logprobs":null,"finish_reason":null}]}

        data: {"id":"5d3c2b1a-0f9e-4d8c-b7a6-1e2f3a4b5c6d","object":"chat.completion.chunk","created":1767225608,"model":"deepseek-reasoner","system_fingerprint":"fp_7e73fd9a08","choices":[{"index":0,"delta":{"content":"","reasoning_content":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":9,"total_tokens":21,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":6},"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":12}}

        data: [DONE]


        """#

    /// OpenRouter: CRLF line endings, keep-alive comments, and a host that sends each call whole without
    /// `index`.
    static let openRouterWholeCalls =
        ": OPENROUTER PROCESSING\r\n\r\n"
        + #"data: {"id":"gen-1767225609-x","object":"chat.completion.chunk","created":1767225609,"model":"google/gemini-2.5-flash","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"#
        + "\r\n\r\n: OPENROUTER PROCESSING\r\n\r\n"
        + #"data: {"id":"gen-1767225609-x","object":"chat.completion.chunk","created":1767225609,"model":"google/gemini-2.5-flash","choices":[{"index":0,"delta":{"tool_calls":[{"id":"tool_0_lookup","type":"function","function":{"name":"lookup","arguments":"{\"q\":\"a\"}"}}]},"finish_reason":null}]}"#
        + "\r\n\r\n"
        + #"data: {"id":"gen-1767225609-x","object":"chat.completion.chunk","created":1767225609,"model":"google/gemini-2.5-flash","choices":[{"index":0,"delta":{"tool_calls":[{"id":"tool_1_lookup","type":"function","function":{"name":"lookup","arguments":"{\"q\":\"b\"}"}}]},"finish_reason":null}]}"#
        + "\r\n\r\n"
        + #"data: {"id":"gen-1767225609-x","object":"chat.completion.chunk","created":1767225609,"model":"google/gemini-2.5-flash","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":40,"completion_tokens":12,"total_tokens":52}}"#
        + "\r\n\r\ndata: [DONE]\r\n\r\n"

    /// The body ends mid-answer: no finish, no `[DONE]`.
    static let truncated = #"""
        data: {"id":"chatcmpl-C8h","object":"chat.completion.chunk","created":1767225610,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-C8h","object":"chat.completion.chunk","created":1767225610,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":"Once upon"},"logprobs":null,"finish_reason":null}],"usage":null}


        """#
}
