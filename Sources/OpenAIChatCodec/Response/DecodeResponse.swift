public import Conversation
public import Dialects
public import TokModelCore

extension OpenAIChat {
    /// A provider's `chat.completion` → the canonical response, read liberally (§0: unknown fields and
    /// missing optional ones never fail). Only `choices[0]` is read: the canonical response has one answer.
    ///
    /// Blocks come out as `[thinking] [text] [refusal as text] [tool calls…]`. Thinking is read from the
    /// de-facto `reasoning_content` (DeepSeek, vLLM) or `reasoning` (OpenRouter) string, which OpenAI itself
    /// never sends. A refusal is the model's answer, so it becomes text; the stop reason stays what the
    /// provider said. A tool call without an id gets `call_<n>`, stable within the response.
    ///
    /// Throws `.upstreamFailed` for an error body (`{"error": …}` with a 200) and for a body with no choices.
    public static func decodeResponse(_ body: JSONValue) throws(GatewayError) -> ChatResponse {
        guard case .object = body else { throw ProviderError.malformed("expected a JSON object") }
        if let error = ProviderError.find(in: body) { throw error }
        guard let choice = body["choices"]?.arrayValue?.first, case .object = choice else {
            throw ProviderError.malformed("the response has no choices")
        }
        let message = choice["message"] ?? .object([])
        var blocks: [ContentBlock] = []
        if let reasoning = reasoningText(message), !reasoning.isEmpty {
            blocks.append(.thinking(Thinking(text: reasoning)))
        }
        for text in contentTexts(message["content"]) where !text.isEmpty { blocks.append(.text(text)) }
        if let refusal = message["refusal"]?.stringValue, !refusal.isEmpty { blocks.append(.text(refusal)) }
        var hasToolCalls = false
        for (index, call) in (message["tool_calls"]?.arrayValue ?? []).enumerated() {
            guard let toolCall = responseToolCall(call, ordinal: index) else { continue }
            blocks.append(.toolCall(toolCall))
            hasToolCalls = true
        }
        let (stopReason, stopSequence) = FinishReason.decode(
            choice["finish_reason"]?.stringValue, hasToolCalls: hasToolCalls, matchedStop: choice["stop_reason"]?.stringValue)
        return ChatResponse(
            id: body["id"]?.stringValue ?? "",
            model: body["model"]?.stringValue ?? "",
            created: body["created"]?.int64Value ?? 0,
            blocks: blocks,
            stopReason: stopReason,
            stopSequence: stopSequence,
            usage: body["usage"].flatMap(usage(from:)))
    }

    /// The reasoning extension's text, under either of its common names.
    static func reasoningText(_ object: JSONValue) -> String? {
        object["reasoning_content"]?.stringValue ?? object["reasoning"]?.stringValue
    }

    /// `content` as a string, or the texts of an array of text parts (some hosts answer in parts).
    static func contentTexts(_ content: JSONValue?) -> [String] {
        switch content {
        case .string(let text)?: return [text]
        case .array(let parts)?: return parts.compactMap { $0["type"] == "text" ? $0["text"]?.stringValue : nil }
        default: return []
        }
    }

    /// A complete tool call of a response; nil for non-function calls and calls without a name, which
    /// cannot be acted on.
    static func responseToolCall(_ call: JSONValue, ordinal: Int) -> ToolCall? {
        if let type = call["type"]?.stringValue, type != "function" { return nil }
        guard let function = call["function"], let name = function["name"]?.stringValue, !name.isEmpty else { return nil }
        let id = call["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "call_\(ordinal)"
        let arguments: String
        switch function["arguments"] {
        case .string(let text)?: arguments = text
        case .object(let members)?: arguments = JSONWriter.string(.object(members))
        default: arguments = "{}"
        }
        return ToolCall(id: id, name: name, arguments: arguments)
    }
}
