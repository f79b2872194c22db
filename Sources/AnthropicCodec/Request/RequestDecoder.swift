public import Conversation
public import Dialects
public import TokModelCore

extension AnthropicMessages {
    /// Reads a Messages API request body, as the official Anthropic SDKs send it, into the canonical request.
    ///
    /// Required: `model`, `max_tokens` (Anthropic makes it mandatory, so a client relying on another API's
    /// default gets the same 400 it would get from Anthropic) and `messages`. Anthropic-only fields that change
    /// nothing for other providers (`cache_control` anywhere, `service_tier`, `container`, `inference_geo`,
    /// the top-level `cache_control`) are ignored; features the gateway cannot translate (documents, server
    /// tools) are refused with a 400 naming the field, because silently dropping them would change the answer.
    public static func decodeRequest(_ body: JSONValue) throws(GatewayError) -> ChatRequest {
        let root = try ObjectReader(body, path: "")

        let model = try root.string("model")
        guard !model.isEmpty else { throw GatewayError.invalidField("model", "expected a non-empty string") }

        // Anthropic accepts 0 only to pre-warm its prompt cache, which means nothing through a translating
        // gateway; every provider needs room for at least one token.
        guard let maxTokens = try root.optionalInt("max_tokens") else { throw GatewayError.missingField("max_tokens") }
        guard maxTokens >= 1 else { throw GatewayError.invalidField("max_tokens", "must be at least 1") }

        var request = ChatRequest(model: model, maxOutputTokens: maxTokens)
        request.system = try ContentDecoder.system(root)
        request.turns = try ContentDecoder.turns(root)
        request.tools = try ToolsDecoder.tools(root)
        if let choice = try ToolsDecoder.toolChoice(root) {
            request.toolChoice = choice.choice
            request.parallelToolCalls = choice.parallelToolCalls
        }
        request.sampling = try sampling(root)
        let output = try OutputConfig(root)
        request.reasoning = try reasoning(root, maxTokens: maxTokens, effort: output.effort)
        request.responseFormat = output.format
        request.stream = try root.optionalBool("stream") ?? false
        if let metadata = try root.optionalObject("metadata") {
            request.user = try metadata.optionalString("user_id")
        }
        return request
    }

    /// `temperature`, `top_p`, `top_k`, `stop_sequences`, with Anthropic's own ranges so a client gets the
    /// error Anthropic would give it, whichever provider serves the request.
    private static func sampling(_ root: ObjectReader) throws(GatewayError) -> Sampling {
        var sampling = Sampling()
        sampling.temperature = try root.optionalNumber("temperature", in: 0...1)
        sampling.topP = try root.optionalNumber("top_p", in: 0...1)
        if let topK = try root.optionalInt("top_k") {
            guard topK >= 0 else { throw GatewayError.invalidField("top_k", "must not be negative") }
            sampling.topK = .int(topK)  // `40.0` is an integer too; providers want it written as one
        }
        if let stops = try root.optionalArray("stop_sequences") {
            for (index, stop) in stops.enumerated() {
                guard let text = stop.stringValue else {
                    throw GatewayError.invalidField("stop_sequences[\(index)]", "expected a string")
                }
                sampling.stop.append(text)
            }
        }
        return sampling
    }

    /// `thinking` → canonical reasoning. `enabled` carries a token budget; `adaptive` lets the model decide,
    /// steered by `output_config.effort` (medium when absent, §11.11); `disabled` is explicit.
    private static func reasoning(_ root: ObjectReader, maxTokens: Int64, effort: String?) throws(GatewayError) -> Reasoning? {
        guard let thinking = try root.optionalObject("thinking") else { return effort.map { .effort($0) } }
        switch try thinking.string("type") {
        case "enabled":
            guard let budget = try thinking.optionalInt("budget_tokens") else { throw GatewayError.missingField("thinking.budget_tokens") }
            guard budget >= minimumThinkingBudget else {
                throw GatewayError.invalidField("thinking.budget_tokens", "must be at least \(minimumThinkingBudget)")
            }
            guard budget < maxTokens else {
                throw GatewayError.invalidField("thinking.budget_tokens", "must be less than max_tokens (\(maxTokens))")
            }
            return .budget(budget)
        case "adaptive":
            return .effort(effort ?? "medium")
        case "disabled":
            return .disabled
        default:
            throw GatewayError.invalidField("thinking.type", "expected 'enabled', 'adaptive' or 'disabled'")
        }
    }
}

/// The newer `output_config` object: `effort` (steers adaptive thinking) and `format` (native structured
/// output, `{"type":"json_schema","schema":{…}}`).
private struct OutputConfig {
    var effort: String?
    var format: ResponseFormat?

    init(_ root: ObjectReader) throws(GatewayError) {
        guard let config = try root.optionalObject("output_config") else { return }
        effort = try config.optionalString("effort")
        guard let format = try config.optionalObject("format") else { return }
        guard try format.string("type") == "json_schema" else {
            throw GatewayError.invalidField("output_config.format.type", "expected 'json_schema'")
        }
        let schema = try format.require("schema")
        guard case .object = schema else { throw GatewayError.invalidField("output_config.format.schema", "expected a JSON Schema object") }
        // Anthropic's format has no name; "output" is what §11.10 suggests when another dialect needs one.
        self.format = .jsonSchema(name: "output", schema: schema, strict: true)
    }
}
