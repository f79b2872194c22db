import Conversation

/// `finish_reason` ⇄ ``StopReason`` (§11.12).
enum FinishReason {
    /// A provider's `finish_reason` → the canonical reason. The answer's content decides over the word: some
    /// OpenAI-compatible hosts say `stop` (or nothing) after tool calls. `matchedStop` is vLLM's extension
    /// `choices[].stop_reason`, the stop string that ended generation; OpenAI itself never says which one.
    static func decode(_ reason: String?, hasToolCalls: Bool, matchedStop: String? = nil) -> (StopReason, stopSequence: String?) {
        switch reason {
        case "stop"?, nil:
            if hasToolCalls { return (.toolUse, nil) }
            if let matchedStop { return (.stopSequence, matchedStop) }
            return (.endTurn, nil)
        case "length"?: return (.maxTokens, nil)
        case "tool_calls"?, "function_call"?: return (.toolUse, nil)
        case "content_filter"?: return (.contentFilter, nil)
        case let other?: return (.other(other), nil)
        }
    }

    /// The canonical reason → OpenAI's word. A turn that made tool calls says `tool_calls` whatever the
    /// provider called it, because agent loops key on that value.
    static func encode(_ reason: StopReason, hasToolCalls: Bool) -> String {
        switch reason {
        case .toolUse: return "tool_calls"
        case .maxTokens, .contextWindow: return "length"
        case .contentFilter: return "content_filter"
        case .endTurn, .stopSequence, .pause, .error:
            return hasToolCalls ? "tool_calls" : "stop"
        case .other(let word):
            if ["stop", "length", "tool_calls", "content_filter"].contains(word) { return word }
            return hasToolCalls ? "tool_calls" : "stop"
        }
    }
}
