import Conversation
import Dialects
import TokModelCore

/// The pieces of a Response object shared by the non-streaming encoder and the stream writer, so that both
/// produce the same ids, items and envelope.
enum ResponseObject {
    // MARK: Ids

    /// The part of the provider's id used in every id of one answer: its ASCII letters and digits, without a
    /// well-known prefix (`chatcmpl-abc` → `abc`, `msg_01X` → `01X`).
    static func idCore(_ canonicalID: String) -> String {
        var id = Substring(canonicalID)
        for prefix in ["resp_", "chatcmpl-", "msg_"] where id.hasPrefix(prefix) {
            id = id.dropFirst(prefix.count)
            break
        }
        var core = ""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9": core.unicodeScalars.append(scalar)
            default: continue
            }
        }
        return core.isEmpty ? "0" : core
    }

    static func responseID(core: String) -> String { "resp_" + core }
    static func messageID(core: String, outputIndex: Int) -> String { "msg_\(core)_\(outputIndex)" }
    static func functionCallID(core: String, outputIndex: Int) -> String { "fc_\(core)_\(outputIndex)" }
    static func reasoningID(core: String, outputIndex: Int) -> String { "rs_\(core)_\(outputIndex)" }

    // MARK: Output items

    static func outputTextPart(_ text: String) -> JSONValue {
        ["type": "output_text", "annotations": [], "logprobs": [], "text": .string(text)]
    }

    static func messageItem(id: String, text: String?, status: String) -> JSONValue {
        [
            "id": .string(id), "type": "message", "status": .string(status),
            "content": .array(text.map { [outputTextPart($0)] } ?? []), "role": "assistant",
        ]
    }

    static func functionCallItem(id: String, callID: String, name: String, arguments: String, status: String) -> JSONValue {
        [
            "id": .string(id), "type": "function_call", "status": .string(status), "arguments": .string(arguments),
            "call_id": .string(callID), "name": .string(name),
        ]
    }

    /// Thinking text goes into `summary` (what OpenAI's SDKs and clients display); nil gives the empty summary
    /// of a reasoning item that has only just started.
    static func reasoningItem(id: String, summary: String?) -> JSONValue {
        ["id": .string(id), "type": "reasoning", "summary": .array(summary.map { [summaryPart($0)] } ?? [])]
    }

    static func summaryPart(_ text: String) -> JSONValue {
        ["type": "summary_text", "text": .string(text)]
    }

    /// Arguments as a client can `json.loads` them: a call to a function without parameters may have none.
    static func arguments(_ text: String) -> String { text.isEmpty ? "{}" : text }

    // MARK: Status

    struct Outcome: Equatable {
        /// `completed`, `incomplete` or `failed`.
        var status: String
        var incompleteReason: String?
        var error: JSONValue?
    }

    /// Stop reason → Response status (wire-formats §3.7, §11.12): truncation and filtering are `incomplete`
    /// (the only two `incomplete_details.reason` values OpenAI defines), a provider error is `failed`, and
    /// everything else, `pause` included, is `completed`.
    static func outcome(_ stopReason: StopReason?) -> Outcome {
        switch stopReason {
        case .maxTokens?, .contextWindow?: Outcome(status: "incomplete", incompleteReason: "max_output_tokens")
        case .contentFilter?: Outcome(status: "incomplete", incompleteReason: "content_filter")
        case .error?:
            Outcome(status: "failed", error: ["code": "server_error", "message": "The provider ended the response with an error."])
        default: Outcome(status: "completed")
        }
    }

    /// `response.error` for a gateway error: OpenAI's `code` is a closed list, of which only these two fit.
    static func error(_ error: GatewayError) -> JSONValue {
        let code: String
        if case .rateLimited = error.kind { code = "rate_limit_exceeded" } else { code = "server_error" }
        return ["code": .string(code), "message": .string(error.message)]
    }

    static func usage(_ usage: Usage) -> JSONValue {
        [
            "input_tokens": .int(usage.inputTokens),
            // The newest SDK types require `cache_write_tokens` (Anthropic's cache writes; 0 elsewhere).
            "input_tokens_details": ["cached_tokens": .int(usage.cachedInputTokens), "cache_write_tokens": .int(usage.cacheWriteInputTokens)],
            "output_tokens": .int(usage.outputTokens),
            "output_tokens_details": ["reasoning_tokens": .int(usage.reasoningTokens)],
            "total_tokens": .int(usage.totalTokens),
        ]
    }

    // MARK: Envelope

    /// The whole Response object, members in the order OpenAI sends them. `store` is always false: the
    /// gateway keeps nothing to retrieve or chain from.
    static func envelope(
        id: String, createdAt: Int64, status: String, model: String, output: [JSONValue], echo: OpenAIResponses.Echo,
        usage: Usage?, incompleteReason: String? = nil, error: JSONValue? = nil
    ) -> JSONValue {
        [
            "id": .string(id),
            "object": "response",
            "created_at": .int(createdAt),
            "status": .string(status),
            "background": false,
            "error": error ?? .null,
            "incomplete_details": incompleteReason.map { ["reason": .string($0)] } ?? .null,
            "instructions": echo.instructions.map { .string($0) } ?? .null,
            "max_output_tokens": echo.maxOutputTokens.map { .int($0) } ?? .null,
            "max_tool_calls": .null,
            "model": .string(model),
            "output": .array(output),
            "parallel_tool_calls": .bool(echo.parallelToolCalls),
            "previous_response_id": .null,
            "prompt_cache_key": .null,
            "reasoning": echo.reasoningJSON,
            "safety_identifier": .null,
            "service_tier": "default",
            "store": false,
            "temperature": echo.temperature,
            "text": echo.textJSON,
            "tool_choice": echo.toolChoiceJSON,
            "tools": echo.toolsJSON,
            "top_logprobs": 0,
            "top_p": echo.topP,
            "truncation": .string(echo.truncation),
            "usage": usage.map { Self.usage($0) } ?? .null,
            "user": echo.user.map { .string($0) } ?? .null,
            "metadata": echo.metadata,
        ]
    }
}
