import Dialects
import TokModelCore

/// Gemini `usageMetadata` → ``Usage`` (wire-formats §5.3, §11.13).
///
/// - input = `promptTokenCount` (cached content included) + `toolUsePromptTokenCount` (results of built-in
///   tools fed back, which Gemini bills as input but counts apart);
/// - cached input = `cachedContentTokenCount` (a part of the prompt);
/// - output = `candidatesTokenCount` + `thoughtsTokenCount` (thoughts are billed as output);
/// - reasoning = `thoughtsTokenCount`.
enum GeminiUsage {
    static func usage(from object: JSONValue) -> Usage? {
        var metadata = object
        if let nested = object["usageMetadata"], case .object = nested { metadata = nested }
        guard case .object = metadata else { return nil }
        func count(_ key: String) -> Int64? { metadata[key]?.int64Value.map { max(0, $0) } }
        let prompt = count("promptTokenCount")
        let candidates = count("candidatesTokenCount")
        let thoughts = count("thoughtsTokenCount")
        let toolUse = count("toolUsePromptTokenCount")
        guard prompt != nil || candidates != nil || thoughts != nil || toolUse != nil else { return nil }
        let input = (prompt ?? 0) + (toolUse ?? 0)
        let output = (candidates ?? 0) + (thoughts ?? 0)
        return Usage(
            inputTokens: input,
            outputTokens: output,
            cachedInputTokens: min(count("cachedContentTokenCount") ?? 0, input),
            reasoningTokens: thoughts ?? 0)
    }
}
