import Dialects

/// The body of a non-streamed OpenAI answer, `object: chat.completion`, written straight to bytes (no JSON
/// tree) because benchmarks call this on every request. Tool calls appear as `message.tool_calls`
/// (`{"id":"call_mock_<n>","type":"function","function":{"name","arguments"}}`), with `content: null` when
/// the answer has no text.
public enum MockCompletionBody {
    public static func encode(_ answer: MockAnswer, identity: MockCompletionIdentity) -> [UInt8] {
        let text = answer.text
        var out = [UInt8]()
        out.reserveCapacity(320 + answer.choices * (110 + text.utf8.count))
        identity.writeOpening(object: "chat.completion", into: &out)
        out.append(contentsOf: #","choices":["#.utf8)
        for index in 0..<answer.choices {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"index":"#.utf8)
            out.append(contentsOf: String(index).utf8)
            out.append(contentsOf: #","message":{"role":"assistant","content":"#.utf8)
            if answer.tokens.isEmpty && !answer.toolCalls.isEmpty {
                out.append(contentsOf: "null".utf8)
            } else {
                JSONWriter.writeString(text, into: &out)
            }
            if !answer.toolCalls.isEmpty {
                out.append(contentsOf: #","tool_calls":["#.utf8)
                for (callIndex, call) in answer.toolCalls.enumerated() {
                    if callIndex > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: #"{"id":"#.utf8)
                    JSONWriter.writeString(call.openAIID, into: &out)
                    out.append(contentsOf: #","type":"function","function":{"name":"#.utf8)
                    JSONWriter.writeString(call.name, into: &out)
                    out.append(contentsOf: #","arguments":"#.utf8)
                    JSONWriter.writeString(call.arguments, into: &out)
                    out.append(contentsOf: "}}".utf8)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(contentsOf: #"},"logprobs":null,"finish_reason":"#.utf8)
            JSONWriter.writeString(answer.finishReason, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        if let usage = answer.usage {
            out.append(contentsOf: #","usage":"#.utf8)
            usage.write(into: &out)
        }
        out.append(contentsOf: #","system_fingerprint":"#.utf8)
        JSONWriter.writeString(MockCompletionIdentity.systemFingerprint, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }
}
