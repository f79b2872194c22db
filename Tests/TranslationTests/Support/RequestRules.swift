import Conversation
import Dialects

// The placement rules each provider enforces on a conversation (wire-formats §11.2, §11.6, §11.7, §11.9,
// §11.18 #9), checked on the provider body whatever the client dialect was. Each returns the broken rules.

/// OpenAI Chat: the `tool` messages answering an assistant message's `tool_calls` come right after it, one per
/// call id, before any other message; `tool` messages never appear anywhere else.
func openAIRuleViolations(_ body: JSONValue) -> [String] {
    var violations: [String] = []
    let messages = body["messages"]?.arrayValue ?? []
    var index = 0
    while index < messages.count {
        let message = messages[index]
        if message["role"] == "tool" { violations.append("messages[\(index)]: a tool message not right after the calls") }
        let calls = (message["tool_calls"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        index += 1
        guard message["role"] == "assistant", !calls.isEmpty else { continue }
        var answered: [String] = []
        while index < messages.count, messages[index]["role"] == "tool" {
            answered.append(messages[index]["tool_call_id"]?.stringValue ?? "")
            index += 1
        }
        if answered.sorted() != calls.sorted() { violations.append("calls \(calls) answered by tool messages \(answered)") }
    }
    if body["max_tokens"]?.int64Value == nil && body["max_completion_tokens"]?.int64Value == nil {
        violations.append("no output limit")
    }
    return violations
}

/// Anthropic Messages: `max_tokens` present; roles alternate, starting with user; no empty text; every
/// `tool_use` id valid and answered in the very next (user) message, whose `tool_result` blocks come first.
func anthropicRuleViolations(_ body: JSONValue) -> [String] {
    var violations: [String] = []
    if (body["max_tokens"]?.int64Value ?? 0) < 1 { violations.append("max_tokens missing") }
    let messages = body["messages"]?.arrayValue ?? []
    for (index, message) in messages.enumerated() {
        let expectedRole = index % 2 == 0 ? "user" : "assistant"
        if message["role"]?.stringValue != expectedRole { violations.append("messages[\(index)]: role \(message["role"].map(JSONWriter.string) ?? "none")") }
        let blocks = message["content"]?.arrayValue ?? []
        if blocks.isEmpty { violations.append("messages[\(index)]: empty content") }
        for block in blocks where block["type"] == "text" && (block["text"]?.stringValue ?? "").allSatisfy(\.isWhitespace) {
            violations.append("messages[\(index)]: blank text block")
        }
        // Anthropic verifies every thinking signature and refuses one it did not issue (a Gemini thought signature).
        for block in blocks where block["type"] == "thinking" {
            let signature = block["signature"]?.stringValue ?? ""
            if signature.isEmpty || signature.hasPrefix(ThinkingSignatures.geminiMarker) {
                violations.append("messages[\(index)]: thinking signed '\(signature)', not by Anthropic")
            }
        }
        let uses = blocks.filter { $0["type"] == "tool_use" }.compactMap { $0["id"]?.stringValue }
        for id in uses where !isValidAnthropicID(id) { violations.append("messages[\(index)]: invalid tool_use id \(id)") }
        guard !uses.isEmpty else { continue }
        guard index + 1 < messages.count else { continue }
        let next = messages[index + 1]["content"]?.arrayValue ?? []
        let leadingResults = next.prefix { $0["type"] == "tool_result" }.compactMap { $0["tool_use_id"]?.stringValue }
        if leadingResults.sorted() != uses.sorted() { violations.append("messages[\(index + 1)]: tool_results \(leadingResults) for uses \(uses)") }
        if next.dropFirst(leadingResults.count).contains(where: { $0["type"] == "tool_result" }) {
            violations.append("messages[\(index + 1)]: a tool_result after other blocks")
        }
    }
    // With thinking on, the assistant message holding the lastmost tool_use blocks must start with its
    // thinking (Anthropic answers 400 "a final `assistant` message must start with a thinking block"; §11.18 #13).
    if let thinking = body["thinking"]?["type"]?.stringValue, thinking != "disabled",
        let last = messages.lastIndex(where: { $0["role"] == "assistant" && ($0["content"]?.arrayValue ?? []).contains { $0["type"] == "tool_use" } })
    {
        let first = messages[last]["content"]?.arrayValue?.first?["type"]?.stringValue ?? "none"
        if first != "thinking" && first != "redacted_thinking" {
            violations.append("messages[\(last)]: thinking is \(thinking) but the tool-use turn starts with \(first), not its thinking")
        }
    }
    return violations
}

/// Gemini: roles `user`/`model` alternate; a model content with N function calls is followed by a user
/// content whose first N parts are the function responses, in call order, each named after its call.
func geminiRuleViolations(_ body: JSONValue) -> [String] {
    var violations: [String] = []
    let contents = body["contents"]?.arrayValue ?? []
    for (index, content) in contents.enumerated() {
        let role = content["role"]?.stringValue ?? "none"
        if role != "user" && role != "model" { violations.append("contents[\(index)]: role \(role)") }
        if index > 0, contents[index - 1]["role"]?.stringValue == role { violations.append("contents[\(index)]: two \(role) contents in a row") }
        let parts = content["parts"]?.arrayValue ?? []
        if parts.isEmpty { violations.append("contents[\(index)]: no parts") }
        for part in parts where part["text"] == "" { violations.append("contents[\(index)]: empty text part") }
        let calls = parts.compactMap { $0["functionCall"] }
        guard role == "model", !calls.isEmpty else { continue }
        guard index + 1 < contents.count else { continue }
        let responses = (contents[index + 1]["parts"]?.arrayValue ?? []).prefix(calls.count).map { $0["functionResponse"] }
        for (call, response) in zip(calls, responses) {
            guard let response else {
                violations.append("contents[\(index + 1)]: fewer leading functionResponse parts than calls")
                break
            }
            if response["name"] != call["name"] { violations.append("contents[\(index + 1)]: response named \(response["name"].map(JSONWriter.string) ?? "none")") }
            if response["id"] != call["id"] { violations.append("contents[\(index + 1)]: response id \(response["id"].map(JSONWriter.string) ?? "none") for call \(call["id"].map(JSONWriter.string) ?? "none")") }
        }
    }
    if body["generationConfig"]?["maxOutputTokens"]?.int64Value == nil { violations.append("no maxOutputTokens") }
    return violations
}

func ruleViolations(_ body: JSONValue, for provider: Provider) -> [String] {
    switch provider {
    case .openAI: openAIRuleViolations(body)
    case .anthropic: anthropicRuleViolations(body)
    case .gemini: geminiRuleViolations(body)
    }
}

/// The tool-call ids of a provider body, in order, and the ids its tool results answer, in order.
func toolIDs(_ body: JSONValue, for provider: Provider) -> (calls: [String], results: [String]) {
    switch provider {
    case .openAI:
        let messages = body["messages"]?.arrayValue ?? []
        return (
            messages.flatMap { ($0["tool_calls"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue } },
            messages.filter { $0["role"] == "tool" }.compactMap { $0["tool_call_id"]?.stringValue }
        )
    case .anthropic:
        let blocks = (body["messages"]?.arrayValue ?? []).flatMap { $0["content"]?.arrayValue ?? [] }
        return (
            blocks.filter { $0["type"] == "tool_use" }.compactMap { $0["id"]?.stringValue },
            blocks.filter { $0["type"] == "tool_result" }.compactMap { $0["tool_use_id"]?.stringValue }
        )
    case .gemini:
        let parts = (body["contents"]?.arrayValue ?? []).flatMap { $0["parts"]?.arrayValue ?? [] }
        return (
            parts.compactMap { $0["functionCall"]?["id"]?.stringValue }, parts.compactMap { $0["functionResponse"]?["id"]?.stringValue }
        )
    }
}
