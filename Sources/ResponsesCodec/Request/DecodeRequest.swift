public import Conversation
public import Dialects
public import TokModelCore

extension OpenAIResponses {
    /// A Responses API request body → the canonical request.
    ///
    /// Throws a 400 (`.invalidRequest`, naming the parameter) for malformed input and for what the gateway
    /// cannot do without stored state or built-in tools (see ``OpenAIResponses``). Accepted and ignored:
    /// `store`, `include`, `stream_options`, `service_tier`, `prompt_cache_key`, `max_tool_calls`,
    /// `top_logprobs` (the answer carries no logprobs), `text.verbosity`, `reasoning.summary`; `truncation`
    /// and `metadata` are only validated (``Echo/init(request:body:)`` echoes them back).
    public static func decodeRequest(_ body: JSONValue) throws(GatewayError) -> ChatRequest {
        guard case .object = body else { throw GatewayError.invalidField("body", "expected a JSON object") }
        try refuseStatefulFeatures(body)

        let model = try FieldReader.name(body["model"], "model")
        var items = try InputItems.decode(body["input"])
        if let instructions = try FieldReader.string(body["instructions"], "instructions"), !instructions.isEmpty {
            items.system.insert(.text(instructions), at: 0)
        }
        guard !items.turns.isEmpty else {
            throw GatewayError.invalidField("input", "at least one non-empty user, assistant or function call item is required")
        }

        _ = try FieldReader.bool(body["store"], "store")
        _ = try FieldReader.object(body["metadata"], "metadata")
        if let truncation = try FieldReader.string(body["truncation"], "truncation"), truncation != "auto", truncation != "disabled" {
            throw GatewayError.invalidField("truncation", "expected 'auto' or 'disabled'")
        }

        let stream = try FieldReader.bool(body["stream"], "stream") ?? false
        // `safety_identifier` is the newer name of `user`'s abuse-tracking role.
        let safetyIdentifier = try FieldReader.string(body["safety_identifier"], "safety_identifier")
        let user = try FieldReader.string(body["user"], "user") ?? safetyIdentifier
        return ChatRequest(
            model: model,
            system: items.system,
            turns: items.turns,
            tools: try RequestOptions.tools(body["tools"]),
            toolChoice: try RequestOptions.toolChoice(body["tool_choice"]),
            parallelToolCalls: try FieldReader.bool(body["parallel_tool_calls"], "parallel_tool_calls"),
            sampling: Sampling(
                temperature: try FieldReader.number(body["temperature"], "temperature", in: 0...2),
                topP: try FieldReader.number(body["top_p"], "top_p", in: 0...1)),
            maxOutputTokens: try FieldReader.positiveInteger(body["max_output_tokens"], "max_output_tokens"),
            responseFormat: try RequestOptions.responseFormat(body["text"]),
            reasoning: try RequestOptions.reasoning(body["reasoning"]),
            stream: stream,
            // Responses streams always end with usage in `response.completed`.
            includeUsage: stream,
            user: user
        )
    }

    /// Features that need the gateway to keep responses, conversations or prompts, or to run in the background.
    static func refuseStatefulFeatures(_ body: JSONValue) throws(GatewayError) {
        if let previous = body["previous_response_id"], !previous.isNull {
            throw FieldReader.unsupported(
                "previous_response_id",
                "previous_response_id is not supported: this gateway does not store responses. Send the whole conversation in 'input' (append the previous response's output items and your new input)."
            )
        }
        if let conversation = body["conversation"], !conversation.isNull {
            throw FieldReader.unsupported(
                "conversation", "conversation is not supported: this gateway does not store conversations. Send the whole conversation in 'input'.")
        }
        if let prompt = body["prompt"], !prompt.isNull {
            throw FieldReader.unsupported(
                "prompt", "Stored prompt templates ('prompt') are not supported by this gateway; send 'instructions' and 'input' instead.")
        }
        if try FieldReader.bool(body["background"], "background") == true {
            throw FieldReader.unsupported(
                "background", "background mode is not supported: this gateway does not store responses. Use stream: true for long generations.")
        }
    }
}
