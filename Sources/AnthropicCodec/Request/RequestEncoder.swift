public import Conversation
public import Dialects
public import TokModelCore

extension AnthropicMessages {
    /// The Messages API request body for a canonical request, sent to an Anthropic provider as `upstreamModel`.
    ///
    /// Field rules (§11.1–11.10):
    /// - `max_tokens` (required by Anthropic): the request's limit, else ``defaultMaxTokens``.
    /// - `system`: every system block, as an array of text blocks; a requested JSON output format adds an
    ///   instruction block at the end (Anthropic has no `response_format`; see ``jsonInstruction(for:)``).
    /// - `messages`: merged and ordered as ``MessagesEncoder`` describes; tool-call arguments become `input`
    ///   objects (invalid JSON is wrapped, never fatal).
    /// - `temperature` is clamped into Anthropic's 0…1 (OpenAI and Gemini allow up to 2; §11.8). When both
    ///   `temperature` and `top_p` are set, `top_p` is dropped: recent Claude models reject the pair.
    /// - `n` > 1 is refused (Anthropic returns one answer); `seed`, the penalties and logprobs have no
    ///   Anthropic equivalent and are dropped, as most gateways do.
    /// - reasoning becomes `thinking`, fitted under `max_tokens` (see ``ThinkingPlan``); while thinking is on,
    ///   `temperature`, `top_p` and `top_k` are dropped and a forced tool choice becomes `auto`, which is what
    ///   Anthropic allows with thinking.
    public static func encodeRequest(_ request: ChatRequest, upstreamModel: String) throws(GatewayError) -> JSONValue {
        if let choices = request.sampling.choices, choices > 1 {
            throw ContentDecoder.unsupported("n", "Anthropic models return one answer per request; 'n' greater than 1 is not supported.")
        }
        let maxTokens = request.maxOutputTokens ?? defaultMaxTokens
        guard maxTokens >= 1 else { throw GatewayError.invalidField("max_tokens", "must be at least 1") }
        let messages = try MessagesEncoder.messages(request.turns)
        let thinking = ThinkingPlan(request.reasoning, maxTokens: maxTokens, messages: messages)

        var body: JSONValue = ["model": .string(upstreamModel), "max_tokens": .int(maxTokens)]
        let system = try systemBlocks(request)
        if !system.isEmpty { body.set("system", .array(system)) }
        body.set("messages", .array(messages))

        if !request.tools.isEmpty {
            body.set("tools", .array(request.tools.map(tool)))
            if let choice = toolChoice(request, thinking: thinking.budget != nil) { body.set("tool_choice", choice) }
        }

        let sampling = request.sampling
        if thinking.budget == nil {
            if let temperature = sampling.temperature { body.set("temperature", clamped(temperature)) }
            if let topP = sampling.topP, sampling.temperature == nil { body.set("top_p", topP) }
            // Anthropic's top_k is an integer; another dialect's `40.0` is written as `40`, a fraction dropped.
            if let topK = sampling.topK?.int64Value, topK >= 0 { body.set("top_k", .int(topK)) }
        }
        if !sampling.stop.isEmpty { body.set("stop_sequences", .array(sampling.stop.map { .string($0) })) }
        if let user = request.user, !user.isEmpty { body.set("metadata", ["user_id": .string(user)]) }
        if let budget = thinking.budget { body.set("thinking", ["type": "enabled", "budget_tokens": .int(budget)]) }
        if request.stream { body.set("stream", true) }
        return body
    }

    /// The system text blocks, plus the JSON-output instruction when one is asked for. Only text can be a
    /// system prompt in Anthropic's API.
    private static func systemBlocks(_ request: ChatRequest) throws(GatewayError) -> [JSONValue] {
        var blocks: [JSONValue] = []
        for block in request.system {
            guard case .text(let text) = block else {
                throw ContentDecoder.unsupported("system", "System instructions may contain text only for Anthropic models.")
            }
            if !MessagesEncoder.isBlank(text) { blocks.append(MessagesEncoder.textBlock(text)) }
        }
        if let format = request.responseFormat, let instruction = jsonInstruction(for: format) {
            blocks.append(MessagesEncoder.textBlock(instruction))
        }
        return blocks
    }

    /// The system instruction that stands in for OpenAI's `response_format`, or nil for plain text.
    ///
    /// Anthropic has no field every model accepts: `output_config.format` exists on the newest models only and
    /// the forced-tool trick conflicts with thinking and with the client's own tools (§11.10). An appended
    /// instruction works on every model and keeps the answer an ordinary text answer, at the cost of being a
    /// request rather than a guarantee.
    static func jsonInstruction(for format: ResponseFormat) -> String? {
        switch format {
        case .text:
            return nil
        case .jsonObject:
            return "Respond only with a single valid JSON object, with no text before or after it and no Markdown code fences."
        case .jsonSchema(let name, let schema, _):
            return "Respond only with a single valid JSON value that conforms to the JSON Schema named \"\(name)\" below, with no text "
                + "before or after it and no Markdown code fences.\n" + JSONWriter.string(schema)
        }
    }

