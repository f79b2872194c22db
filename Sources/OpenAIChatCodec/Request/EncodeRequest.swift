public import Conversation
public import Dialects
public import TokModelCore

extension OpenAIChat {
    /// The canonical request → a Chat Completions body for an OpenAI-compatible provider, with `model` set to
    /// the provider's name for the model.
    ///
    /// Choices the reference leaves open:
    /// - The output limit goes out as `max_tokens`, not `max_completion_tokens`: every OpenAI-compatible host
    ///   (vLLM, Together, Groq, DeepSeek, Mistral, OpenRouter…) accepts it, while only OpenAI and a few others
    ///   know the newer name. A catalog entry for OpenAI's own reasoning models, which refuse `max_tokens`,
    ///   would need the newer name; that is a per-provider rename for the edge, not a codec decision.
    /// - Streams always ask for usage (`stream_options.include_usage: true`) so billing never depends on the
    ///   client; the client's own choice is honoured by the ``StreamWriter``.
    /// - `tool_choice` and `parallel_tool_calls` are sent only with tools (OpenAI refuses them otherwise).
    /// - `top_k` is dropped (not an OpenAI parameter; strict hosts refuse it); more than four stop sequences
    ///   are cut to four (§11.8).
    /// - `reasoning: .disabled` sends no `reasoning_effort` (non-reasoning hosts refuse the parameter, and
    ///   "none" is the default where it exists); a thinking budget becomes an effort by the thresholds of
    ///   §11.11 (< 2048 low, < 8192 medium, else high).
    public static func encodeRequest(_ request: ChatRequest, upstreamModel: String) throws(GatewayError) -> JSONValue {
        var body: [(String, JSONValue)] = [("model", .string(upstreamModel)), ("messages", .array(try MessageEncoder.messages(request)))]
        if request.stream {
            body.append(("stream", true))
            body.append(("stream_options", .object([("include_usage", true)])))
        }
        if let limit = request.maxOutputTokens { body.append(("max_tokens", .int(limit))) }

        let sampling = request.sampling
        if let value = sampling.temperature { body.append(("temperature", value)) }
        if let value = sampling.topP { body.append(("top_p", value)) }
        if let value = sampling.choices { body.append(("n", .int(value))) }
        if !sampling.stop.isEmpty { body.append(("stop", .array(sampling.stop.prefix(maxStopSequences).map { .string($0) }))) }
        if let value = sampling.seed { body.append(("seed", value)) }
        if let value = sampling.presencePenalty { body.append(("presence_penalty", value)) }
        if let value = sampling.frequencyPenalty { body.append(("frequency_penalty", value)) }
        if let value = sampling.logprobs { body.append(("logprobs", .bool(value))) }
        if let value = sampling.topLogprobs { body.append(("top_logprobs", .int(value))) }

        if !request.tools.isEmpty {
            body.append(("tools", .array(request.tools.map(toolDefinition))))
            if let choice = request.toolChoice { body.append(("tool_choice", toolChoice(choice))) }
            if let parallel = request.parallelToolCalls { body.append(("parallel_tool_calls", .bool(parallel))) }
        }
        if let format = request.responseFormat { body.append(("response_format", responseFormat(format))) }
        if let effort = request.reasoning.flatMap(reasoningEffort) { body.append(("reasoning_effort", .string(effort))) }
        if let user = request.user { body.append(("user", .string(user))) }
        return .object(body)
    }

    static func toolDefinition(_ tool: FunctionTool) -> JSONValue {
        var function: [(String, JSONValue)] = [("name", .string(tool.name))]
        if let description = tool.description { function.append(("description", .string(description))) }
        function.append(("parameters", tool.parameters))
        if let strict = tool.strict { function.append(("strict", .bool(strict))) }
        return .object([("type", "function"), ("function", .object(function))])
    }

    static func toolChoice(_ choice: ToolChoice) -> JSONValue {
        switch choice {
        case .auto: "auto"
        case .none: "none"
        case .required: "required"
        case .function(let name): .object([("type", "function"), ("function", .object([("name", .string(name))]))])
        }
    }

    static func responseFormat(_ format: ResponseFormat) -> JSONValue {
        switch format {
        case .text: return .object([("type", "text")])
        case .jsonObject: return .object([("type", "json_object")])
        case .jsonSchema(let name, let schema, let strict):
            var inner: [(String, JSONValue)] = [("name", .string(name)), ("schema", schema)]
            if let strict { inner.append(("strict", .bool(strict))) }
            return .object([("type", "json_schema"), ("json_schema", .object(inner))])
        }
    }

    static func reasoningEffort(_ reasoning: Reasoning) -> String? {
        switch reasoning {
        case .effort(let effort): return effort
        case .disabled: return nil
        case .budget(let tokens):
            if tokens == 0 { return nil }
            if tokens < 0 { return "medium" }  // Gemini's -1: "dynamic", the model decides
            if tokens < 2048 { return "low" }
            if tokens < 8192 { return "medium" }
            return "high"
        }
    }
}
