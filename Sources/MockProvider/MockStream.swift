import Dialects

/// One server-sent event of a streamed answer, in wire form (`data: <json>\n\n`), with its place in the
/// stream so that the server can pace it and cut it short (`fail_after`).
public struct MockStreamEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The opening chunk: `delta: {"role":"assistant","content":""}`.
        case role
        /// The content chunk with this index (0-based).
        case content(Int)
        /// Empty delta with the finish reason.
        case finish
        /// `choices: []` and the usage object; only when the client asked for it.
        case usage
        /// `data: [DONE]`.
        case done
    }

    public var kind: Kind
    /// The choice the event belongs to (0 for usage and done).
    public var choice: Int
    public var bytes: [UInt8]

    public init(kind: Kind, choice: Int, bytes: [UInt8]) {
        self.kind = kind
        self.choice = choice
        self.bytes = bytes
    }
}

/// The events of a streamed answer, in the order OpenAI sends them: role, content chunks, finish, then
/// the usage chunk when `stream_options.include_usage` is true (and usage is not suppressed), then
/// `[DONE]`. With `include_usage`, every other chunk carries `"usage":null`, as OpenAI's do. With `n > 1`,
/// each step has one event per choice.
public enum MockStream {
    public static func events(
        for answer: MockAnswer, identity: MockCompletionIdentity, includeUsage: Bool, chunkCount: Int
    ) -> [MockStreamEvent] {
        let usage = includeUsage ? answer.usage : nil
        let chunks = answer.contentChunks(count: chunkCount)
        var opening = [UInt8]()
        opening.reserveCapacity(160 + identity.model.utf8.count)
        opening.append(contentsOf: "data: ".utf8)
        identity.writeOpening(object: "chat.completion.chunk", into: &opening)
        opening.append(contentsOf: #","system_fingerprint":"#.utf8)
        JSONWriter.writeString(MockCompletionIdentity.systemFingerprint, into: &opening)
        opening.append(contentsOf: #","choices":["#.utf8)
        let closing = Array((usage != nil ? #"],"usage":null}"# + "\n\n" : "]}\n\n").utf8)

        func event(_ kind: MockStreamEvent.Kind, choice: Int, delta: (inout [UInt8]) -> Void, finishReason: String?) -> MockStreamEvent {
            var out = opening
            out.reserveCapacity(opening.count + 128)
            out.append(contentsOf: #"{"index":"#.utf8)
            out.append(contentsOf: String(choice).utf8)
            out.append(contentsOf: #","delta":"#.utf8)
            delta(&out)
            out.append(contentsOf: #","logprobs":null,"finish_reason":"#.utf8)
            if let finishReason { JSONWriter.writeString(finishReason, into: &out) } else { out.append(contentsOf: "null".utf8) }
            out.append(UInt8(ascii: "}"))
            out.append(contentsOf: closing)
            return MockStreamEvent(kind: kind, choice: choice, bytes: out)
        }

        var events: [MockStreamEvent] = []
        events.reserveCapacity(answer.choices * (chunks.count + 2) + 2)
        for choice in 0..<answer.choices {
            events.append(event(.role, choice: choice, delta: { $0.append(contentsOf: #"{"role":"assistant","content":""}"#.utf8) }, finishReason: nil))
        }
        for (index, chunk) in chunks.enumerated() {
            for choice in 0..<answer.choices {
                events.append(
                    event(
                        .content(index), choice: choice,
                        delta: { out in
                            out.append(contentsOf: #"{"content":"#.utf8)
                            JSONWriter.writeString(chunk, into: &out)
                            out.append(UInt8(ascii: "}"))
                        }, finishReason: nil))
            }
        }
        for choice in 0..<answer.choices {
            events.append(event(.finish, choice: choice, delta: { $0.append(contentsOf: "{}".utf8) }, finishReason: answer.finishReason))
        }
        if let usage {
            var out = opening
            out.append(contentsOf: #"],"usage":"#.utf8)
            usage.write(into: &out)
            out.append(contentsOf: "}\n\n".utf8)
            events.append(MockStreamEvent(kind: .usage, choice: 0, bytes: out))
        }
        events.append(MockStreamEvent(kind: .done, choice: 0, bytes: Array("data: [DONE]\n\n".utf8)))
        return events
    }
}
