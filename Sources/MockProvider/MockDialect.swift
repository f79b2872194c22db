/// The provider API a request arrived in. The mock answers every dialect from the same ``MockAnswer``, so
/// that the text, tool calls and token counts agree whichever wire format carries them; only the encoding
/// (bodies, streams, errors, ids, finish reasons) differs.
public enum MockDialect: String, Sendable, Equatable, CaseIterable {
    /// `POST /v1/chat/completions` (§2 of the wire-format reference).
    case openAI
    /// `POST /v1/messages` (§4).
    case anthropic
    /// `POST /v1beta/models/{model}:generateContent` and `:streamGenerateContent?alt=sse` (§5).
    case gemini
}
