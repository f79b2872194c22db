public import Dialects
public import TokModelCore

/// The OpenAI Chat Completions dialect (`POST /v1/chat/completions`, shared/wire-formats.md §2), translated to
/// and from TokModel's canonical conversation model (§11).
///
/// Both directions live here because OpenAI Chat is spoken on both sides of the gateway: by clients
/// (ingress: ``decodeRequest(_:)``, ``encodeResponse(_:clientModel:)``, ``StreamWriter``) and by every
/// OpenAI-compatible provider (egress: ``encodeRequest(_:upstreamModel:)``, ``decodeResponse(_:)``,
/// ``StreamReader``). Everything is a pure function of its input: no I/O, no Foundation, no randomness.
///
/// Fields a client may send that the canonical model cannot carry are dropped rather than refused, so that
/// clients built for newer API versions keep working: `name` on messages, `logit_bias`, `modalities`,
/// `audio`, `prediction`, `store`, `metadata`, `service_tier`, `verbosity`, `web_search_options`,
/// `safety_identifier`, `prompt_cache_key`, `prompt_cache_retention`, `stream_options.include_obfuscation`,
/// `image_url.detail` on data-URL images, `json_schema.description`, assistant `audio`, and any field this
/// list does not name. Input whose loss would change the answer's meaning (audio and file parts, non-function
/// tools, the deprecated `functions` API) is refused with a 400 instead.
public enum OpenAIChat {
    /// The prefix every Chat Completions id carries; SDKs and logs recognise it.
    static let idPrefix = "chatcmpl-"

    /// The most stop sequences OpenAI accepts; more are cut off on egress (§11.8).
    static let maxStopSequences = 4

    /// Usage from an OpenAI `usage` object: `prompt_tokens` (cached included), `completion_tokens` (reasoning
    /// included), `prompt_tokens_details.cached_tokens` / `.cache_write_tokens` and
    /// `completion_tokens_details.reasoning_tokens`. Details are clamped into their totals so a confused
    /// provider can never make a subset exceed its whole. Nil when the object has no token counts at all.
    public static func usage(from object: JSONValue) -> Usage? {
        guard case .object = object else { return nil }
        let prompt = object["prompt_tokens"]?.int64Value
        let completion = object["completion_tokens"]?.int64Value
        guard prompt != nil || completion != nil else { return nil }
        var usage = Usage(inputTokens: max(0, prompt ?? 0), outputTokens: max(0, completion ?? 0))
        let promptDetails = object["prompt_tokens_details"]
        if let cached = promptDetails?["cached_tokens"]?.int64Value {
            usage.cachedInputTokens = min(max(0, cached), usage.inputTokens)
        }
        if let written = promptDetails?["cache_write_tokens"]?.int64Value {
            usage.cacheWriteInputTokens = min(max(0, written), usage.inputTokens - usage.cachedInputTokens)
        }
        if let reasoning = object["completion_tokens_details"]?["reasoning_tokens"]?.int64Value {
            usage.reasoningTokens = min(max(0, reasoning), usage.outputTokens)
        }
        return usage
    }

    /// `usage` in OpenAI's shape, keeping the invariant `total_tokens = prompt_tokens + completion_tokens`
    /// (§11.13). `cache_write_tokens` appears only when non-zero: it is a newer, optional field.
    static func usageObject(_ usage: Usage) -> JSONValue {
        var promptDetails: [(String, JSONValue)] = [("cached_tokens", .int(usage.cachedInputTokens))]
        if usage.cacheWriteInputTokens > 0 { promptDetails.append(("cache_write_tokens", .int(usage.cacheWriteInputTokens))) }
        return .object([
            ("prompt_tokens", .int(usage.inputTokens)),
            ("completion_tokens", .int(usage.outputTokens)),
            ("total_tokens", .int(usage.totalTokens)),
            ("prompt_tokens_details", .object(promptDetails)),
            ("completion_tokens_details", .object([("reasoning_tokens", .int(usage.reasoningTokens))])),
        ])
    }

    /// The id shown to the client: the canonical id with OpenAI's `chatcmpl-` prefix (kept once when the id
    /// already has it, e.g. when the provider was OpenAI-compatible too). An empty id (a provider that sent
    /// none) still yields a well-formed one.
    static func clientID(_ canonicalID: String) -> String {
        if canonicalID.isEmpty { return idPrefix + "tokmodel" }
        return canonicalID.hasPrefix(idPrefix) ? canonicalID : idPrefix + canonicalID
    }
}
