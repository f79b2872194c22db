public import Conversation
public import Dialects

extension OpenAIChat {
    /// The canonical response → a `chat.completion` for the client (§2.5, §11.14): id `chatcmpl-<canonical
    /// id>`, `model` = the catalog id the client asked for, one choice.
    ///
    /// All text blocks are concatenated into `message.content` (Chat has no ordering between text and tool
    /// calls); `content` is null when the answer is only tool calls, "" when it is empty. Thinking goes into
    /// the de-facto `message.reasoning_content` extension (DeepSeek's name, which reasoning-aware clients
    /// read and the official SDKs ignore) so it is not lost; signatures and redacted thinking are dropped.
    /// `usage` is omitted only when the canonical response has none.
    public static func encodeResponse(_ response: ChatResponse, clientModel: String) -> JSONValue {
        var text: String?
        var reasoning: String?
        var calls: [JSONValue] = []
        for block in response.blocks {
            switch block {
            case .text(let t): text = (text ?? "") + t
            case .thinking(let thinking) where !thinking.text.isEmpty: reasoning = (reasoning ?? "") + thinking.text
            case .toolCall(let call): calls.append(MessageEncoder.toolCall(call, forProvider: false))
            case .thinking, .image, .toolResult: continue
            }
        }
        let content: JSONValue
        if let text, !(text.isEmpty && !calls.isEmpty) {
            content = .string(text)
        } else {
            content = calls.isEmpty ? "" : .null
        }
        var message: [(String, JSONValue)] = [("role", "assistant"), ("content", content)]
        if let reasoning { message.append(("reasoning_content", .string(reasoning))) }
        message.append(("refusal", .null))
        if !calls.isEmpty { message.append(("tool_calls", .array(calls))) }

        let choice: JSONValue = .object([
            ("index", 0),
            ("message", .object(message)),
            ("logprobs", .null),
            ("finish_reason", .string(FinishReason.encode(response.stopReason, hasToolCalls: !calls.isEmpty))),
        ])
        var body: [(String, JSONValue)] = [
            ("id", .string(clientID(response.id))),
            ("object", "chat.completion"),
            ("created", .int(response.created)),
            ("model", .string(clientModel)),
            ("choices", .array([choice])),
        ]
        if let usage = response.usage { body.append(("usage", usageObject(usage))) }
        return .object(body)
    }
}
