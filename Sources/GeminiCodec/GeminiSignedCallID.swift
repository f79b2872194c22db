/// Carries a Gemini `thoughtSignature` inside a tool-call id, for the one path where the canonical model has no
/// room for it: a streamed function call (``BlockKind/toolCall(id:name:)`` has no signature field, unlike
/// ``ToolCall/thoughtSignature``).
///
/// Thinking Gemini models (Gemini 3) reject the next request unless each signed function call comes back with its
/// signature, and clients of other dialects only give back ids. So a streamed call that carries a signature
/// gets the id `<id>__thought__<signature>` (LiteLLM's convention, §11.6 rule 5), and the request encoder splits
/// any id of that form back into the id and the signature. Whole (non-streamed) answers put the signature in
/// ``ToolCall/thoughtSignature`` and leave the id alone.
enum GeminiSignedCallID {
    static let separator = "__thought__"

    static func embed(id: String, signature: String?) -> String {
        guard let signature, !signature.isEmpty else { return id }
        return id + separator + signature
    }

    /// The plain id and the signature embedded in it, if any.
    static func split(_ id: String) -> (id: String, signature: String?) {
        guard let range = id.firstRange(of: separator) else { return (id, nil) }
        let signature = String(id[range.upperBound...])
        return (String(id[..<range.lowerBound]), signature.isEmpty ? nil : signature)
    }
}
