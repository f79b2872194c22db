// Expected output for an OpenAI Chat Completions client, for every provider. Reviewed by hand against
// shared/wire-formats.md and checked semantically by the client tests; regenerate only after such a review.

enum ChatGoldens {
    /// The exact client bytes for each provider transcript (`created`/`created_at` fixed at 1767225600).
    static func stream(_ provider: Provider, _ transcript: Transcript) -> String {
        switch (provider, transcript) {
        case (.openAI, .text):
            #"""
            data: {"id":"chatcmpl-CqText7Fq2","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqText7Fq2","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Bonjour, \"monde\"!"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqText7Fq2","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"\nÇa va? 🗼"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqText7Fq2","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-CqText7Fq2","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":9,"total_tokens":21,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.openAI, .parallelTools):
            #"""
            data: {"id":"chatcmpl-CqTools9Lm","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTools9Lm","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_K9dPzW3aQ1","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTools9Lm","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_R2xTmB8vN4","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTools9Lm","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTools9Lm","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{\"city\":\"Rome\","}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTools9Lm","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTools9Lm","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"\"unit\":\"celsius\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTools9Lm","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}

            data: {"id":"chatcmpl-CqTools9Lm","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":85,"completion_tokens":40,"total_tokens":125,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.openAI, .textThenTool):
            #"""
            data: {"id":"chatcmpl-CqTxtTool3","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTxtTool3","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Let me check"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTxtTool3","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":" the weather."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTxtTool3","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_W7fHqL2pZ0","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTxtTool3","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"ci"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTxtTool3","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ty\":\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqTxtTool3","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}

            data: {"id":"chatcmpl-CqTxtTool3","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":60,"completion_tokens":22,"total_tokens":82,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.openAI, .stopSequence):
            #"""
            data: {"id":"chatcmpl-8f1c2b0e6c9a4f7e","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-8f1c2b0e6c9a4f7e","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"1, 2, 3"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-8f1c2b0e6c9a4f7e","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-8f1c2b0e6c9a4f7e","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.openAI, .maxTokens):
            #"""
            data: {"id":"chatcmpl-CqMax4Rv","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqMax4Rv","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Once upon a time,"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqMax4Rv","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":" in a"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqMax4Rv","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}],"usage":null}

            data: {"id":"chatcmpl-CqMax4Rv","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":8,"completion_tokens":16,"total_tokens":24,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.openAI, .errorMidStream):
            #"""
            data: {"id":"chatcmpl-CqErr5Xw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqErr5Xw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Here is"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"upstream_error","param":null,"code":"server_error"}}

            data: [DONE]


            """#
        case (.openAI, .cachedUsage):
            #"""
            data: {"id":"chatcmpl-CqCache6Ty","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqCache6Ty","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Section 4.2 says the fee is waived."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqCache6Ty","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-CqCache6Ty","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":2100,"completion_tokens":40,"total_tokens":2140,"prompt_tokens_details":{"cached_tokens":2048},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.openAI, .cutOff):
            #"""
            data: {"id":"chatcmpl-CqCut8Pz","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-CqCut8Pz","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Half an"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"error":{"message":"The provider's answer could not be read: the stream ended before the provider finished its answer.","type":"upstream_error","param":null,"code":"invalid_upstream_response"}}

            data: [DONE]


            """#
        case (.openAI, .thinking):
            #"""
            data: {"id":"chatcmpl-5f7a3e1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-5f7a3e1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"reasoning_content":"The user wants"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-5f7a3e1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"reasoning_content":" a haiku."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-5f7a3e1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Autumn moonlight—\n"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-5f7a3e1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"a worm digs silently\ninto the chestnut."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-5f7a3e1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-5f7a3e1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":60,"total_tokens":71,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":43}}}

            data: [DONE]


            """#
        case (.anthropic, .text):
            #"""
            data: {"id":"chatcmpl-msg_01TxtBq7vKd2","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01TxtBq7vKd2","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Bonjour, \"monde\"!"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01TxtBq7vKd2","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"\nÇa va? 🗼"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01TxtBq7vKd2","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-msg_01TxtBq7vKd2","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":9,"total_tokens":21,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.anthropic, .parallelTools):
            #"""
            data: {"id":"chatcmpl-msg_01ToolsPq3Lx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ToolsPq3Lx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"toolu_01ParisK9dPzW","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ToolsPq3Lx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\": \"Pa"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ToolsPq3Lx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ToolsPq3Lx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"toolu_01RomeR2xTmB","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ToolsPq3Lx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{\"city\": \"Rome\", \"unit\": \"celsius\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ToolsPq3Lx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}

            data: {"id":"chatcmpl-msg_01ToolsPq3Lx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":85,"completion_tokens":40,"total_tokens":125,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.anthropic, .textThenTool):
            #"""
            data: {"id":"chatcmpl-msg_01TxtToolW7f","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01TxtToolW7f","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Let me check"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01TxtToolW7f","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":" the weather."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01TxtToolW7f","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"toolu_01WeatherW7fHq","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01TxtToolW7f","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\": \"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01TxtToolW7f","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}

            data: {"id":"chatcmpl-msg_01TxtToolW7f","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":60,"completion_tokens":22,"total_tokens":82,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.anthropic, .stopSequence):
            #"""
            data: {"id":"chatcmpl-msg_01StopSeqE4d","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01StopSeqE4d","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"1, 2, 3"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01StopSeqE4d","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-msg_01StopSeqE4d","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.anthropic, .maxTokens):
            #"""
            data: {"id":"chatcmpl-msg_01MaxTokR4v","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01MaxTokR4v","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Once upon a time,"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01MaxTokR4v","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":" in a"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01MaxTokR4v","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}],"usage":null}

            data: {"id":"chatcmpl-msg_01MaxTokR4v","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":8,"completion_tokens":16,"total_tokens":24,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.anthropic, .errorMidStream):
            #"""
            data: {"id":"chatcmpl-msg_01ErrOv5Xw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ErrOv5Xw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Here is"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"error":{"message":"Overloaded","type":"service_unavailable","param":null,"code":"overloaded_error"}}

            data: [DONE]


            """#
        case (.anthropic, .cachedUsage):
            #"""
            data: {"id":"chatcmpl-msg_01CacheT6y","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01CacheT6y","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Section 4.2 says the fee is waived."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01CacheT6y","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-msg_01CacheT6y","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":2100,"completion_tokens":40,"total_tokens":2140,"prompt_tokens_details":{"cached_tokens":2048,"cache_write_tokens":12},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.anthropic, .cutOff):
            #"""
            data: {"id":"chatcmpl-msg_01CutP8z","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01CutP8z","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Half an"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"error":{"message":"The provider's stream ended before the answer was complete.","type":"upstream_error","param":null,"code":"upstream_stream_truncated"}}

            data: [DONE]


            """#
        case (.anthropic, .thinking):
            #"""
            data: {"id":"chatcmpl-msg_01ThinkH4k","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ThinkH4k","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"reasoning_content":"The user wants"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ThinkH4k","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"reasoning_content":" a haiku."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ThinkH4k","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Autumn moonlight—\n"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ThinkH4k","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"a worm digs silently\ninto the chestnut."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-msg_01ThinkH4k","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-msg_01ThinkH4k","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":60,"total_tokens":71,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.gemini, .text):
            #"""
            data: {"id":"chatcmpl-Xk9vaPTxLpG2z7IPq8fL4Qc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Xk9vaPTxLpG2z7IPq8fL4Qc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Bonjour, \"monde\"!"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Xk9vaPTxLpG2z7IPq8fL4Qc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"\nÇa va? 🗼"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Xk9vaPTxLpG2z7IPq8fL4Qc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-Xk9vaPTxLpG2z7IPq8fL4Qc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":9,"total_tokens":21,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.gemini, .parallelTools):
            #"""
            data: {"id":"chatcmpl-x3OvaK2aBr2Oz7IP9sK5oQk","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-x3OvaK2aBr2Oz7IP9sK5oQk","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_x3OvaK2aBr2Oz7IP9sK5oQk_0__thought__CiQBcsjafE1-Zk_8Q_vv","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-x3OvaK2aBr2Oz7IP9sK5oQk","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-x3OvaK2aBr2Oz7IP9sK5oQk","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_x3OvaK2aBr2Oz7IP9sK5oQk_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-x3OvaK2aBr2Oz7IP9sK5oQk","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-x3OvaK2aBr2Oz7IP9sK5oQk","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}

            data: {"id":"chatcmpl-x3OvaK2aBr2Oz7IP9sK5oQk","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":85,"completion_tokens":40,"total_tokens":125,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":20}}}

            data: [DONE]


            """#
        case (.gemini, .textThenTool):
            #"""
            data: {"id":"chatcmpl-Tt7vaMq2Hc6Oz7IPw5yB8Aw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Tt7vaMq2Hc6Oz7IPw5yB8Aw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Let me check"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Tt7vaMq2Hc6Oz7IPw5yB8Aw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":" the weather."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Tt7vaMq2Hc6Oz7IPw5yB8Aw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Tt7vaMq2Hc6Oz7IPw5yB8Aw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Tt7vaMq2Hc6Oz7IPw5yB8Aw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}

            data: {"id":"chatcmpl-Tt7vaMq2Hc6Oz7IPw5yB8Aw","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":60,"completion_tokens":22,"total_tokens":82,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.gemini, .stopSequence):
            #"""
            data: {"id":"chatcmpl-Ss2vaLk8Yd4Oz7IPe3nC9Bx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Ss2vaLk8Yd4Oz7IPe3nC9Bx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"1, 2, 3"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Ss2vaLk8Yd4Oz7IPe3nC9Bx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-Ss2vaLk8Yd4Oz7IPe3nC9Bx","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.gemini, .maxTokens):
            #"""
            data: {"id":"chatcmpl-Mm4vaRt6Wf2Oz7IPk9pD1Cy","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Mm4vaRt6Wf2Oz7IPk9pD1Cy","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Once upon a time,"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Mm4vaRt6Wf2Oz7IPk9pD1Cy","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":" in a"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Mm4vaRt6Wf2Oz7IPk9pD1Cy","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}],"usage":null}

            data: {"id":"chatcmpl-Mm4vaRt6Wf2Oz7IPk9pD1Cy","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":8,"completion_tokens":16,"total_tokens":24,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.gemini, .errorMidStream):
            #"""
            data: {"id":"chatcmpl-Ee8vaNp3Qs1Oz7IPh6tE2Dz","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Ee8vaNp3Qs1Oz7IPh6tE2Dz","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Here is"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"error":{"message":"The provider is overloaded or unavailable: The model is overloaded. Please try again later.","type":"service_unavailable","param":null,"code":"upstream_unavailable"}}

            data: [DONE]


            """#
        case (.gemini, .cachedUsage):
            #"""
            data: {"id":"chatcmpl-Cc5vaBv9Ug7Oz7IPm2rF3Ea","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Cc5vaBv9Ug7Oz7IPm2rF3Ea","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Section 4.2 says the fee is waived."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Cc5vaBv9Ug7Oz7IPm2rF3Ea","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-Cc5vaBv9Ug7Oz7IPm2rF3Ea","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":2100,"completion_tokens":40,"total_tokens":2140,"prompt_tokens_details":{"cached_tokens":2048},"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]


            """#
        case (.gemini, .cutOff):
            #"""
            data: {"id":"chatcmpl-Uu1vaZc4Ih8Oz7IPp7sG4Fb","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Uu1vaZc4Ih8Oz7IPp7sG4Fb","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Half an"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"error":{"message":"The provider's stream ended before the answer was finished.","type":"upstream_error","param":null,"code":"upstream_truncated_stream"}}

            data: [DONE]


            """#
        case (.gemini, .thinking):
            #"""
            data: {"id":"chatcmpl-Hh6vaXn5Jk3Oz7IPr1uH5Gc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Hh6vaXn5Jk3Oz7IPr1uH5Gc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"reasoning_content":"The user wants"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Hh6vaXn5Jk3Oz7IPr1uH5Gc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"reasoning_content":" a haiku."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Hh6vaXn5Jk3Oz7IPr1uH5Gc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"Autumn moonlight—\n"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Hh6vaXn5Jk3Oz7IPr1uH5Gc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{"content":"a worm digs silently\ninto the chestnut."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-Hh6vaXn5Jk3Oz7IPr1uH5Gc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-Hh6vaXn5Jk3Oz7IPr1uH5Gc","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":60,"total_tokens":71,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":43}}}

            data: [DONE]


            """#
        }
    }

    /// The client's JSON for each provider's non-streamed answer (compared as parsed JSON).
    static func response(_ provider: Provider, _ fixture: ResponseFixture) -> String {
        switch (provider, fixture) {
        case (.openAI, .text):
            #"""
            {
              "id": "chatcmpl-CqNsText1",
              "object": "chat.completion",
              "created": 1767225599,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"It is 18°C and clear in Paris.","refusal":null},"logprobs":null,"finish_reason":"stop"}],
              "usage": {"prompt_tokens":2100,"completion_tokens":11,"total_tokens":2111,"prompt_tokens_details":{"cached_tokens":2048},"completion_tokens_details":{"reasoning_tokens":0}}
            }
            """#
        case (.openAI, .toolCalls):
            #"""
            {
              "id": "chatcmpl-CqNsTools2",
              "object": "chat.completion",
              "created": 1767225599,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"Checking both cities.","refusal":null,"tool_calls":[{"id":"call_A1b2C3","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"call_D4e5F6","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}"}}]},"logprobs":null,"finish_reason":"tool_calls"}],
              "usage": {"prompt_tokens":85,"completion_tokens":40,"total_tokens":125,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}
            }
            """#
        case (.openAI, .maxTokens):
            #"""
            {
              "id": "chatcmpl-CqNsMax3",
              "object": "chat.completion",
              "created": 1767225599,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"Once upon a time, in a","refusal":null},"logprobs":null,"finish_reason":"length"}],
              "usage": {"prompt_tokens":8,"completion_tokens":16,"total_tokens":24,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}
            }
            """#
        case (.openAI, .thinking):
            #"""
            {
              "id": "chatcmpl-8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f",
              "object": "chat.completion",
              "created": 1767225599,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"Autumn moonlight—\na worm digs silently\ninto the chestnut.","reasoning_content":"The user wants a haiku.","refusal":null},"logprobs":null,"finish_reason":"stop"}],
              "usage": {"prompt_tokens":11,"completion_tokens":60,"total_tokens":71,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":43}}
            }
            """#
        case (.anthropic, .text):
            #"""
            {
              "id": "chatcmpl-msg_01NsTextQ2w",
              "object": "chat.completion",
              "created": 1767225600,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"It is 18°C and clear in Paris.","refusal":null},"logprobs":null,"finish_reason":"stop"}],
              "usage": {"prompt_tokens":2100,"completion_tokens":11,"total_tokens":2111,"prompt_tokens_details":{"cached_tokens":2048,"cache_write_tokens":12},"completion_tokens_details":{"reasoning_tokens":0}}
            }
            """#
        case (.anthropic, .toolCalls):
            #"""
            {
              "id": "chatcmpl-msg_01NsToolsE3r",
              "object": "chat.completion",
              "created": 1767225600,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"Checking both cities.","refusal":null,"tool_calls":[{"id":"toolu_01A1b2C3","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"toolu_01D4e5F6","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}"}}]},"logprobs":null,"finish_reason":"tool_calls"}],
              "usage": {"prompt_tokens":85,"completion_tokens":40,"total_tokens":125,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}
            }
            """#
        case (.anthropic, .maxTokens):
            #"""
            {
              "id": "chatcmpl-msg_01NsMaxT4y",
              "object": "chat.completion",
              "created": 1767225600,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"Once upon a time, in a","refusal":null},"logprobs":null,"finish_reason":"length"}],
              "usage": {"prompt_tokens":8,"completion_tokens":16,"total_tokens":24,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}
            }
            """#
        case (.anthropic, .thinking):
            #"""
            {
              "id": "chatcmpl-msg_01NsThinkR5u",
              "object": "chat.completion",
              "created": 1767225600,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"Autumn moonlight—\na worm digs silently\ninto the chestnut.","reasoning_content":"The user wants a haiku.","refusal":null},"logprobs":null,"finish_reason":"stop"}],
              "usage": {"prompt_tokens":11,"completion_tokens":60,"total_tokens":71,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}
            }
            """#
        case (.gemini, .text):
            #"""
            {
              "id": "chatcmpl-Nt1vaQw8Ze5Oz7IPs4vJ6Hd",
              "object": "chat.completion",
              "created": 1767225600,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"It is 18°C and clear in Paris.","refusal":null},"logprobs":null,"finish_reason":"stop"}],
              "usage": {"prompt_tokens":2100,"completion_tokens":11,"total_tokens":2111,"prompt_tokens_details":{"cached_tokens":2048},"completion_tokens_details":{"reasoning_tokens":0}}
            }
            """#
        case (.gemini, .toolCalls):
            #"""
            {
              "id": "chatcmpl-Nt2vaRe9Af6Oz7IPt5wK7Ie",
              "object": "chat.completion",
              "created": 1767225600,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"Checking both cities.","refusal":null,"tool_calls":[{"id":"call_Nt2vaRe9Af6Oz7IPt5wK7Ie_0__thought__CiQBcsjafE1-Zk_8Q_vv","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"call_Nt2vaRe9Af6Oz7IPt5wK7Ie_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}"}}]},"logprobs":null,"finish_reason":"tool_calls"}],
              "usage": {"prompt_tokens":85,"completion_tokens":40,"total_tokens":125,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":20}}
            }
            """#
        case (.gemini, .maxTokens):
            #"""
            {
              "id": "chatcmpl-Nt3vaSf1Bg7Oz7IPu6xL8Jf",
              "object": "chat.completion",
              "created": 1767225600,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"Once upon a time, in a","refusal":null},"logprobs":null,"finish_reason":"length"}],
              "usage": {"prompt_tokens":8,"completion_tokens":16,"total_tokens":24,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}
            }
            """#
        case (.gemini, .thinking):
            #"""
            {
              "id": "chatcmpl-Nt4vaTg2Ch8Oz7IPv7yM9Kg",
              "object": "chat.completion",
              "created": 1767225600,
              "model": "acme/chat",
              "choices": [{"index":0,"message":{"role":"assistant","content":"Autumn moonlight—\na worm digs silently\ninto the chestnut.","reasoning_content":"The user wants a haiku.","refusal":null},"logprobs":null,"finish_reason":"stop"}],
              "usage": {"prompt_tokens":11,"completion_tokens":60,"total_tokens":71,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":43}}
            }
            """#
        }
    }

    /// `ClientRequests.chat` as each provider receives it (compared as parsed JSON).
    static func request(_ provider: Provider) -> String {
        switch provider {
        case .openAI:
            #"""
            {
              "model": "gpt-4o-2024-08-06",
              "messages": [
                {"role":"system","content":"You are a weather bot."},
                {"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome? Also compare these photos."},{"type":"image_url","image_url":{"url":"https://example.com/photos/paris.png","detail":"high"}},{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ=="}}]},
                {"role":"assistant","content":"Checking both.","tool_calls":[{"id":"call_A","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"functions.get_weather:1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},
                {"role":"tool","tool_call_id":"call_A","content":"18°C, clear"},
                {"role":"tool","tool_call_id":"functions.get_weather:1","content":"24°C, sunny"},
                {"role":"user","content":"Summarise in one line."}
              ],
              "max_tokens": 512,
              "temperature": 1.4,
              "stop": ["END","STOP"],
              "tools": [{"type":"function","function":{"name":"get_weather","description":"Weather by city","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
              "tool_choice": "auto",
              "parallel_tool_calls": false,
              "user": "u-42"
            }
            """#
        case .anthropic:
            #"""
            {
              "model": "claude-sonnet-4-5-20250929",
              "max_tokens": 512,
              "system": [{"type":"text","text":"You are a weather bot."}],
              "messages": [
                {"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome? Also compare these photos."},{"type":"image","source":{"type":"url","url":"https://example.com/photos/paris.png"}},{"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQSkZJRgABAQ=="}}]},
                {"role":"assistant","content":[{"type":"text","text":"Checking both."},{"type":"tool_use","id":"call_A","name":"get_weather","input":{"city":"Paris"}},{"type":"tool_use","id":"functions_get_weather_1_2198bdfa","name":"get_weather","input":{"city":"Rome"}}]},
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_A","content":[{"type":"text","text":"18°C, clear"}]},{"type":"tool_result","tool_use_id":"functions_get_weather_1_2198bdfa","content":[{"type":"text","text":"24°C, sunny"}]},{"type":"text","text":"Summarise in one line."}]}
              ],
              "tools": [{"name":"get_weather","description":"Weather by city","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
              "tool_choice": {"type":"auto","disable_parallel_tool_use":true},
              "temperature": 1,
              "stop_sequences": ["END","STOP"],
              "metadata": {"user_id":"u-42"}
            }
            """#
        case .gemini:
            #"""
            {
              "systemInstruction": {"parts":[{"text":"You are a weather bot."}]},
              "contents": [
                {"role":"user","parts":[{"text":"Weather in Paris and Rome? Also compare these photos."},{"fileData":{"mimeType":"image/png","fileUri":"https://example.com/photos/paris.png"}},{"inlineData":{"mimeType":"image/jpeg","data":"/9j/4AAQSkZJRgABAQ=="}}]},
                {"role":"model","parts":[{"text":"Checking both."},{"functionCall":{"id":"call_A","name":"get_weather","args":{"city":"Paris"}}},{"functionCall":{"id":"functions.get_weather:1","name":"get_weather","args":{"city":"Rome"}}}]},
                {"role":"user","parts":[{"functionResponse":{"id":"call_A","name":"get_weather","response":{"output":"18°C, clear"}}},{"functionResponse":{"id":"functions.get_weather:1","name":"get_weather","response":{"output":"24°C, sunny"}}},{"text":"Summarise in one line."}]}
              ],
              "tools": [{"functionDeclarations":[{"name":"get_weather","description":"Weather by city","parameters":{"type":"OBJECT","properties":{"city":{"type":"STRING"}},"required":["city"]}}]}],
              "toolConfig": {"functionCallingConfig":{"mode":"AUTO"}},
              "generationConfig": {"maxOutputTokens":512,"temperature":1.4,"stopSequences":["END","STOP"]}
            }
            """#
        }
    }
}