    /// A client tool as Anthropic declares it. The root of `input_schema` must be an object schema; one that
    /// lacks `type` gets `"type": "object"` (OpenAI clients often send `{}` for a function without
    /// parameters). `strict` is dropped: only the newest models accept it.
    private static func tool(_ tool: FunctionTool) -> JSONValue {
        var schema = tool.parameters
        if case .object = schema {
            if schema["type"] == nil { schema = .object([("type", "object")] + (schema.objectValue ?? [])) }
        } else {
            schema = ["type": "object", "properties": [:]]
        }
        var json: JSONValue = ["name": .string(tool.name)]
        if let description = tool.description, !description.isEmpty { json.set("description", .string(description)) }
        json.set("input_schema", schema)
        return json
    }

    /// `tool_choice` (§11.5): auto → auto, required → any, a function → tool, none → none;
    /// `parallel_tool_calls: false` → `disable_parallel_tool_use: true` (on an `auto` choice when none was given).
    private static func toolChoice(_ request: ChatRequest, thinking: Bool) -> JSONValue? {
        var choice: JSONValue
        switch request.toolChoice {
        case .none?: return ["type": "none"]
        case .auto?: choice = ["type": "auto"]
        case .required?: choice = thinking ? ["type": "auto"] : ["type": "any"]
        case .function(let name)?: choice = thinking ? ["type": "auto"] : ["type": "tool", "name": .string(name)]
        case nil:
            guard request.parallelToolCalls == false else { return nil }
            choice = ["type": "auto"]
        }
        if request.parallelToolCalls == false { choice.set("disable_parallel_tool_use", true) }
        return choice
    }

    /// A temperature inside Anthropic's 0…1, keeping the client's text when it already fits.
    static func clamped(_ temperature: JSONValue) -> JSONValue {
        guard let value = temperature.doubleValue else { return temperature }
        if value > 1 { return 1 }
        if value < 0 { return 0 }
        return temperature
    }
}

/// How canonical reasoning becomes Anthropic's `thinking` (§11.9, §11.11).
///
/// Efforts map to budgets: minimal and low 1024, medium 4096, high 16384, xhigh and max 32768 (between
/// LiteLLM's small budgets and other gateways' larger ones); `none` and `.disabled` leave thinking off.
/// A Gemini-style budget of 0 means off, a negative one ("dynamic") means medium.
///
/// Anthropic needs 1024 ≤ `budget_tokens` < `max_tokens`. The client's output limit wins: the budget is
/// lowered to fit under it rather than `max_tokens` raised, because the limit is what the client asked for
/// and what the edge reserved credits against. When not even 1024 fits, thinking is left off.
struct ThinkingPlan {
    var budget: Int64?

    init(_ reasoning: Reasoning?, maxTokens: Int64, messages: [JSONValue] = []) {
        guard var budget = Self.wantedBudget(reasoning), Self.allowsThinking(after: messages) else { return }
        budget = max(budget, AnthropicMessages.minimumThinkingBudget)
        if budget >= maxTokens { budget = maxTokens - 1 }
        self.budget = budget >= AnthropicMessages.minimumThinkingBudget ? budget : nil
    }

    /// In a tool loop, Anthropic requires the last assistant message, when it has `tool_use` blocks, to start
    /// with its thinking block (signed or redacted). History from another provider has none to replay, so
    /// thinking stays off (§11.18 #13). Checked on the messages as they are sent — turns merged, unreplayable
    /// thinking left out — because that is what Anthropic checks.
    static func allowsThinking(after messages: [JSONValue]) -> Bool {
        guard let last = messages.last(where: { $0["role"]?.stringValue == "assistant" }), case .array(let content)? = last["content"],
            content.contains(where: { $0["type"]?.stringValue == "tool_use" })
        else { return true }
        let first = content.first?["type"]?.stringValue
        return first == "thinking" || first == "redacted_thinking"
    }

    static func wantedBudget(_ reasoning: Reasoning?) -> Int64? {
        switch reasoning {
        case nil, .disabled?: return nil
        case .budget(let tokens)?: return tokens == 0 ? nil : (tokens < 0 ? 4096 : tokens)
        case .effort(let effort)?:
            switch effort.lowercased() {
            case "none": return nil
            case "minimal", "low": return 1024
            case "medium": return 4096
            case "high": return 16384
            case "xhigh", "max": return 32768
            default: return 4096
            }
        }
    }
}
