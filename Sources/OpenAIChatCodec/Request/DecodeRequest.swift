public import Conversation
public import Dialects
public import TokModelCore

extension OpenAIChat {
    /// A client's Chat Completions request body → the canonical request. Throws a 400-kind ``GatewayError``
    /// naming the offending field for anything malformed or untranslatable; fields it does not know are
    /// ignored (the list of dropped fields is on ``OpenAIChat``).
    ///
    /// Choices the reference leaves open: `max_completion_tokens` wins over `max_tokens` when both are sent
    /// (it is the current name); `reasoning_effort: "none"` means reasoning disabled; `stop` as a string is a
    /// one-element list; `stream_options` is read only when `stream` is true (OpenAI refuses it otherwise,
    /// §11.18 #3, and it means nothing without a stream).
    public static func decodeRequest(_ body: JSONValue) throws(GatewayError) -> ChatRequest {
        guard case .object = body else { throw GatewayError.invalidJSON("expected a JSON object") }
        let model = try Field.requiredString(body["model"], "model")
        guard !model.isEmpty else { throw GatewayError.invalidField("model", "expected a non-empty string") }

        guard let messages = try Field.array(body["messages"], "messages") else { throw GatewayError.missingField("messages") }
        guard !messages.isEmpty else { throw GatewayError.invalidField("messages", "at least one message is required") }
        if body["functions"].map({ !$0.isNull }) == true {
            throw GatewayError.unsupported("functions", "the deprecated 'functions' parameter is not supported; send 'tools'")
        }
        if body["function_call"].map({ !$0.isNull }) == true {
            throw GatewayError.unsupported("function_call", "the deprecated 'function_call' parameter is not supported; send 'tool_choice'")
        }
        var decoder = MessageDecoder()
        try decoder.decode(messages)

        var request = ChatRequest(model: model, system: decoder.system, turns: decoder.turns)
        request.tools = try ToolsDecoder.tools(body["tools"])
        request.toolChoice = try ToolsDecoder.toolChoice(body["tool_choice"], tools: &request.tools)
        request.parallelToolCalls = try Field.bool(body["parallel_tool_calls"], "parallel_tool_calls")
        request.responseFormat = try ToolsDecoder.responseFormat(body["response_format"])
        request.sampling = try sampling(body)
        request.maxOutputTokens = try maxOutputTokens(body)
        request.reasoning = try reasoning(body["reasoning_effort"])
        request.user = try Field.string(body["user"], "user")
        request.stream = try Field.bool(body["stream"], "stream") ?? false
        if request.stream, let options = try Field.object(body["stream_options"], "stream_options") {
            request.includeUsage = try Field.bool(options["include_usage"], "stream_options.include_usage") ?? false
        }
        return request
    }

    static func sampling(_ body: JSONValue) throws(GatewayError) -> Sampling {
        var sampling = Sampling()
        sampling.temperature = try Field.number(body["temperature"], "temperature")
        sampling.topP = try Field.number(body["top_p"], "top_p")
        sampling.seed = try Field.number(body["seed"], "seed")
        sampling.presencePenalty = try Field.number(body["presence_penalty"], "presence_penalty")
        sampling.frequencyPenalty = try Field.number(body["frequency_penalty"], "frequency_penalty")
        sampling.choices = try Field.integer(body["n"], "n", in: 1...128)
        sampling.logprobs = try Field.bool(body["logprobs"], "logprobs")
        sampling.topLogprobs = try Field.integer(body["top_logprobs"], "top_logprobs", in: 0...20)
        switch body["stop"] {
        case nil, .null?: break
        case .string(let stop)?: sampling.stop = [stop]
        case .array(let stops)?:
            for (index, stop) in stops.enumerated() {
                sampling.stop.append(try Field.requiredString(stop, "stop[\(index)]"))
            }
        default: throw GatewayError.invalidField("stop", "expected a string or an array of strings")
        }
        return sampling
    }

    static func maxOutputTokens(_ body: JSONValue) throws(GatewayError) -> Int64? {
        let ceiling = OpenAIChatRequest.outputTokenCeiling
        let completion = try Field.integer(body["max_completion_tokens"], "max_completion_tokens", in: 1...ceiling)
        let legacy = try Field.integer(body["max_tokens"], "max_tokens", in: 1...ceiling)
        return completion ?? legacy
    }

    static func reasoning(_ value: JSONValue?) throws(GatewayError) -> Reasoning? {
        guard let effort = try Field.string(value, "reasoning_effort") else { return nil }
        switch effort {
        case "none": return .disabled
        case "": throw GatewayError.invalidField("reasoning_effort", "expected a non-empty string")
        // Other values pass through: the set grows (minimal, xhigh, max…) and the provider judges them.
        default: return .effort(effort)
        }
    }
}
