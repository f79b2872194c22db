/// Carries a Gemini `thoughtSignature` inside a tool-call id, for the one path where the canonical model has no
/// room for it: a streamed function call (``BlockKind/toolCall(id:name:)`` has no signature field, unlike
/// ``ToolCall/thoughtSignature``).
///
/// Thinking Gemini models (Gemini 3) reject the next request unless each signed function call comes back with its
/// signature, and clients of other dialects only give back ids. So a streamed call that carries a signature
/// gets the id `<id>__thought__<signature>` (LiteLLM's convention, §11.6 rule 5), and the request encoder splits
/// any id of that form back into the id and the signature. Whole (non-streamed) answers do the same (and also
/// fill ``ToolCall/thoughtSignature``).
///
/// The signature (base64) is written in base64url without padding, so the id stays within
/// `[A-Za-z0-9_-]`: clients and codecs that sanitise tool-call ids (Anthropic's pattern) keep it intact.
enum GeminiSignedCallID {
    static let separator = "__thought__"

    static func embed(id: String, signature: String?) -> String {
        guard let signature, !signature.isEmpty else { return id }
        return id + separator + toURLSafe(signature)
    }

    /// The plain id and the signature embedded in it, if any.
    static func split(_ id: String) -> (id: String, signature: String?) {
        guard let range = id.firstRange(of: separator) else { return (id, nil) }
        let signature = String(id[range.upperBound...])
        return (String(id[..<range.lowerBound]), signature.isEmpty ? nil : fromURLSafe(signature))
    }

    static func toURLSafe(_ base64: String) -> String {
        String(base64.compactMap { c -> Character? in
            switch c {
            case "+": "-"
            case "/": "_"
            case "=": nil
            default: c
            }
        })
    }

    static func fromURLSafe(_ text: String) -> String {
        var out = String(text.map { c -> Character in
            switch c {
            case "-": "+"
            case "_": "/"
            default: c
            }
        })
        while out.utf8.count % 4 != 0 { out.append("=") }
        return out
    }
}
