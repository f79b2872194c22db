// Expected output for an OpenAI Responses client, for every provider. Reviewed by hand against
// shared/wire-formats.md and checked semantically by the client tests; regenerate only after such a review.

enum ResponsesGoldens {
    /// The exact client bytes for each provider transcript (`created`/`created_at` fixed at 1767225600).
    static func stream(_ provider: Provider, _ transcript: Transcript) -> String {
        switch (provider, transcript) {
        case (.openAI, .text):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_CqText7Fq2","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_CqText7Fq2","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_CqText7Fq2_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_CqText7Fq2_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_CqText7Fq2_0","output_index":0,"content_index":0,"delta":"Bonjour, \"monde\"!","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_CqText7Fq2_0","output_index":0,"content_index":0,"delta":"\nÇa va? 🗼","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_CqText7Fq2_0","output_index":0,"content_index":0,"text":"Bonjour, \"monde\"!\nÇa va? 🗼","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_CqText7Fq2_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Bonjour, \"monde\"!\nÇa va? 🗼"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_CqText7Fq2_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Bonjour, \"monde\"!\nÇa va? 🗼"}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_CqText7Fq2","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_CqText7Fq2_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Bonjour, \"monde\"!\nÇa va? 🗼"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":12,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":9,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":21},"user":null,"metadata":{}}}


            """#
        case (.openAI, .parallelTools):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_CqTools9Lm","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_CqTools9Lm","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"fc_CqTools9Lm_0","type":"function_call","status":"in_progress","arguments":"","call_id":"call_K9dPzW3aQ1","name":"get_weather"}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":3,"output_index":1,"item":{"id":"fc_CqTools9Lm_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_R2xTmB8vN4","name":"get_weather"}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":4,"item_id":"fc_CqTools9Lm_0","output_index":0,"delta":"{\"city\":"}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":5,"item_id":"fc_CqTools9Lm_1","output_index":1,"delta":"{\"city\":\"Rome\","}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":6,"item_id":"fc_CqTools9Lm_0","output_index":0,"delta":"\"Paris\"}"}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":7,"item_id":"fc_CqTools9Lm_1","output_index":1,"delta":"\"unit\":\"celsius\"}"}

            event: response.function_call_arguments.done
            data: {"type":"response.function_call_arguments.done","sequence_number":8,"item_id":"fc_CqTools9Lm_0","output_index":0,"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":9,"output_index":0,"item":{"id":"fc_CqTools9Lm_0","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_K9dPzW3aQ1","name":"get_weather"}}

            event: response.function_call_arguments.done
            data: {"type":"response.function_call_arguments.done","sequence_number":10,"item_id":"fc_CqTools9Lm_1","output_index":1,"name":"get_weather","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}"}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":11,"output_index":1,"item":{"id":"fc_CqTools9Lm_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}","call_id":"call_R2xTmB8vN4","name":"get_weather"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":12,"response":{"id":"resp_CqTools9Lm","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"fc_CqTools9Lm_0","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_K9dPzW3aQ1","name":"get_weather"},{"id":"fc_CqTools9Lm_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}","call_id":"call_R2xTmB8vN4","name":"get_weather"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":85,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":125},"user":null,"metadata":{}}}


            """#
        case (.openAI, .textThenTool):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_CqTxtTool3","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_CqTxtTool3","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_CqTxtTool3_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_CqTxtTool3_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_CqTxtTool3_0","output_index":0,"content_index":0,"delta":"Let me check","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_CqTxtTool3_0","output_index":0,"content_index":0,"delta":" the weather.","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_CqTxtTool3_0","output_index":0,"content_index":0,"text":"Let me check the weather.","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_CqTxtTool3_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Let me check the weather."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_CqTxtTool3_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Let me check the weather."}],"role":"assistant"}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":9,"output_index":1,"item":{"id":"fc_CqTxtTool3_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_W7fHqL2pZ0","name":"get_weather"}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":10,"item_id":"fc_CqTxtTool3_1","output_index":1,"delta":"{\"ci"}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":11,"item_id":"fc_CqTxtTool3_1","output_index":1,"delta":"ty\":\"Paris\"}"}

            event: response.function_call_arguments.done
            data: {"type":"response.function_call_arguments.done","sequence_number":12,"item_id":"fc_CqTxtTool3_1","output_index":1,"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":13,"output_index":1,"item":{"id":"fc_CqTxtTool3_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_W7fHqL2pZ0","name":"get_weather"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":14,"response":{"id":"resp_CqTxtTool3","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_CqTxtTool3_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Let me check the weather."}],"role":"assistant"},{"id":"fc_CqTxtTool3_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_W7fHqL2pZ0","name":"get_weather"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":60,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":22,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":82},"user":null,"metadata":{}}}


            """#
        case (.openAI, .stopSequence):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_8f1c2b0e6c9a4f7e","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_8f1c2b0e6c9a4f7e","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_8f1c2b0e6c9a4f7e_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_8f1c2b0e6c9a4f7e_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_8f1c2b0e6c9a4f7e_0","output_index":0,"content_index":0,"delta":"1, 2, 3","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":5,"item_id":"msg_8f1c2b0e6c9a4f7e_0","output_index":0,"content_index":0,"text":"1, 2, 3","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":6,"item_id":"msg_8f1c2b0e6c9a4f7e_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"1, 2, 3"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":7,"output_index":0,"item":{"id":"msg_8f1c2b0e6c9a4f7e_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"1, 2, 3"}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":8,"response":{"id":"resp_8f1c2b0e6c9a4f7e","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_8f1c2b0e6c9a4f7e_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"1, 2, 3"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":20,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":5,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":25},"user":null,"metadata":{}}}


            """#
        case (.openAI, .maxTokens):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_CqMax4Rv","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_CqMax4Rv","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_CqMax4Rv_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_CqMax4Rv_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_CqMax4Rv_0","output_index":0,"content_index":0,"delta":"Once upon a time,","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_CqMax4Rv_0","output_index":0,"content_index":0,"delta":" in a","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_CqMax4Rv_0","output_index":0,"content_index":0,"text":"Once upon a time, in a","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_CqMax4Rv_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_CqMax4Rv_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}],"role":"assistant"}}

            event: response.incomplete
            data: {"type":"response.incomplete","sequence_number":9,"response":{"id":"resp_CqMax4Rv","object":"response","created_at":1767225600,"status":"incomplete","background":false,"error":null,"incomplete_details":{"reason":"max_output_tokens"},"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_CqMax4Rv_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":8,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":16,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":24},"user":null,"metadata":{}}}


            """#
        case (.openAI, .errorMidStream):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_CqErr5Xw","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_CqErr5Xw","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_CqErr5Xw_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_CqErr5Xw_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_CqErr5Xw_0","output_index":0,"content_index":0,"delta":"Here is","logprobs":[]}

            event: response.failed
            data: {"type":"response.failed","sequence_number":5,"response":{"id":"resp_CqErr5Xw","object":"response","created_at":1767225600,"status":"failed","background":false,"error":{"code":"server_error","message":"The server had an error while processing your request. Sorry about that!"},"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_CqErr5Xw_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Here is"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}


            """#
        case (.openAI, .cachedUsage):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_CqCache6Ty","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_CqCache6Ty","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_CqCache6Ty_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_CqCache6Ty_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_CqCache6Ty_0","output_index":0,"content_index":0,"delta":"Section 4.2 says the fee is waived.","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":5,"item_id":"msg_CqCache6Ty_0","output_index":0,"content_index":0,"text":"Section 4.2 says the fee is waived.","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":6,"item_id":"msg_CqCache6Ty_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Section 4.2 says the fee is waived."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":7,"output_index":0,"item":{"id":"msg_CqCache6Ty_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Section 4.2 says the fee is waived."}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":8,"response":{"id":"resp_CqCache6Ty","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_CqCache6Ty_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Section 4.2 says the fee is waived."}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":2100,"input_tokens_details":{"cached_tokens":2048,"cache_write_tokens":0},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":2140},"user":null,"metadata":{}}}


            """#
        case (.openAI, .cutOff):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_CqCut8Pz","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_CqCut8Pz","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_CqCut8Pz_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_CqCut8Pz_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_CqCut8Pz_0","output_index":0,"content_index":0,"delta":"Half an","logprobs":[]}

            event: response.failed
            data: {"type":"response.failed","sequence_number":5,"response":{"id":"resp_CqCut8Pz","object":"response","created_at":1767225600,"status":"failed","background":false,"error":{"code":"server_error","message":"The provider's answer could not be read: the stream ended before the provider finished its answer."},"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_CqCut8Pz_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Half an"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}


            """#
        case (.openAI, .thinking):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"rs_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_0","type":"reasoning","summary":[]}}

            event: response.reasoning_summary_part.added
            data: {"type":"response.reasoning_summary_part.added","sequence_number":3,"item_id":"rs_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_0","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":""}}

            event: response.reasoning_summary_text.delta
            data: {"type":"response.reasoning_summary_text.delta","sequence_number":4,"item_id":"rs_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_0","output_index":0,"summary_index":0,"delta":"The user wants"}

            event: response.reasoning_summary_text.delta
            data: {"type":"response.reasoning_summary_text.delta","sequence_number":5,"item_id":"rs_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_0","output_index":0,"summary_index":0,"delta":" a haiku."}

            event: response.reasoning_summary_text.done
            data: {"type":"response.reasoning_summary_text.done","sequence_number":6,"item_id":"rs_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_0","output_index":0,"summary_index":0,"text":"The user wants a haiku."}

            event: response.reasoning_summary_part.done
            data: {"type":"response.reasoning_summary_part.done","sequence_number":7,"item_id":"rs_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_0","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":"The user wants a haiku."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"rs_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_0","type":"reasoning","summary":[{"type":"summary_text","text":"The user wants a haiku."}]}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":9,"output_index":1,"item":{"id":"msg_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_1","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":10,"item_id":"msg_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_1","output_index":1,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":11,"item_id":"msg_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_1","output_index":1,"content_index":0,"delta":"Autumn moonlight—\n","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":12,"item_id":"msg_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_1","output_index":1,"content_index":0,"delta":"a worm digs silently\ninto the chestnut.","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":13,"item_id":"msg_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_1","output_index":1,"content_index":0,"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut.","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":14,"item_id":"msg_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_1","output_index":1,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":15,"output_index":1,"item":{"id":"msg_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_1","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":16,"response":{"id":"resp_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"rs_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_0","type":"reasoning","summary":[{"type":"summary_text","text":"The user wants a haiku."}]},{"id":"msg_5f7a3e1c2b4d4e6f8a9b0c1d2e3f4a5b_1","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":11,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":60,"output_tokens_details":{"reasoning_tokens":43},"total_tokens":71},"user":null,"metadata":{}}}


            """#
        case (.anthropic, .text):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_01TxtBq7vKd2","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_01TxtBq7vKd2","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_01TxtBq7vKd2_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_01TxtBq7vKd2_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_01TxtBq7vKd2_0","output_index":0,"content_index":0,"delta":"Bonjour, \"monde\"!","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_01TxtBq7vKd2_0","output_index":0,"content_index":0,"delta":"\nÇa va? 🗼","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_01TxtBq7vKd2_0","output_index":0,"content_index":0,"text":"Bonjour, \"monde\"!\nÇa va? 🗼","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_01TxtBq7vKd2_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Bonjour, \"monde\"!\nÇa va? 🗼"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_01TxtBq7vKd2_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Bonjour, \"monde\"!\nÇa va? 🗼"}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_01TxtBq7vKd2","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_01TxtBq7vKd2_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Bonjour, \"monde\"!\nÇa va? 🗼"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":12,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":9,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":21},"user":null,"metadata":{}}}


            """#
        case (.anthropic, .parallelTools):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_01ToolsPq3Lx","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_01ToolsPq3Lx","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"fc_01ToolsPq3Lx_0","type":"function_call","status":"in_progress","arguments":"","call_id":"toolu_01ParisK9dPzW","name":"get_weather"}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":3,"item_id":"fc_01ToolsPq3Lx_0","output_index":0,"delta":"{\"city\": \"Pa"}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":4,"item_id":"fc_01ToolsPq3Lx_0","output_index":0,"delta":"ris\"}"}

            event: response.function_call_arguments.done
            data: {"type":"response.function_call_arguments.done","sequence_number":5,"item_id":"fc_01ToolsPq3Lx_0","output_index":0,"name":"get_weather","arguments":"{\"city\": \"Paris\"}"}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":6,"output_index":0,"item":{"id":"fc_01ToolsPq3Lx_0","type":"function_call","status":"completed","arguments":"{\"city\": \"Paris\"}","call_id":"toolu_01ParisK9dPzW","name":"get_weather"}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":7,"output_index":1,"item":{"id":"fc_01ToolsPq3Lx_1","type":"function_call","status":"in_progress","arguments":"","call_id":"toolu_01RomeR2xTmB","name":"get_weather"}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":8,"item_id":"fc_01ToolsPq3Lx_1","output_index":1,"delta":"{\"city\": \"Rome\", \"unit\": \"celsius\"}"}

            event: response.function_call_arguments.done
            data: {"type":"response.function_call_arguments.done","sequence_number":9,"item_id":"fc_01ToolsPq3Lx_1","output_index":1,"name":"get_weather","arguments":"{\"city\": \"Rome\", \"unit\": \"celsius\"}"}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":10,"output_index":1,"item":{"id":"fc_01ToolsPq3Lx_1","type":"function_call","status":"completed","arguments":"{\"city\": \"Rome\", \"unit\": \"celsius\"}","call_id":"toolu_01RomeR2xTmB","name":"get_weather"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":11,"response":{"id":"resp_01ToolsPq3Lx","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"fc_01ToolsPq3Lx_0","type":"function_call","status":"completed","arguments":"{\"city\": \"Paris\"}","call_id":"toolu_01ParisK9dPzW","name":"get_weather"},{"id":"fc_01ToolsPq3Lx_1","type":"function_call","status":"completed","arguments":"{\"city\": \"Rome\", \"unit\": \"celsius\"}","call_id":"toolu_01RomeR2xTmB","name":"get_weather"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":85,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":125},"user":null,"metadata":{}}}


            """#
        case (.anthropic, .textThenTool):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_01TxtToolW7f","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_01TxtToolW7f","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_01TxtToolW7f_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_01TxtToolW7f_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_01TxtToolW7f_0","output_index":0,"content_index":0,"delta":"Let me check","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_01TxtToolW7f_0","output_index":0,"content_index":0,"delta":" the weather.","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_01TxtToolW7f_0","output_index":0,"content_index":0,"text":"Let me check the weather.","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_01TxtToolW7f_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Let me check the weather."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_01TxtToolW7f_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Let me check the weather."}],"role":"assistant"}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":9,"output_index":1,"item":{"id":"fc_01TxtToolW7f_1","type":"function_call","status":"in_progress","arguments":"","call_id":"toolu_01WeatherW7fHq","name":"get_weather"}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":10,"item_id":"fc_01TxtToolW7f_1","output_index":1,"delta":"{\"city\": \"Paris\"}"}

            event: response.function_call_arguments.done
            data: {"type":"response.function_call_arguments.done","sequence_number":11,"item_id":"fc_01TxtToolW7f_1","output_index":1,"name":"get_weather","arguments":"{\"city\": \"Paris\"}"}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":12,"output_index":1,"item":{"id":"fc_01TxtToolW7f_1","type":"function_call","status":"completed","arguments":"{\"city\": \"Paris\"}","call_id":"toolu_01WeatherW7fHq","name":"get_weather"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":13,"response":{"id":"resp_01TxtToolW7f","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_01TxtToolW7f_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Let me check the weather."}],"role":"assistant"},{"id":"fc_01TxtToolW7f_1","type":"function_call","status":"completed","arguments":"{\"city\": \"Paris\"}","call_id":"toolu_01WeatherW7fHq","name":"get_weather"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":60,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":22,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":82},"user":null,"metadata":{}}}


            """#
        case (.anthropic, .stopSequence):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_01StopSeqE4d","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_01StopSeqE4d","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_01StopSeqE4d_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_01StopSeqE4d_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_01StopSeqE4d_0","output_index":0,"content_index":0,"delta":"1, 2, 3","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":5,"item_id":"msg_01StopSeqE4d_0","output_index":0,"content_index":0,"text":"1, 2, 3","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":6,"item_id":"msg_01StopSeqE4d_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"1, 2, 3"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":7,"output_index":0,"item":{"id":"msg_01StopSeqE4d_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"1, 2, 3"}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":8,"response":{"id":"resp_01StopSeqE4d","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_01StopSeqE4d_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"1, 2, 3"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":20,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":5,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":25},"user":null,"metadata":{}}}


            """#
        case (.anthropic, .maxTokens):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_01MaxTokR4v","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_01MaxTokR4v","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_01MaxTokR4v_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_01MaxTokR4v_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_01MaxTokR4v_0","output_index":0,"content_index":0,"delta":"Once upon a time,","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_01MaxTokR4v_0","output_index":0,"content_index":0,"delta":" in a","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_01MaxTokR4v_0","output_index":0,"content_index":0,"text":"Once upon a time, in a","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_01MaxTokR4v_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_01MaxTokR4v_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}],"role":"assistant"}}

            event: response.incomplete
            data: {"type":"response.incomplete","sequence_number":9,"response":{"id":"resp_01MaxTokR4v","object":"response","created_at":1767225600,"status":"incomplete","background":false,"error":null,"incomplete_details":{"reason":"max_output_tokens"},"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_01MaxTokR4v_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":8,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":16,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":24},"user":null,"metadata":{}}}


            """#
        case (.anthropic, .errorMidStream):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_01ErrOv5Xw","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_01ErrOv5Xw","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_01ErrOv5Xw_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_01ErrOv5Xw_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_01ErrOv5Xw_0","output_index":0,"content_index":0,"delta":"Here is","logprobs":[]}

            event: response.failed
            data: {"type":"response.failed","sequence_number":5,"response":{"id":"resp_01ErrOv5Xw","object":"response","created_at":1767225600,"status":"failed","background":false,"error":{"code":"server_error","message":"Overloaded"},"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_01ErrOv5Xw_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Here is"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":14,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":1,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":15},"user":null,"metadata":{}}}


            """#
        case (.anthropic, .cachedUsage):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_01CacheT6y","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_01CacheT6y","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_01CacheT6y_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_01CacheT6y_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_01CacheT6y_0","output_index":0,"content_index":0,"delta":"Section 4.2 says the fee is waived.","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":5,"item_id":"msg_01CacheT6y_0","output_index":0,"content_index":0,"text":"Section 4.2 says the fee is waived.","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":6,"item_id":"msg_01CacheT6y_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Section 4.2 says the fee is waived."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":7,"output_index":0,"item":{"id":"msg_01CacheT6y_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Section 4.2 says the fee is waived."}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":8,"response":{"id":"resp_01CacheT6y","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_01CacheT6y_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Section 4.2 says the fee is waived."}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":2100,"input_tokens_details":{"cached_tokens":2048,"cache_write_tokens":12},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":2140},"user":null,"metadata":{}}}


            """#
        case (.anthropic, .cutOff):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_01CutP8z","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_01CutP8z","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_01CutP8z_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_01CutP8z_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_01CutP8z_0","output_index":0,"content_index":0,"delta":"Half an","logprobs":[]}

            event: response.failed
            data: {"type":"response.failed","sequence_number":5,"response":{"id":"resp_01CutP8z","object":"response","created_at":1767225600,"status":"failed","background":false,"error":{"code":"server_error","message":"The provider's stream ended before the answer was complete."},"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_01CutP8z_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Half an"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":9,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":1,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":10},"user":null,"metadata":{}}}


            """#
        case (.anthropic, .thinking):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_01ThinkH4k","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_01ThinkH4k","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"rs_01ThinkH4k_0","type":"reasoning","summary":[]}}

            event: response.reasoning_summary_part.added
            data: {"type":"response.reasoning_summary_part.added","sequence_number":3,"item_id":"rs_01ThinkH4k_0","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":""}}

            event: response.reasoning_summary_text.delta
            data: {"type":"response.reasoning_summary_text.delta","sequence_number":4,"item_id":"rs_01ThinkH4k_0","output_index":0,"summary_index":0,"delta":"The user wants"}

            event: response.reasoning_summary_text.delta
            data: {"type":"response.reasoning_summary_text.delta","sequence_number":5,"item_id":"rs_01ThinkH4k_0","output_index":0,"summary_index":0,"delta":" a haiku."}

            event: response.reasoning_summary_text.done
            data: {"type":"response.reasoning_summary_text.done","sequence_number":6,"item_id":"rs_01ThinkH4k_0","output_index":0,"summary_index":0,"text":"The user wants a haiku."}

            event: response.reasoning_summary_part.done
            data: {"type":"response.reasoning_summary_part.done","sequence_number":7,"item_id":"rs_01ThinkH4k_0","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":"The user wants a haiku."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"rs_01ThinkH4k_0","type":"reasoning","summary":[{"type":"summary_text","text":"The user wants a haiku."}]}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":9,"output_index":1,"item":{"id":"msg_01ThinkH4k_1","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":10,"item_id":"msg_01ThinkH4k_1","output_index":1,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":11,"item_id":"msg_01ThinkH4k_1","output_index":1,"content_index":0,"delta":"Autumn moonlight—\n","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":12,"item_id":"msg_01ThinkH4k_1","output_index":1,"content_index":0,"delta":"a worm digs silently\ninto the chestnut.","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":13,"item_id":"msg_01ThinkH4k_1","output_index":1,"content_index":0,"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut.","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":14,"item_id":"msg_01ThinkH4k_1","output_index":1,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":15,"output_index":1,"item":{"id":"msg_01ThinkH4k_1","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":16,"response":{"id":"resp_01ThinkH4k","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"rs_01ThinkH4k_0","type":"reasoning","summary":[{"type":"summary_text","text":"The user wants a haiku."}]},{"id":"msg_01ThinkH4k_1","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":11,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":60,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":71},"user":null,"metadata":{}}}


            """#
        case (.gemini, .text):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_Xk9vaPTxLpG2z7IPq8fL4Qc","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_Xk9vaPTxLpG2z7IPq8fL4Qc","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_Xk9vaPTxLpG2z7IPq8fL4Qc_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_Xk9vaPTxLpG2z7IPq8fL4Qc_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_Xk9vaPTxLpG2z7IPq8fL4Qc_0","output_index":0,"content_index":0,"delta":"Bonjour, \"monde\"!","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_Xk9vaPTxLpG2z7IPq8fL4Qc_0","output_index":0,"content_index":0,"delta":"\nÇa va? 🗼","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_Xk9vaPTxLpG2z7IPq8fL4Qc_0","output_index":0,"content_index":0,"text":"Bonjour, \"monde\"!\nÇa va? 🗼","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_Xk9vaPTxLpG2z7IPq8fL4Qc_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Bonjour, \"monde\"!\nÇa va? 🗼"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_Xk9vaPTxLpG2z7IPq8fL4Qc_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Bonjour, \"monde\"!\nÇa va? 🗼"}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_Xk9vaPTxLpG2z7IPq8fL4Qc","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_Xk9vaPTxLpG2z7IPq8fL4Qc_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Bonjour, \"monde\"!\nÇa va? 🗼"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":12,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":9,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":21},"user":null,"metadata":{}}}


            """#
        case (.gemini, .parallelTools):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_x3OvaK2aBr2Oz7IP9sK5oQk","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_x3OvaK2aBr2Oz7IP9sK5oQk","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"fc_x3OvaK2aBr2Oz7IP9sK5oQk_0","type":"function_call","status":"in_progress","arguments":"","call_id":"call_x3OvaK2aBr2Oz7IP9sK5oQk_0__thought__CiQBcsjafE1-Zk_8Q_vv","name":"get_weather"}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":3,"item_id":"fc_x3OvaK2aBr2Oz7IP9sK5oQk_0","output_index":0,"delta":"{\"city\":\"Paris\"}"}

            event: response.function_call_arguments.done
            data: {"type":"response.function_call_arguments.done","sequence_number":4,"item_id":"fc_x3OvaK2aBr2Oz7IP9sK5oQk_0","output_index":0,"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":5,"output_index":0,"item":{"id":"fc_x3OvaK2aBr2Oz7IP9sK5oQk_0","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_x3OvaK2aBr2Oz7IP9sK5oQk_0__thought__CiQBcsjafE1-Zk_8Q_vv","name":"get_weather"}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":6,"output_index":1,"item":{"id":"fc_x3OvaK2aBr2Oz7IP9sK5oQk_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_x3OvaK2aBr2Oz7IP9sK5oQk_1","name":"get_weather"}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":7,"item_id":"fc_x3OvaK2aBr2Oz7IP9sK5oQk_1","output_index":1,"delta":"{\"city\":\"Rome\",\"unit\":\"celsius\"}"}

            event: response.function_call_arguments.done
            data: {"type":"response.function_call_arguments.done","sequence_number":8,"item_id":"fc_x3OvaK2aBr2Oz7IP9sK5oQk_1","output_index":1,"name":"get_weather","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}"}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":9,"output_index":1,"item":{"id":"fc_x3OvaK2aBr2Oz7IP9sK5oQk_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}","call_id":"call_x3OvaK2aBr2Oz7IP9sK5oQk_1","name":"get_weather"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":10,"response":{"id":"resp_x3OvaK2aBr2Oz7IP9sK5oQk","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"fc_x3OvaK2aBr2Oz7IP9sK5oQk_0","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_x3OvaK2aBr2Oz7IP9sK5oQk_0__thought__CiQBcsjafE1-Zk_8Q_vv","name":"get_weather"},{"id":"fc_x3OvaK2aBr2Oz7IP9sK5oQk_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}","call_id":"call_x3OvaK2aBr2Oz7IP9sK5oQk_1","name":"get_weather"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":85,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":20},"total_tokens":125},"user":null,"metadata":{}}}


            """#
        case (.gemini, .textThenTool):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_Tt7vaMq2Hc6Oz7IPw5yB8Aw","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_Tt7vaMq2Hc6Oz7IPw5yB8Aw","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","output_index":0,"content_index":0,"delta":"Let me check","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","output_index":0,"content_index":0,"delta":" the weather.","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","output_index":0,"content_index":0,"text":"Let me check the weather.","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Let me check the weather."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Let me check the weather."}],"role":"assistant"}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":9,"output_index":1,"item":{"id":"fc_Tt7vaMq2Hc6Oz7IPw5yB8Aw_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","name":"get_weather"}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":10,"item_id":"fc_Tt7vaMq2Hc6Oz7IPw5yB8Aw_1","output_index":1,"delta":"{\"city\":\"Paris\"}"}

            event: response.function_call_arguments.done
            data: {"type":"response.function_call_arguments.done","sequence_number":11,"item_id":"fc_Tt7vaMq2Hc6Oz7IPw5yB8Aw_1","output_index":1,"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":12,"output_index":1,"item":{"id":"fc_Tt7vaMq2Hc6Oz7IPw5yB8Aw_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","name":"get_weather"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":13,"response":{"id":"resp_Tt7vaMq2Hc6Oz7IPw5yB8Aw","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Let me check the weather."}],"role":"assistant"},{"id":"fc_Tt7vaMq2Hc6Oz7IPw5yB8Aw_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0","name":"get_weather"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":60,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":22,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":82},"user":null,"metadata":{}}}


            """#
        case (.gemini, .stopSequence):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_Ss2vaLk8Yd4Oz7IPe3nC9Bx","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_Ss2vaLk8Yd4Oz7IPe3nC9Bx","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_Ss2vaLk8Yd4Oz7IPe3nC9Bx_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_Ss2vaLk8Yd4Oz7IPe3nC9Bx_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_Ss2vaLk8Yd4Oz7IPe3nC9Bx_0","output_index":0,"content_index":0,"delta":"1, 2, 3","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":5,"item_id":"msg_Ss2vaLk8Yd4Oz7IPe3nC9Bx_0","output_index":0,"content_index":0,"text":"1, 2, 3","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":6,"item_id":"msg_Ss2vaLk8Yd4Oz7IPe3nC9Bx_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"1, 2, 3"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":7,"output_index":0,"item":{"id":"msg_Ss2vaLk8Yd4Oz7IPe3nC9Bx_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"1, 2, 3"}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":8,"response":{"id":"resp_Ss2vaLk8Yd4Oz7IPe3nC9Bx","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_Ss2vaLk8Yd4Oz7IPe3nC9Bx_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"1, 2, 3"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":20,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":5,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":25},"user":null,"metadata":{}}}


            """#
        case (.gemini, .maxTokens):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_Mm4vaRt6Wf2Oz7IPk9pD1Cy","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_Mm4vaRt6Wf2Oz7IPk9pD1Cy","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_Mm4vaRt6Wf2Oz7IPk9pD1Cy_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_Mm4vaRt6Wf2Oz7IPk9pD1Cy_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_Mm4vaRt6Wf2Oz7IPk9pD1Cy_0","output_index":0,"content_index":0,"delta":"Once upon a time,","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_Mm4vaRt6Wf2Oz7IPk9pD1Cy_0","output_index":0,"content_index":0,"delta":" in a","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_Mm4vaRt6Wf2Oz7IPk9pD1Cy_0","output_index":0,"content_index":0,"text":"Once upon a time, in a","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_Mm4vaRt6Wf2Oz7IPk9pD1Cy_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_Mm4vaRt6Wf2Oz7IPk9pD1Cy_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}],"role":"assistant"}}

            event: response.incomplete
            data: {"type":"response.incomplete","sequence_number":9,"response":{"id":"resp_Mm4vaRt6Wf2Oz7IPk9pD1Cy","object":"response","created_at":1767225600,"status":"incomplete","background":false,"error":null,"incomplete_details":{"reason":"max_output_tokens"},"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_Mm4vaRt6Wf2Oz7IPk9pD1Cy_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":8,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":16,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":24},"user":null,"metadata":{}}}


            """#
        case (.gemini, .errorMidStream):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_Ee8vaNp3Qs1Oz7IPh6tE2Dz","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_Ee8vaNp3Qs1Oz7IPh6tE2Dz","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_Ee8vaNp3Qs1Oz7IPh6tE2Dz_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_Ee8vaNp3Qs1Oz7IPh6tE2Dz_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_Ee8vaNp3Qs1Oz7IPh6tE2Dz_0","output_index":0,"content_index":0,"delta":"Here is","logprobs":[]}

            event: response.failed
            data: {"type":"response.failed","sequence_number":5,"response":{"id":"resp_Ee8vaNp3Qs1Oz7IPh6tE2Dz","object":"response","created_at":1767225600,"status":"failed","background":false,"error":{"code":"server_error","message":"The provider is overloaded or unavailable: The model is overloaded. Please try again later."},"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_Ee8vaNp3Qs1Oz7IPh6tE2Dz_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Here is"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":14,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":0,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":14},"user":null,"metadata":{}}}


            """#
        case (.gemini, .cachedUsage):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_Cc5vaBv9Ug7Oz7IPm2rF3Ea","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_Cc5vaBv9Ug7Oz7IPm2rF3Ea","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_Cc5vaBv9Ug7Oz7IPm2rF3Ea_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_Cc5vaBv9Ug7Oz7IPm2rF3Ea_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_Cc5vaBv9Ug7Oz7IPm2rF3Ea_0","output_index":0,"content_index":0,"delta":"Section 4.2 says the fee is waived.","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":5,"item_id":"msg_Cc5vaBv9Ug7Oz7IPm2rF3Ea_0","output_index":0,"content_index":0,"text":"Section 4.2 says the fee is waived.","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":6,"item_id":"msg_Cc5vaBv9Ug7Oz7IPm2rF3Ea_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Section 4.2 says the fee is waived."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":7,"output_index":0,"item":{"id":"msg_Cc5vaBv9Ug7Oz7IPm2rF3Ea_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Section 4.2 says the fee is waived."}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":8,"response":{"id":"resp_Cc5vaBv9Ug7Oz7IPm2rF3Ea","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_Cc5vaBv9Ug7Oz7IPm2rF3Ea_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Section 4.2 says the fee is waived."}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":2100,"input_tokens_details":{"cached_tokens":2048,"cache_write_tokens":0},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":2140},"user":null,"metadata":{}}}


            """#
        case (.gemini, .cutOff):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_Uu1vaZc4Ih8Oz7IPp7sG4Fb","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_Uu1vaZc4Ih8Oz7IPp7sG4Fb","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_Uu1vaZc4Ih8Oz7IPp7sG4Fb_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_Uu1vaZc4Ih8Oz7IPp7sG4Fb_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_Uu1vaZc4Ih8Oz7IPp7sG4Fb_0","output_index":0,"content_index":0,"delta":"Half an","logprobs":[]}

            event: response.failed
            data: {"type":"response.failed","sequence_number":5,"response":{"id":"resp_Uu1vaZc4Ih8Oz7IPp7sG4Fb","object":"response","created_at":1767225600,"status":"failed","background":false,"error":{"code":"server_error","message":"The provider's stream ended before the answer was finished."},"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"msg_Uu1vaZc4Ih8Oz7IPp7sG4Fb_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Half an"}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":9,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":0,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":9},"user":null,"metadata":{}}}


            """#
        case (.gemini, .thinking):
            #"""
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_Hh6vaXn5Jk3Oz7IPr1uH5Gc","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_Hh6vaXn5Jk3Oz7IPr1uH5Gc","object":"response","created_at":1767225600,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"rs_Hh6vaXn5Jk3Oz7IPr1uH5Gc_0","type":"reasoning","summary":[]}}

            event: response.reasoning_summary_part.added
            data: {"type":"response.reasoning_summary_part.added","sequence_number":3,"item_id":"rs_Hh6vaXn5Jk3Oz7IPr1uH5Gc_0","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":""}}

            event: response.reasoning_summary_text.delta
            data: {"type":"response.reasoning_summary_text.delta","sequence_number":4,"item_id":"rs_Hh6vaXn5Jk3Oz7IPr1uH5Gc_0","output_index":0,"summary_index":0,"delta":"The user wants"}

            event: response.reasoning_summary_text.delta
            data: {"type":"response.reasoning_summary_text.delta","sequence_number":5,"item_id":"rs_Hh6vaXn5Jk3Oz7IPr1uH5Gc_0","output_index":0,"summary_index":0,"delta":" a haiku."}

            event: response.reasoning_summary_text.done
            data: {"type":"response.reasoning_summary_text.done","sequence_number":6,"item_id":"rs_Hh6vaXn5Jk3Oz7IPr1uH5Gc_0","output_index":0,"summary_index":0,"text":"The user wants a haiku."}

            event: response.reasoning_summary_part.done
            data: {"type":"response.reasoning_summary_part.done","sequence_number":7,"item_id":"rs_Hh6vaXn5Jk3Oz7IPr1uH5Gc_0","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":"The user wants a haiku."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"rs_Hh6vaXn5Jk3Oz7IPr1uH5Gc_0","type":"reasoning","summary":[{"type":"summary_text","text":"The user wants a haiku."}]}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":9,"output_index":1,"item":{"id":"msg_Hh6vaXn5Jk3Oz7IPr1uH5Gc_1","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":10,"item_id":"msg_Hh6vaXn5Jk3Oz7IPr1uH5Gc_1","output_index":1,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":11,"item_id":"msg_Hh6vaXn5Jk3Oz7IPr1uH5Gc_1","output_index":1,"content_index":0,"delta":"Autumn moonlight—\n","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":12,"item_id":"msg_Hh6vaXn5Jk3Oz7IPr1uH5Gc_1","output_index":1,"content_index":0,"delta":"a worm digs silently\ninto the chestnut.","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":13,"item_id":"msg_Hh6vaXn5Jk3Oz7IPr1uH5Gc_1","output_index":1,"content_index":0,"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut.","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":14,"item_id":"msg_Hh6vaXn5Jk3Oz7IPr1uH5Gc_1","output_index":1,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":15,"output_index":1,"item":{"id":"msg_Hh6vaXn5Jk3Oz7IPr1uH5Gc_1","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":16,"response":{"id":"resp_Hh6vaXn5Jk3Oz7IPr1uH5Gc","object":"response","created_at":1767225600,"status":"completed","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"acme/chat","output":[{"id":"rs_Hh6vaXn5Jk3Oz7IPr1uH5Gc_0","type":"reasoning","summary":[{"type":"summary_text","text":"The user wants a haiku."}]},{"id":"msg_Hh6vaXn5Jk3Oz7IPr1uH5Gc_1","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}],"role":"assistant"}],"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":{"input_tokens":11,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":60,"output_tokens_details":{"reasoning_tokens":43},"total_tokens":71},"user":null,"metadata":{}}}


            """#
        }
    }

    /// The client's JSON for each provider's non-streamed answer (compared as parsed JSON).
    static func response(_ provider: Provider, _ fixture: ResponseFixture) -> String {
        switch (provider, fixture) {
        case (.openAI, .text):
            #"""
            {
              "id": "resp_CqNsText1",
              "object": "response",
              "created_at": 1767225599,
              "status": "completed",
              "background": false,
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [{"id":"msg_CqNsText1_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"It is 18°C and clear in Paris."}],"role":"assistant"}],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":2100,"input_tokens_details":{"cached_tokens":2048,"cache_write_tokens":0},"output_tokens":11,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":2111},
              "user": null,
              "metadata": {}
            }
            """#
        case (.openAI, .toolCalls):
            #"""
            {
              "id": "resp_CqNsTools2",
              "object": "response",
              "created_at": 1767225599,
              "status": "completed",
              "background": false,
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [
                {"id":"msg_CqNsTools2_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Checking both cities."}],"role":"assistant"},
                {"id":"fc_CqNsTools2_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_A1b2C3","name":"get_weather"},
                {"id":"fc_CqNsTools2_2","type":"function_call","status":"completed","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}","call_id":"call_D4e5F6","name":"get_weather"}
              ],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":85,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":125},
              "user": null,
              "metadata": {}
            }
            """#
        case (.openAI, .maxTokens):
            #"""
            {
              "id": "resp_CqNsMax3",
              "object": "response",
              "created_at": 1767225599,
              "status": "incomplete",
              "background": false,
              "error": null,
              "incomplete_details": {"reason":"max_output_tokens"},
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [{"id":"msg_CqNsMax3_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}],"role":"assistant"}],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":8,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":16,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":24},
              "user": null,
              "metadata": {}
            }
            """#
        case (.openAI, .thinking):
            #"""
            {
              "id": "resp_8c2d4e6f1a3b4c5d9e7f0a1b2c3d4e5f",
              "object": "response",
              "created_at": 1767225599,
              "status": "completed",
              "background": false,
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [
                {"id":"rs_8c2d4e6f1a3b4c5d9e7f0a1b2c3d4e5f_0","type":"reasoning","summary":[{"type":"summary_text","text":"The user wants a haiku."}]},
                {"id":"msg_8c2d4e6f1a3b4c5d9e7f0a1b2c3d4e5f_1","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}],"role":"assistant"}
              ],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":11,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":60,"output_tokens_details":{"reasoning_tokens":43},"total_tokens":71},
              "user": null,
              "metadata": {}
            }
            """#
        case (.anthropic, .text):
            #"""
            {
              "id": "resp_01NsTextQ2w",
              "object": "response",
              "created_at": 1767225600,
              "status": "completed",
              "background": false,
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [{"id":"msg_01NsTextQ2w_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"It is 18°C and clear in Paris."}],"role":"assistant"}],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":2100,"input_tokens_details":{"cached_tokens":2048,"cache_write_tokens":12},"output_tokens":11,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":2111},
              "user": null,
              "metadata": {}
            }
            """#
        case (.anthropic, .toolCalls):
            #"""
            {
              "id": "resp_01NsToolsE3r",
              "object": "response",
              "created_at": 1767225600,
              "status": "completed",
              "background": false,
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [
                {"id":"msg_01NsToolsE3r_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Checking both cities."}],"role":"assistant"},
                {"id":"fc_01NsToolsE3r_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"toolu_01A1b2C3","name":"get_weather"},
                {"id":"fc_01NsToolsE3r_2","type":"function_call","status":"completed","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}","call_id":"toolu_01D4e5F6","name":"get_weather"}
              ],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":85,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":125},
              "user": null,
              "metadata": {}
            }
            """#
        case (.anthropic, .maxTokens):
            #"""
            {
              "id": "resp_01NsMaxT4y",
              "object": "response",
              "created_at": 1767225600,
              "status": "incomplete",
              "background": false,
              "error": null,
              "incomplete_details": {"reason":"max_output_tokens"},
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [{"id":"msg_01NsMaxT4y_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}],"role":"assistant"}],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":8,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":16,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":24},
              "user": null,
              "metadata": {}
            }
            """#
        case (.anthropic, .thinking):
            #"""
            {
              "id": "resp_01NsThinkR5u",
              "object": "response",
              "created_at": 1767225600,
              "status": "completed",
              "background": false,
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [
                {"id":"rs_01NsThinkR5u_0","type":"reasoning","summary":[{"type":"summary_text","text":"The user wants a haiku."}]},
                {"id":"msg_01NsThinkR5u_1","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}],"role":"assistant"}
              ],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":11,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":60,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":71},
              "user": null,
              "metadata": {}
            }
            """#
        case (.gemini, .text):
            #"""
            {
              "id": "resp_Nt1vaQw8Ze5Oz7IPs4vJ6Hd",
              "object": "response",
              "created_at": 1767225600,
              "status": "completed",
              "background": false,
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [{"id":"msg_Nt1vaQw8Ze5Oz7IPs4vJ6Hd_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"It is 18°C and clear in Paris."}],"role":"assistant"}],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":2100,"input_tokens_details":{"cached_tokens":2048,"cache_write_tokens":0},"output_tokens":11,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":2111},
              "user": null,
              "metadata": {}
            }
            """#
        case (.gemini, .toolCalls):
            #"""
            {
              "id": "resp_Nt2vaRe9Af6Oz7IPt5wK7Ie",
              "object": "response",
              "created_at": 1767225600,
              "status": "completed",
              "background": false,
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [
                {"id":"msg_Nt2vaRe9Af6Oz7IPt5wK7Ie_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Checking both cities."}],"role":"assistant"},
                {"id":"fc_Nt2vaRe9Af6Oz7IPt5wK7Ie_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_Nt2vaRe9Af6Oz7IPt5wK7Ie_0__thought__CiQBcsjafE1-Zk_8Q_vv","name":"get_weather"},
                {"id":"fc_Nt2vaRe9Af6Oz7IPt5wK7Ie_2","type":"function_call","status":"completed","arguments":"{\"city\":\"Rome\",\"unit\":\"celsius\"}","call_id":"call_Nt2vaRe9Af6Oz7IPt5wK7Ie_1","name":"get_weather"}
              ],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":85,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":20},"total_tokens":125},
              "user": null,
              "metadata": {}
            }
            """#
        case (.gemini, .maxTokens):
            #"""
            {
              "id": "resp_Nt3vaSf1Bg7Oz7IPu6xL8Jf",
              "object": "response",
              "created_at": 1767225600,
              "status": "incomplete",
              "background": false,
              "error": null,
              "incomplete_details": {"reason":"max_output_tokens"},
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [{"id":"msg_Nt3vaSf1Bg7Oz7IPu6xL8Jf_0","type":"message","status":"incomplete","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Once upon a time, in a"}],"role":"assistant"}],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":8,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":16,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":24},
              "user": null,
              "metadata": {}
            }
            """#
        case (.gemini, .thinking):
            #"""
            {
              "id": "resp_Nt4vaTg2Ch8Oz7IPv7yM9Kg",
              "object": "response",
              "created_at": 1767225600,
              "status": "completed",
              "background": false,
              "error": null,
              "incomplete_details": null,
              "instructions": null,
              "max_output_tokens": null,
              "max_tool_calls": null,
              "model": "acme/chat",
              "output": [
                {"id":"rs_Nt4vaTg2Ch8Oz7IPv7yM9Kg_0","type":"reasoning","summary":[{"type":"summary_text","text":"The user wants a haiku."}]},
                {"id":"msg_Nt4vaTg2Ch8Oz7IPv7yM9Kg_1","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Autumn moonlight—\na worm digs silently\ninto the chestnut."}],"role":"assistant"}
              ],
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "prompt_cache_key": null,
              "reasoning": {"effort":null,"summary":null},
              "safety_identifier": null,
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format":{"type":"text"},"verbosity":"medium"},
              "tool_choice": "auto",
              "tools": [],
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "usage": {"input_tokens":11,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":60,"output_tokens_details":{"reasoning_tokens":43},"total_tokens":71},
              "user": null,
              "metadata": {}
            }
            """#
        }
    }

    /// `ClientRequests.responses` as each provider receives it (compared as parsed JSON).
    static func request(_ provider: Provider) -> String {
        switch provider {
        case .openAI:
            #"""
            {
              "model": "gpt-4o-2024-08-06",
              "messages": [
                {"role":"system","content":"You are a weather bot."},
                {"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome? Also compare these photos."},{"type":"image_url","image_url":{"url":"https://example.com/photos/paris.png","detail":"auto"}},{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ=="}}]},
                {"role":"assistant","content":"Checking both.","tool_calls":[{"id":"call_A","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"call_B","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},
                {"role":"tool","tool_call_id":"call_A","content":"18°C, clear"},
                {"role":"tool","tool_call_id":"call_B","content":"{\"temp_c\": 24, \"sky\": \"sunny\"}"},
                {"role":"user","content":"Summarise in one line."}
              ],
              "max_tokens": 2048,
              "tools": [{"type":"function","function":{"name":"get_weather","description":"Weather by city","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":false}}],
              "tool_choice": "auto",
              "reasoning_effort": "low"
            }
            """#
        case .anthropic:
            // No `thinking` although the client asked for reasoning: the tool-use turn being answered has no signed thinking
            // block to replay, and Anthropic refuses thinking for such a turn (§11.18 #13; see RegressionTests).
            #"""
            {
              "model": "claude-sonnet-4-5-20250929",
              "max_tokens": 2048,
              "system": [{"type":"text","text":"You are a weather bot."}],
              "messages": [
                {"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome? Also compare these photos."},{"type":"image","source":{"type":"url","url":"https://example.com/photos/paris.png"}},{"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQSkZJRgABAQ=="}}]},
                {"role":"assistant","content":[{"type":"text","text":"Checking both."},{"type":"tool_use","id":"call_A","name":"get_weather","input":{"city":"Paris"}},{"type":"tool_use","id":"call_B","name":"get_weather","input":{"city":"Rome"}}]},
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_A","content":[{"type":"text","text":"18°C, clear"}]},{"type":"tool_result","tool_use_id":"call_B","content":[{"type":"text","text":"{\"temp_c\": 24, \"sky\": \"sunny\"}"}]},{"type":"text","text":"Summarise in one line."}]}
              ],
              "tools": [{"name":"get_weather","description":"Weather by city","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
              "tool_choice": {"type":"auto"}
            }
            """#
        case .gemini:
            #"""
            {
              "systemInstruction": {"parts":[{"text":"You are a weather bot."}]},
              "contents": [
                {"role":"user","parts":[{"text":"Weather in Paris and Rome? Also compare these photos."},{"fileData":{"mimeType":"image/png","fileUri":"https://example.com/photos/paris.png"}},{"inlineData":{"mimeType":"image/jpeg","data":"/9j/4AAQSkZJRgABAQ=="}}]},
                {"role":"model","parts":[{"text":"Checking both."},{"functionCall":{"id":"call_A","name":"get_weather","args":{"city":"Paris"}}},{"functionCall":{"id":"call_B","name":"get_weather","args":{"city":"Rome"}}}]},
                {"role":"user","parts":[{"functionResponse":{"id":"call_A","name":"get_weather","response":{"output":"18°C, clear"}}},{"functionResponse":{"id":"call_B","name":"get_weather","response":{"output":{"temp_c":24,"sky":"sunny"}}}},{"text":"Summarise in one line."}]}
              ],
              "tools": [{"functionDeclarations":[{"name":"get_weather","description":"Weather by city","parameters":{"type":"OBJECT","properties":{"city":{"type":"STRING"}},"required":["city"]}}]}],
              "toolConfig": {"functionCallingConfig":{"mode":"AUTO"}},
              "generationConfig": {"maxOutputTokens":2048,"thinkingConfig":{"thinkingBudget":1024,"includeThoughts":false}}
            }
            """#
        }
    }
}
