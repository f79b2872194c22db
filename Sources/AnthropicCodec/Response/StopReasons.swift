import Conversation

/// Anthropic's `stop_reason` ⇄ the canonical ``StopReason`` (§4.6, §11.12).
enum StopReasons {
    /// An Anthropic `stop_reason` (null when absent) as a canonical reason. `refusal` is a content-filter
    /// stop; unknown future values are kept by name.
    static func canonical(_ reason: String?) -> StopReason {
        switch reason {
        case nil, "end_turn"?: .endTurn
        case "max_tokens"?: .maxTokens
        case "stop_sequence"?: .stopSequence
        case "tool_use"?: .toolUse
        case "pause_turn"?: .pause
        case "refusal"?: .contentFilter
        case "model_context_window_exceeded"?: .contextWindow
        case let other?: .other(other)
        }
    }

    /// The `stop_reason` to show an Anthropic client.
    ///
    /// The answer's content decides between `tool_use` and `end_turn`, not only the provider's word: Gemini
    /// says STOP for tool turns and some OpenAI-compatible servers say `stop` after tool calls, yet an
    /// Anthropic client runs its tools only on `tool_use`. Conversely `tool_use` without any tool call would
    /// leave an agent waiting for calls that never come, so it becomes `end_turn`.
    static func anthropic(_ reason: StopReason, hasToolCalls: Bool) -> String {
        switch reason {
        case .maxTokens: "max_tokens"
        case .stopSequence: "stop_sequence"
        case .contentFilter: "refusal"
        case .pause: "pause_turn"
        case .contextWindow: "model_context_window_exceeded"
        case .endTurn, .toolUse, .error, .other: hasToolCalls ? "tool_use" : "end_turn"
        }
    }
}
