import Dialects

/// What a response `Part` means to TokModel, shared by the whole-response decoder and the stream reader so
/// both read Gemini the same way.
enum GeminiResponsePart: Equatable {
    case text(String)
    /// A `thought: true` part: the model's thought summary, with the signature it may carry.
    case thought(String, signature: String?)
    /// A whole function call; `arguments` is the `args` object as JSON text (`{}` when absent).
    case functionCall(id: String?, name: String, arguments: String, signature: String?)
    /// Code execution, inline media in the answer, and part kinds Google adds later: not representable in the
    /// canonical model, ignored (never a crash, §0 rule 2).
    case ignored

    init(_ part: JSONValue) {
        let signature = part["thoughtSignature"]?.stringValue
        if let call = part["functionCall"], case .object = call {
            // `JSONValue` is nil-literal convertible, so a missing and a `null` args are told apart explicitly.
            var args = JSONValue.object([])
            if let given = call["args"], !given.isNull { args = given }
            self = .functionCall(
                id: call["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
                name: call["name"]?.stringValue ?? "",
                arguments: JSONWriter.string(args),
                signature: signature)
        } else if part["thought"]?.boolValue == true {
            // A thought part without text can still carry the signature.
            self = .thought(part["text"]?.stringValue ?? "", signature: signature)
        } else if let text = part["text"]?.stringValue {
            // A signature on a plain text part is dropped: the canonical text block has nowhere to keep it, and
            // Gemini only requires signatures back on function-call parts.
            self = .text(text)
        } else {
            self = .ignored
        }
    }

    /// The parts of the response's first candidate (the one with `index` 0, or the first listed): the canonical
    /// answer has a single choice. Empty when the candidate or its content is missing (a blocked answer).
    static func primaryCandidate(of response: JSONValue) -> JSONValue? {
        guard let candidates = response["candidates"]?.arrayValue, !candidates.isEmpty else { return nil }
        return candidates.first(where: { ($0["index"]?.int64Value ?? 0) == 0 }) ?? candidates[0]
    }

    static func parts(of candidate: JSONValue?) -> [GeminiResponsePart] {
        (candidate?["content"]?["parts"]?.arrayValue ?? []).map(GeminiResponsePart.init)
    }
}
