import Conversation
import Dialects
import TokModelCore

/// Canonical sampling, limits, output format and reasoning → `generationConfig` members (wire-formats §5.2,
/// §11.8–11.11). Numbers pass through as the client wrote them.
enum GeminiGenerationConfig {
    /// Gemini's documented limit on `stopSequences`.
    static let maxStopSequences = 5

    static func members(for request: ChatRequest) throws(GatewayError) -> [(String, JSONValue)] {
        var config: [(String, JSONValue)] = []
        let sampling = request.sampling
        if let maxOutputTokens = request.maxOutputTokens { config.append(("maxOutputTokens", .int(maxOutputTokens))) }
        if let temperature = sampling.temperature { config.append(("temperature", temperature)) }
        if let topP = sampling.topP { config.append(("topP", topP)) }
        if let topK = sampling.topK { config.append(("topK", topK)) }
        if !sampling.stop.isEmpty {
            guard sampling.stop.count <= maxStopSequences else {
                throw GatewayError.invalidField("stop", "Gemini accepts at most \(maxStopSequences) stop sequences")
            }
            config.append(("stopSequences", .array(sampling.stop.map(JSONValue.string))))
        }
        if let choices = sampling.choices { config.append(("candidateCount", .int(choices))) }
        if let seed = sampling.seed { config.append(("seed", seed)) }
        if let presence = sampling.presencePenalty { config.append(("presencePenalty", presence)) }
        if let frequency = sampling.frequencyPenalty { config.append(("frequencyPenalty", frequency)) }
        if sampling.logprobs == true {
            config.append(("responseLogprobs", true))
            if let top = sampling.topLogprobs { config.append(("logprobs", .int(top))) }
        }
        switch request.responseFormat {
        case nil, .text?:
            break
        case .jsonObject?:
            config.append(("responseMimeType", "application/json"))
        case .jsonSchema(_, let schema, _)?:
            config.append(("responseMimeType", "application/json"))
            config.append(("responseSchema", try GeminiSchema.responseSchema(schema)))
        }
        if let reasoning = request.reasoning {
            config.append(("thinkingConfig", try thinkingConfig(reasoning)))
        }
        return config
    }

    /// `thinkingConfig {thinkingBudget, includeThoughts: false}`.
    ///
    /// A budget passes through. An effort becomes a budget by the reference's table (§11.11): none → 0,
    /// minimal/low → 1024, medium → 8192, high and above → -1 (Gemini's dynamic budget, the most the model
    /// allows), because a fixed large number is out of range on some models. Disabled → 0, which the models that
    /// cannot switch thinking off (2.5 Pro) answer with a 400: better than silently billing thoughts the client
    /// turned off. Thoughts are not requested back (`includeThoughts: false`): they could not be replayed anyway.
    static func thinkingConfig(_ reasoning: Reasoning) throws(GatewayError) -> JSONValue {
        let budget: Int64
        switch reasoning {
        case .budget(let tokens): budget = tokens
        case .disabled: budget = 0
        case .effort(let effort):
            switch effort.lowercased() {
            case "none": budget = 0
            case "minimal", "low": budget = 1024
            case "medium": budget = 8192
            case "high", "xhigh", "max": budget = -1
            default:
                throw GatewayError.invalidField("reasoning_effort", "unknown effort '\(effort)'; use minimal, low, medium or high")
            }
        }
        return ["thinkingBudget": .int(budget), "includeThoughts": false]
    }
}
