/// The Anthropic Messages dialect (`POST /v1/messages`, shared/wire-formats.md §4 and §11), translated to and
/// from the canonical `Conversation` model.
///
/// Ingress (an Anthropic SDK is the client): ``decodeRequest(_:)``, ``encodeResponse(_:clientModel:)`` and
/// ``StreamWriter``. Egress (Anthropic is the provider): ``encodeRequest(_:upstreamModel:)``,
/// ``decodeResponse(_:)`` and ``StreamReader``. ``usage(from:)`` reads Anthropic's usage object.
///
/// Every member is pure: JSON values in, JSON values or SSE bytes out, no clock and no I/O. Bad client input
/// throws an `.invalidRequest` ``GatewayError`` naming the offending field by its full path
/// (`messages[2].content[0].source`), so the SDK shows the client exactly what to fix.
public enum AnthropicMessages {
    /// `max_tokens` sent upstream when the canonical request carries no output limit. Anthropic requires the
    /// field; the edge normally always sets one from the catalog, so this is only a safety net. 4096 is
    /// LiteLLM's long-standing default (§11.9): large enough for ordinary answers, small enough that a
    /// non-streaming call does not run into HTTP timeouts.
    public static let defaultMaxTokens: Int64 = 4096

    /// Anthropic's smallest thinking budget (`budget_tokens` ≥ 1024, §4.5).
    public static let minimumThinkingBudget: Int64 = 1024
}
