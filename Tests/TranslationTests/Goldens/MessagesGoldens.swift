// Expected output for an Anthropic Messages client, for every provider. Reviewed by hand against
// shared/wire-formats.md and checked semantically by the client tests; regenerate only after such a review.

enum MessagesGoldens {
    /// The exact client bytes for each provider transcript (`created`/`created_at` fixed at 1767225600).
    static func stream(_ provider: Provider, _ transcript: Transcript) -> String {
        switch (provider, transcript) {
        case (.openAI, .text):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_chatcmpl-CqText7Fq2","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Bonjour, \"monde\"!"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"\nÇa va? 🗼"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":9}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.openAI, .parallelTools):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_chatcmpl-CqTools9Lm","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"call_K9dPzW3aQ1","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"city\":"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"\"Paris\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_R2xTmB8vN4","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\":\"Rome\","}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\"unit\":\"celsius\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":85,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":40}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.openAI, .textThenTool):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_chatcmpl-CqTxtTool3","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" the weather."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_W7fHqL2pZ0","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"ci"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"ty\":\"Paris\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":60,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":22}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.openAI, .stopSequence):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_chatcmpl-8f1c2b0e6c9a4f7e","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"1, 2, 3"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"stop_sequence","stop_sequence":"END"},"usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":5}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.openAI, .maxTokens):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_chatcmpl-CqMax4Rv","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Once upon a time,"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" in a"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"input_tokens":8,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":16}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.openAI, .errorMidStream):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_chatcmpl-CqErr5Xw","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Here is"}}

            event: error
            data: {"type":"error","error":{"type":"api_error","message":"The server had an error while processing your request. Sorry about that!"}}


            """#
        case (.openAI, .cachedUsage):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_chatcmpl-CqCache6Ty","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Section 4.2 says the fee is waived."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":52,"cache_creation_input_tokens":0,"cache_read_input_tokens":2048,"output_tokens":40}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.openAI, .cutOff):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_chatcmpl-CqCut8Pz","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Half an"}}

            event: error
            data: {"type":"error","error":{"type":"api_error","message":"The provider's answer could not be read: the stream ended before the provider finished its answer."}}


            """#
        case (.openAI, .thinking):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_5f7a3e1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"The user wants"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" a haiku."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Autumn moonlight—\n"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"a worm digs silently\ninto the chestnut."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":60}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.anthropic, .text):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01TxtBq7vKd2","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Bonjour, \"monde\"!"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"\nÇa va? 🗼"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":9}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.anthropic, .parallelTools):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01ToolsPq3Lx","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":85,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_01ParisK9dPzW","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Pa"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"ris\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01RomeR2xTmB","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Rome\", \"unit\": \"celsius\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":85,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":40}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.anthropic, .textThenTool):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01TxtToolW7f","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":60,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" the weather."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01WeatherW7fHq","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Paris\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":60,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":22}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.anthropic, .stopSequence):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01StopSeqE4d","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"1, 2, 3"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"stop_sequence","stop_sequence":"END"},"usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":5}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.anthropic, .maxTokens):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01MaxTokR4v","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":8,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Once upon a time,"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" in a"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"input_tokens":8,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":16}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.anthropic, .errorMidStream):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01ErrOv5Xw","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":14,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Here is"}}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}


            """#
        case (.anthropic, .cachedUsage):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01CacheT6y","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":40,"cache_creation_input_tokens":12,"cache_read_input_tokens":2048,"output_tokens":1}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Section 4.2 says the fee is waived."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":40,"cache_creation_input_tokens":12,"cache_read_input_tokens":2048,"output_tokens":40}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.anthropic, .cutOff):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01CutP8z","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":9,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Half an"}}

            event: error
            data: {"type":"error","error":{"type":"api_error","message":"The provider's stream ended before the answer was complete."}}


            """#
        case (.anthropic, .thinking):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01ThinkH4k","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"The user wants"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" a haiku."}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCkgIBxABGAIiQHc3vR8="}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Autumn moonlight—\n"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"a worm digs silently\ninto the chestnut."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":60}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.gemini, .text):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_Xk9vaPTxLpG2z7IPq8fL4Qc","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Bonjour, \"monde\"!"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"\nÇa va? 🗼"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":9}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.gemini, .parallelTools):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_x3OvaK2aBr2Oz7IP9sK5oQk","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"call_x3OvaK2aBr2Oz7IP9sK5oQk_0__thought__CiQBcsjafE1-Zk_8Q_vv","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"city\":\"Paris\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_x3OvaK2aBr2Oz7IP9sK5oQk_1","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\":\"Rome\",\"unit\":\"celsius\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":85,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":40}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.gemini, .textThenTool):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_Tt7vaMq2Hc6Oz7IPw5yB8Aw","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" the weather."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\":\"Paris\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":60,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":22}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.gemini, .stopSequence):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_Ss2vaLk8Yd4Oz7IPe3nC9Bx","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"1, 2, 3"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":5}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.gemini, .maxTokens):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_Mm4vaRt6Wf2Oz7IPk9pD1Cy","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Once upon a time,"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" in a"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"input_tokens":8,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":16}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.gemini, .errorMidStream):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_Ee8vaNp3Qs1Oz7IPh6tE2Dz","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Here is"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"The provider is overloaded or unavailable: The model is overloaded. Please try again later."}}


            """#
        case (.gemini, .cachedUsage):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_Cc5vaBv9Ug7Oz7IPm2rF3Ea","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Section 4.2 says the fee is waived."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":52,"cache_creation_input_tokens":0,"cache_read_input_tokens":2048,"output_tokens":40}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        case (.gemini, .cutOff):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_Uu1vaZc4Ih8Oz7IPp7sG4Fb","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Half an"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: error
            data: {"type":"error","error":{"type":"api_error","message":"The provider's stream ended before the answer was finished."}}


            """#
        case (.gemini, .thinking):
            #"""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_Hh6vaXn5Jk3Oz7IPr1uH5Gc","type":"message","role":"assistant","model":"acme/chat","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"The user wants"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" a haiku."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Autumn moonlight—\n"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"a worm digs silently\ninto the chestnut."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":60}}

            event: message_stop
            data: {"type":"message_stop"}


            """#
        }
    }

    /// The client's JSON for each provider's non-streamed answer (compared as parsed JSON).
    static func response(_ provider: Provider, _ fixture: ResponseFixture) -> String {
        switch (provider, fixture) {
        case (.openAI, .text):
            #"""
            {
              "id": "msg_chatcmpl-CqNsText1",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [{"type":"text","text":"It is 18°C and clear in Paris."}],
              "stop_reason": "end_turn",
              "stop_sequence": null,
              "usage": {"input_tokens":52,"cache_creation_input_tokens":0,"cache_read_input_tokens":2048,"output_tokens":11}
            }
            """#
        case (.openAI, .toolCalls):
            #"""
            {
              "id": "msg_chatcmpl-CqNsTools2",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [
                {"type":"text","text":"Checking both cities."},
                {"type":"tool_use","id":"call_A1b2C3","name":"get_weather","input":{"city":"Paris"}},
                {"type":"tool_use","id":"call_D4e5F6","name":"get_weather","input":{"city":"Rome","unit":"celsius"}}
              ],
              "stop_reason": "tool_use",
              "stop_sequence": null,
              "usage": {"input_tokens":85,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":40}
            }
            """#
        case (.openAI, .maxTokens):
            #"""
            {
              "id": "msg_chatcmpl-CqNsMax3",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [{"type":"text","text":"Once upon a time, in a"}],
              "stop_reason": "max_tokens",
              "stop_sequence": null,
              "usage": {"input_tokens":8,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":16}
            }
            """#
        case (.openAI, .thinking):
            #"""
            {
              "id": "msg_8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [
                {"type":"thinking","thinking":"The user wants a haiku.","signature":""},
                {"type":"text","text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}
              ],
              "stop_reason": "end_turn",
              "stop_sequence": null,
              "usage": {"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":60}
            }
            """#
        case (.anthropic, .text):
            #"""
            {
              "id": "msg_01NsTextQ2w",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [{"type":"text","text":"It is 18°C and clear in Paris."}],
              "stop_reason": "end_turn",
              "stop_sequence": null,
              "usage": {"input_tokens":40,"cache_creation_input_tokens":12,"cache_read_input_tokens":2048,"output_tokens":11}
            }
            """#
        case (.anthropic, .toolCalls):
            #"""
            {
              "id": "msg_01NsToolsE3r",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [
                {"type":"text","text":"Checking both cities."},
                {"type":"tool_use","id":"toolu_01A1b2C3","name":"get_weather","input":{"city":"Paris"}},
                {"type":"tool_use","id":"toolu_01D4e5F6","name":"get_weather","input":{"city":"Rome","unit":"celsius"}}
              ],
              "stop_reason": "tool_use",
              "stop_sequence": null,
              "usage": {"input_tokens":85,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":40}
            }
            """#
        case (.anthropic, .maxTokens):
            #"""
            {
              "id": "msg_01NsMaxT4y",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [{"type":"text","text":"Once upon a time, in a"}],
              "stop_reason": "max_tokens",
              "stop_sequence": null,
              "usage": {"input_tokens":8,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":16}
            }
            """#
        case (.anthropic, .thinking):
            #"""
            {
              "id": "msg_01NsThinkR5u",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [
                {"type":"thinking","thinking":"The user wants a haiku.","signature":"EqQBCkgIBxABGAIiQHc3vR8="},
                {"type":"text","text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}
              ],
              "stop_reason": "end_turn",
              "stop_sequence": null,
              "usage": {"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":60}
            }
            """#
        case (.gemini, .text):
            #"""
            {
              "id": "msg_Nt1vaQw8Ze5Oz7IPs4vJ6Hd",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [{"type":"text","text":"It is 18°C and clear in Paris."}],
              "stop_reason": "end_turn",
              "stop_sequence": null,
              "usage": {"input_tokens":52,"cache_creation_input_tokens":0,"cache_read_input_tokens":2048,"output_tokens":11}
            }
            """#
        case (.gemini, .toolCalls):
            #"""
            {
              "id": "msg_Nt2vaRe9Af6Oz7IPt5wK7Ie",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [
                {"type":"text","text":"Checking both cities."},
                {"type":"tool_use","id":"call_Nt2vaRe9Af6Oz7IPt5wK7Ie_0__thought__CiQBcsjafE1-Zk_8Q_vv","name":"get_weather","input":{"city":"Paris"}},
                {"type":"tool_use","id":"call_Nt2vaRe9Af6Oz7IPt5wK7Ie_1","name":"get_weather","input":{"city":"Rome","unit":"celsius"}}
              ],
              "stop_reason": "tool_use",
              "stop_sequence": null,
              "usage": {"input_tokens":85,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":40}
            }
            """#
        case (.gemini, .maxTokens):
            #"""
            {
              "id": "msg_Nt3vaSf1Bg7Oz7IPu6xL8Jf",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [{"type":"text","text":"Once upon a time, in a"}],
              "stop_reason": "max_tokens",
              "stop_sequence": null,
              "usage": {"input_tokens":8,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":16}
            }
            """#
        case (.gemini, .thinking):
            #"""
            {
              "id": "msg_Nt4vaTg2Ch8Oz7IPv7yM9Kg",
              "type": "message",
              "role": "assistant",
              "model": "acme/chat",
              "content": [
                {"type":"thinking","thinking":"The user wants a haiku.","signature":""},
                {"type":"text","text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}
              ],
              "stop_reason": "end_turn",
              "stop_sequence": null,
              "usage": {"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":60}
            }
            """#
        }
    }

    /// `ClientRequests.messages` as each provider receives it (compared as parsed JSON).
    static func request(_ provider: Provider) -> String {
        switch provider {
        case .openAI:
            #"""
            {
              "model": "gpt-4o-2024-08-06",
              "messages": [
                {"role":"system","content":"You are a weather bot."},
                {"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome? Also compare these photos."},{"type":"image_url","image_url":{"url":"https://example.com/photos/paris.png"}},{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ=="}}]},
                {"role":"assistant","content":"Checking both.","tool_calls":[{"id":"toolu_01A","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"toolu_01B","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},
                {"role":"tool","tool_call_id":"toolu_01A","content":"18°C, clear"},
                {"role":"tool","tool_call_id":"toolu_01B","content":"Error: Station offline"},
                {"role":"user","content":"Summarise in one line."}
              ],
              "max_tokens": 2048,
              "stop": ["END","STOP"],
              "tools": [{"type":"function","function":{"name":"get_weather","description":"Weather by city","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
              "tool_choice": "auto",
              "parallel_tool_calls": false,
              "reasoning_effort": "low",
              "user": "u-42"
            }
            """#
        case .anthropic:
            #"""
            {
              "model": "claude-sonnet-4-5-20250929",
              "max_tokens": 2048,
              "system": [{"type":"text","text":"You are a weather bot."}],
              "messages": [
                {"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome? Also compare these photos."},{"type":"image","source":{"type":"url","url":"https://example.com/photos/paris.png"}},{"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQSkZJRgABAQ=="}}]},
                {"role":"assistant","content":[{"type":"thinking","thinking":"Two cities: two calls.","signature":"EqQBCkgIBxABGAIiQHc3vR8="},{"type":"text","text":"Checking both."},{"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris"}},{"type":"tool_use","id":"toolu_01B","name":"get_weather","input":{"city":"Rome"}}]},
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01A","content":[{"type":"text","text":"18°C, clear"}]},{"type":"tool_result","tool_use_id":"toolu_01B","content":[{"type":"text","text":"Station offline"}],"is_error":true},{"type":"text","text":"Summarise in one line."}]}
              ],
              "tools": [{"name":"get_weather","description":"Weather by city","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
              "tool_choice": {"type":"auto","disable_parallel_tool_use":true},
              "stop_sequences": ["END","STOP"],
              "metadata": {"user_id":"u-42"},
              "thinking": {"type":"enabled","budget_tokens":1024}
            }
            """#
        case .gemini:
            #"""
            {
              "systemInstruction": {"parts":[{"text":"You are a weather bot."}]},
              "contents": [
                {"role":"user","parts":[{"text":"Weather in Paris and Rome? Also compare these photos."},{"fileData":{"mimeType":"image/png","fileUri":"https://example.com/photos/paris.png"}},{"inlineData":{"mimeType":"image/jpeg","data":"/9j/4AAQSkZJRgABAQ=="}}]},
                {"role":"model","parts":[{"text":"Checking both."},{"functionCall":{"id":"toolu_01A","name":"get_weather","args":{"city":"Paris"}}},{"functionCall":{"id":"toolu_01B","name":"get_weather","args":{"city":"Rome"}}}]},
                {"role":"user","parts":[{"functionResponse":{"id":"toolu_01A","name":"get_weather","response":{"output":"18°C, clear"}}},{"functionResponse":{"id":"toolu_01B","name":"get_weather","response":{"error":"Station offline"}}},{"text":"Summarise in one line."}]}
              ],
              "tools": [{"functionDeclarations":[{"name":"get_weather","description":"Weather by city","parameters":{"type":"OBJECT","properties":{"city":{"type":"STRING"}},"required":["city"]}}]}],
              "toolConfig": {"functionCallingConfig":{"mode":"AUTO"}},
              "generationConfig": {"maxOutputTokens":2048,"stopSequences":["END","STOP"],"thinkingConfig":{"thinkingBudget":1024,"includeThoughts":false}}
            }
            """#
        }
    }
}
