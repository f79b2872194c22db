import Dialects

/// The body of a non-streamed answer, `object: chat.completion`, written straight to bytes (no JSON tree)
/// because benchmarks call this on every request.
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
            JSONWriter.writeString(text, into: &out)
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
