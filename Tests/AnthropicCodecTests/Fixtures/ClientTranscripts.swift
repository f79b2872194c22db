import Conversation
import TokModelCore

/// What the writer must send an Anthropic client, byte for byte, for given canonical events.
enum ClientTranscripts {
    /// ProviderTranscripts.text relayed: one ping after message_start (as Anthropic sends), the model is the client's, and message_delta
    /// repeats the input side of the usage.
    static let text = #"""
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_01TextA","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

        event: ping
        data: {"type":"ping"}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" there, Zoë 👋"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":12}}

        event: message_stop
        data: {"type":"message_stop"}


        """#

    /// ProviderTranscripts.thinkingTextTool relayed (the empty first `partial_json` is not repeated).
    static let thinkingTextTool = #"""
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_01Think","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":410,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":3}}}

        event: ping
        data: {"type":"ping"}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"The user wants the weather."}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" I should call get_weather."}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: content_block_start
        data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Let me check."}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":1}

        event: content_block_start
        data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather","input":{}}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Pa"}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"ris\"}"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":2}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":410,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":89}}

        event: message_stop
        data: {"type":"message_stop"}


        """#

    /// ProviderTranscripts.cachedUsage relayed: `input_tokens` stays the uncached part.
    static let cachedUsage = #"""
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_01Cache","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"cache_creation_input_tokens":1500,"cache_read_input_tokens":20000,"output_tokens":1}}}

        event: ping
        data: {"type":"ping"}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Cached."}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":12,"cache_creation_input_tokens":1500,"cache_read_input_tokens":20000,"output_tokens":80}}

        event: message_stop
        data: {"type":"message_stop"}


        """#

    /// ProviderTranscripts.errorMidStream relayed: the error event ends the stream.
    static let errorMidStream = #"""
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_01Err","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":30,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

        event: ping
        data: {"type":"ping"}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Partial"}}

        event: error
        data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}


        """#

    /// The canonical events an OpenAI Chat provider's stream becomes: text, then two parallel tool calls
    /// (canonical blocks 1 and 2, whatever OpenAI's `tool_calls[].index` was), the finish, and usage only
    /// at the very end (the `include_usage` chunk), with a cache hit.
    static func openAIStyle(finish: StopReason) -> [StreamEvent] {
        [
            .start(id: "chatcmpl-9xYz", model: "gpt-4o-2024-08-06"),
            .blockStart(index: 0, kind: .text),
            .textDelta(index: 0, text: "Checking both."),
            .blockStop(index: 0),
            .blockStart(index: 1, kind: .toolCall(id: "call_Wx1", name: "get_weather")),
            .toolArgumentsDelta(index: 1, json: #"{"city""#),
            .toolArgumentsDelta(index: 1, json: #":"Paris"}"#),
            .blockStop(index: 1),
            .blockStart(index: 2, kind: .toolCall(id: "call_Tk2", name: "get_time")),
            .toolArgumentsDelta(index: 2, json: #"{"zone":"Asia/Tokyo"}"#),
            .blockStop(index: 2),
            .finish(finish, stopSequence: nil),
            .usage(Usage(inputTokens: 120, outputTokens: 40, cachedInputTokens: 100)),
            .end,
        ]
    }

    /// What an Anthropic client receives for ``openAIStyle(finish:)``: message_start with zero usage (nothing
    /// is known yet), indices 0, 1, 2, `tool_use` as the stop reason, and the whole usage in message_delta.
    static let openAIStyleRelayed = #"""
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_chatcmpl-9xYz","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

        event: ping
        data: {"type":"ping"}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Checking both."}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: content_block_start
        data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_Wx1","name":"get_weather","input":{}}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":":\"Paris\"}"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":1}

        event: content_block_start
        data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"call_Tk2","name":"get_time","input":{}}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"zone\":\"Asia/Tokyo\"}"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":2}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":100,"output_tokens":40}}

        event: message_stop
        data: {"type":"message_stop"}


        """#
}
