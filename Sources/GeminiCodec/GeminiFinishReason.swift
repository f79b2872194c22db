import Conversation

/// Gemini `finishReason` → canonical ``StopReason`` (wire-formats §11.12).
///
/// Gemini says `STOP` both for a natural end and for a matched stop sequence (it does not say which), and also
/// when the turn ends in function calls, so the presence of calls decides `toolUse`.
enum GeminiFinishReason {
    static func stopReason(_ raw: String?, hasToolCalls: Bool) -> StopReason {
        switch raw {
        case nil, "STOP", "FINISH_REASON_UNSPECIFIED":
            return hasToolCalls ? .toolUse : .endTurn
        case "MAX_TOKENS":
            return .maxTokens
        case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "LANGUAGE",
            "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION":
            return .contentFilter
        case let other?:
            // MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL, TOO_MANY_TOOL_CALLS, MISSING_THOUGHT_SIGNATURE, OTHER,
            // NO_IMAGE, IMAGE_OTHER and values Google adds later: kept by name so logs show what happened; writers
            // render `.other` as a plain stop (§11.12 maps these to `stop` / `end_turn`).
            return .other(other)
        }
    }

    /// A prompt Gemini refused to answer (`promptFeedback.blockReason`, no candidates) is a content filter.
    static let promptBlocked = StopReason.contentFilter
}
