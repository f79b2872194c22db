/// Ids for function calls Gemini sent without one (`functionCall.id` is optional and most models omit it).
///
/// The id is `call_<responseId>_<n>`, `n` counting the answer's function calls from 0 (`call_<n>` when the
/// response has no id): stable, so a non-streamed and a streamed decode of the same answer agree, and unique
/// across the turns of a conversation because each answer has its own `responseId` (Anthropic rejects
/// histories with duplicate tool-use ids). Characters outside `[A-Za-z0-9_-]` become `_`, so the id also
/// satisfies Anthropic's id pattern if the conversation later moves there. When the client sends results
/// for these calls, the request encoder finds the function name from the call in the history (§11.6 rule 3).
enum GeminiCallID {
    static func mint(responseID: String, ordinal: Int) -> String {
        guard !responseID.isEmpty else { return "call_\(ordinal)" }
        var safe = ""
        safe.unicodeScalars.reserveCapacity(responseID.unicodeScalars.count)
        for scalar in responseID.unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-": safe.unicodeScalars.append(scalar)
            default: safe.unicodeScalars.append("_")
            }
        }
        return "call_\(safe)_\(ordinal)"
    }
}
