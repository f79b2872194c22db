import Dialects

/// One server-sent event of a streamed answer, in wire form (`data: <json>\n\n`; Anthropic's with an
/// `event:` line, Gemini's ending in `\r\n\r\n`), with its place in the stream so that the server can pace
/// it and cut it short (`fail_after`): the server pauses before each `content` and `finish` event and drops
/// the connection instead of sending content number `fail_after` or any finish.
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
        /// `data: [DONE]`; Anthropic's `message_stop`.
        case done
        /// A structural event that carries no content and is never paced: Anthropic's `message_start`,
        /// `ping`, `content_block_start` and `content_block_stop`.
        case frame
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

/// The events of a streamed OpenAI answer, in the order OpenAI sends them: role, content chunks, finish, then
/// the usage chunk when `stream_options.include_usage` is true (and usage is not suppressed), then
/// `[DONE]`. With `include_usage`, every other chunk carries `"usage":null`, as OpenAI's do. With `n > 1`,
/// each step has one event per choice.
///
/// Tool calls follow the text as `delta.tool_calls` fragments: for each call a header
/// (`{"index":i,"id":"call_mock_<n>","type":"function","function":{"name":..,"arguments":""}}`), then its
/// arguments in `chunkCount` fragments (`{"index":i,"function":{"arguments":..}}`). Headers come first, then
/// the fragments round-robin by call index, so with two or more calls their fragments interleave. When the
/// answer has no text, the opening chunk is `{"role":"assistant","content":null,"tool_calls":[<header 0>]}`,
/// as OpenAI's is. Headers and fragments are content steps (paced, counted by `fail_after`).
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

        func event(_ kind: MockStreamEvent.Kind, choice: Int, delta: [UInt8], finishReason: String?) -> MockStreamEvent {
            var out = opening
            out.reserveCapacity(opening.count + delta.count + 96)
            out.append(contentsOf: #"{"index":"#.utf8)
            out.append(contentsOf: String(choice).utf8)
            out.append(contentsOf: #","delta":"#.utf8)
            out.append(contentsOf: delta)
            out.append(contentsOf: #","logprobs":null,"finish_reason":"#.utf8)
            if let finishReason { JSONWriter.writeString(finishReason, into: &out) } else { out.append(contentsOf: "null".utf8) }
            out.append(UInt8(ascii: "}"))
            out.append(contentsOf: closing)
            return MockStreamEvent(kind: kind, choice: choice, bytes: out)
        }

        // The deltas of the content steps after the text chunks: tool-call headers and argument fragments.
        let calls = answer.toolCalls
        let fragments = calls.map { $0.argumentFragments(count: chunkCount) }
        func header(_ index: Int) -> [UInt8] {
            var out = Array(#"{"index":"#.utf8)
            out.append(contentsOf: String(index).utf8)
            out.append(contentsOf: #","id":"#.utf8)
            JSONWriter.writeString(calls[index].openAIID, into: &out)
            out.append(contentsOf: #","type":"function","function":{"name":"#.utf8)
            JSONWriter.writeString(calls[index].name, into: &out)
            out.append(contentsOf: #","arguments":""}}"#.utf8)
            return out
        }
        func toolDelta(_ element: [UInt8]) -> [UInt8] {
            Array(#"{"tool_calls":["#.utf8) + element + Array("]}".utf8)
        }
        let headerInOpening = !calls.isEmpty && answer.tokens.isEmpty
        var toolSteps: [[UInt8]] = []
        for index in calls.indices where !(index == 0 && headerInOpening) {
            toolSteps.append(toolDelta(header(index)))
        }
        for round in 0..<(fragments.map(\.count).max() ?? 0) {
            for index in calls.indices where round < fragments[index].count {
                var element = Array(#"{"index":"#.utf8)
                element.append(contentsOf: String(index).utf8)
                element.append(contentsOf: #","function":{"arguments":"#.utf8)
                JSONWriter.writeString(fragments[index][round], into: &element)
                element.append(contentsOf: "}}".utf8)
                toolSteps.append(toolDelta(element))
            }
        }

        let roleDelta: [UInt8]
        if headerInOpening {
            roleDelta = Array(#"{"role":"assistant","content":null,"tool_calls":["#.utf8) + header(0) + Array("]}".utf8)
        } else {
            roleDelta = Array(#"{"role":"assistant","content":""}"#.utf8)
        }

        var events: [MockStreamEvent] = []
        events.reserveCapacity(answer.choices * (chunks.count + toolSteps.count + 2) + 2)
        for choice in 0..<answer.choices {
            events.append(event(.role, choice: choice, delta: roleDelta, finishReason: nil))
        }
        for (index, chunk) in chunks.enumerated() {
            var delta = Array(#"{"content":"#.utf8)
            JSONWriter.writeString(chunk, into: &delta)
            delta.append(UInt8(ascii: "}"))
            for choice in 0..<answer.choices {
                events.append(event(.content(index), choice: choice, delta: delta, finishReason: nil))
            }
        }
        for (step, delta) in toolSteps.enumerated() {
            for choice in 0..<answer.choices {
                events.append(event(.content(chunks.count + step), choice: choice, delta: delta, finishReason: nil))
            }
        }
        for choice in 0..<answer.choices {
            events.append(event(.finish, choice: choice, delta: Array("{}".utf8), finishReason: answer.finishReason))
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
