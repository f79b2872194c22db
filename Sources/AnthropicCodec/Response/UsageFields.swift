public import Dialects
public import TokModelCore

extension AnthropicMessages {
    /// Usage from an Anthropic `usage` object; nil when it carries no token counts.
    ///
    /// Anthropic's `input_tokens` excludes the prompt tokens read from or written to its cache, while the
    /// canonical ``Usage/inputTokens`` counts every prompt token (§11.13): the three are added up, and the
    /// cache figures kept as the subsets they are. Thinking tokens are inside `output_tokens`.
    public static func usage(from object: JSONValue) -> Usage? {
        guard case .object = object else { return nil }
        let input = object["input_tokens"]?.int64Value
        let output = object["output_tokens"]?.int64Value
        let cacheRead = object["cache_read_input_tokens"]?.int64Value
        let cacheWrite = object["cache_creation_input_tokens"]?.int64Value
        guard input != nil || output != nil || cacheRead != nil || cacheWrite != nil else { return nil }
        let read = max(0, cacheRead ?? 0)
        let written = max(0, cacheWrite ?? 0)
        // Saturating: absurd provider numbers must not trap.
        let total = [read, written].reduce(max(0, input ?? 0)) { sum, part in
            let (result, overflow) = sum.addingReportingOverflow(part)
            return overflow ? Int64.max : result
        }
        return Usage(inputTokens: total, outputTokens: max(0, output ?? 0), cachedInputTokens: read, cacheWriteInputTokens: written)
    }
}

/// Canonical usage → Anthropic's usage fields, in the order Anthropic writes them.
enum UsageFields {
    /// Prompt tokens neither read from nor written to the cache: Anthropic's `input_tokens`.
    static func uncachedInput(_ usage: Usage) -> Int64 {
        // Clamped so that no figure another codec produced can make the arithmetic trap.
        let cached = min(max(0, usage.cachedInputTokens), Int64.max / 2) + min(max(0, usage.cacheWriteInputTokens), Int64.max / 2)
        return max(0, max(0, usage.inputTokens) - cached)
    }

    /// All four fields, as in a message object or `message_start`.
    static func object(_ usage: Usage) -> JSONValue {
        [
            "input_tokens": .int(uncachedInput(usage)),
            "cache_creation_input_tokens": .int(usage.cacheWriteInputTokens),
            "cache_read_input_tokens": .int(usage.cachedInputTokens),
            "output_tokens": .int(usage.outputTokens),
        ]
    }
}
