/// One request per client dialect exercising what every translation must carry: system text, a multi-turn
/// conversation with an image by URL and an inline one, a tool definition, an assistant turn with text and two
/// tool calls, the results of both (then more user text in the same turn), stop sequences and an output limit.
/// Each also carries a few dialect-specific extras (noted) so that the table of translated features is tested.
enum ClientRequests {
    /// Chat Completions; extras: `temperature` 1.4 (above Anthropic's range), `parallel_tool_calls: false`,
    /// `user`, and a tool-call id that Anthropic rejects as it is (`functions.get_weather:1`, as vLLM and Kimi
    /// mint them).
    static let chat = #"""
        {
          "model": "acme/chat",
          "max_completion_tokens": 512,
          "temperature": 1.4,
          "stop": ["END", "STOP"],
          "user": "u-42",
          "messages": [
            {"role": "system", "content": "You are a weather bot."},
            {"role": "user", "content": [
              {"type": "text", "text": "Weather in Paris and Rome? Also compare these photos."},
              {"type": "image_url", "image_url": {"url": "https://example.com/photos/paris.png", "detail": "high"}},
              {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ=="}}
            ]},
            {"role": "assistant", "content": "Checking both.", "tool_calls": [
              {"id": "call_A", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}},
              {"id": "functions.get_weather:1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Rome\"}"}}
            ]},
            {"role": "tool", "tool_call_id": "call_A", "content": "18°C, clear"},
            {"role": "tool", "tool_call_id": "functions.get_weather:1", "content": "24°C, sunny"},
            {"role": "user", "content": "Summarise in one line."}
          ],
          "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather by city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}],
          "tool_choice": "auto",
          "parallel_tool_calls": false
        }
        """#

    /// Messages; extras: signed thinking in the assistant turn with thinking enabled (budget 1024), an error
    /// tool result, `metadata.user_id`, `disable_parallel_tool_use`. Anthropic has no data URLs: the inline
    /// image is a base64 source.
    static let messages = #"""
        {
          "model": "acme/chat",
          "max_tokens": 2048,
          "system": "You are a weather bot.",
          "stop_sequences": ["END", "STOP"],
          "thinking": {"type": "enabled", "budget_tokens": 1024},
          "metadata": {"user_id": "u-42"},
          "messages": [
            {"role": "user", "content": [
              {"type": "text", "text": "Weather in Paris and Rome? Also compare these photos."},
              {"type": "image", "source": {"type": "url", "url": "https://example.com/photos/paris.png"}},
              {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQSkZJRgABAQ=="}}
            ]},
            {"role": "assistant", "content": [
              {"type": "thinking", "thinking": "Two cities: two calls.", "signature": "EqQBCkgIBxABGAIiQHc3vR8="},
              {"type": "text", "text": "Checking both."},
              {"type": "tool_use", "id": "toolu_01A", "name": "get_weather", "input": {"city": "Paris"}},
              {"type": "tool_use", "id": "toolu_01B", "name": "get_weather", "input": {"city": "Rome"}}
            ]},
            {"role": "user", "content": [
              {"type": "tool_result", "tool_use_id": "toolu_01A", "content": "18°C, clear"},
              {"type": "tool_result", "tool_use_id": "toolu_01B", "content": [{"type": "text", "text": "Station offline"}], "is_error": true},
              {"type": "text", "text": "Summarise in one line."}
            ]}
          ],
          "tools": [{"name": "get_weather", "description": "Weather by city",
            "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}],
          "tool_choice": {"type": "auto", "disable_parallel_tool_use": true}
        }
        """#

    /// Responses; extras: `reasoning.effort`, a function output that is JSON text. The Responses API has no
    /// stop sequences, so this request has none.
    static let responses = #"""
        {
          "model": "acme/chat",
          "instructions": "You are a weather bot.",
          "max_output_tokens": 2048,
          "reasoning": {"effort": "low"},
          "input": [
            {"role": "user", "content": [
              {"type": "input_text", "text": "Weather in Paris and Rome? Also compare these photos."},
              {"type": "input_image", "image_url": "https://example.com/photos/paris.png", "detail": "auto"},
              {"type": "input_image", "image_url": "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ=="}
            ]},
            {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Checking both."}]},
            {"type": "function_call", "call_id": "call_A", "name": "get_weather", "arguments": "{\"city\":\"Paris\"}"},
            {"type": "function_call", "call_id": "call_B", "name": "get_weather", "arguments": "{\"city\":\"Rome\"}"},
            {"type": "function_call_output", "call_id": "call_A", "output": "18°C, clear"},
            {"type": "function_call_output", "call_id": "call_B", "output": "{\"temp_c\": 24, \"sky\": \"sunny\"}"},
            {"role": "user", "content": "Summarise in one line."}
          ],
          "tools": [{"type": "function", "name": "get_weather", "description": "Weather by city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}, "strict": false}],
          "tool_choice": "auto"
        }
        """#

    static func body(_ client: Client) -> String {
        switch client {
        case .chat: chat
        case .messages: messages
        case .responses: responses
        }
    }
}

extension Provider {
    /// The provider's name for the model (Gemini's goes in the URL path, not the body).
    var upstreamModel: String {
        switch self {
        case .openAI: "gpt-4o-2024-08-06"
        case .anthropic: "claude-sonnet-4-5-20250929"
        case .gemini: "gemini-2.5-flash"
        }
    }
}
