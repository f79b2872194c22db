public import Conversation
public import Dialects
public import TokModelCore

extension GeminiGenerateContent {
    /// A `streamGenerateContent?alt=sse` stream → canonical ``StreamEvent``s (wire-formats §5.4, §11.16 C/D).
    ///
    /// Each SSE `data:` is a whole `GenerateContentResponse` holding only what is new; there is no terminator,
    /// the body just ends. The reader:
    /// - emits `.start` on the first chunk (id from `responseId`, model from `modelVersion`);
    /// - opens a text block for text parts and a thinking block for `thought: true` parts, keeping one block
    ///   open while the same kind continues across chunks, and closing it when another kind begins;
    /// - turns each `functionCall` part (Gemini sends them whole) into its own block: `.blockStart` with the id
    ///   (minted when absent, ``GeminiCallID``, and carrying a thought signature as ``GeminiSignedCallID``
    ///   describes), one `.toolArgumentsDelta` with the complete `args` JSON, `.blockStop`;
    /// - on `finishReason` (or a prompt blocked before any candidate) closes the open block and emits `.finish`,
    ///   `toolUse` when the answer holds calls; parts arriving after that are ignored;
    /// - emits `.usage` whenever `usageMetadata` changes (it is cumulative, the last one is complete);
    /// - turns an error object in the stream into `.error` then `.end`, with no `.start` before it when
    ///   nothing had been emitted yet, so the edge can still answer with a real HTTP error;
    /// - throws `upstream_invalid_response` for data that is not a JSON object, and ignores blank data and a
    ///   stray `[DONE]` (not Gemini's, but harmless from a proxy).
    ///
    /// Only the first candidate is followed. Blocks are numbered 0, 1, 2… in order across all kinds.
    public struct StreamReader: Sendable {
        enum OpenBlock: Equatable {
            case text(Int)
            case thinking(Int)

            var index: Int {
                switch self {
                case .text(let index), .thinking(let index): index
                }
            }
        }

        private var started = false
        private var responseID = ""
        private var nextIndex = 0
        private var open: OpenBlock?
        private var calls = 0
        private var finished = false
        private var ended = false
        private var lastUsage: Usage?

        public init() {}

        public mutating func read(_ event: SSEEvent) throws(GatewayError) -> [StreamEvent] {
            guard !ended else { return [] }
            if event.isDone || event.data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return [] }
            let chunk: JSONValue
            do {
                chunk = try JSONParser.parse(event.data)
            } catch {
                throw GatewayError(
                    .upstreamFailed, "The provider sent a stream event that is not valid JSON (\(error.description)).",
                    code: "upstream_invalid_response")
            }
            guard case .object = chunk else {
                throw GatewayError(.upstreamFailed, "The provider sent a stream event that is not a JSON object.", code: "upstream_invalid_response")
            }
            var events: [StreamEvent] = []
            if chunk["error"] != nil {
                closeOpenBlock(into: &events)
                events.append(.error(GeminiErrorMapping.gatewayError(from: chunk, httpStatus: nil)))
                events.append(.end)
                ended = true
                return events
            }
            if !started {
                started = true
                responseID = chunk["responseId"]?.stringValue ?? ""
                events.append(.start(id: responseID, model: chunk["modelVersion"]?.stringValue ?? ""))
            }
            if !finished {
                let candidate = GeminiResponsePart.primaryCandidate(of: chunk)
                for part in GeminiResponsePart.parts(of: candidate) {
                    handle(part, into: &events)
                }
                if let reason = candidate?["finishReason"]?.stringValue {
                    finish(GeminiFinishReason.stopReason(reason, hasToolCalls: calls > 0), into: &events)
                } else if candidate == nil, chunk["promptFeedback"]?["blockReason"] != nil {
                    finish(GeminiFinishReason.promptBlocked, into: &events)
                }
            }
            if let usage = chunk["usageMetadata"].flatMap(GeminiUsage.usage(from:)), usage != lastUsage {
                lastUsage = usage
                events.append(.usage(usage))
            }
            return events
        }

        /// The provider's body ended. After a `finishReason` that is just `.end`; a stream that ended before
        /// finishing (a dropped connection, a truncated body) closes its open block and reports an error, so the
        /// client is not told a cut-off answer is complete.
        public mutating func finish() -> [StreamEvent] {
            guard !ended else { return [] }
            ended = true
            guard started else {
                return [
                    .error(GatewayError(.upstreamFailed, "The provider's stream ended without sending a response.", code: "upstream_empty_stream")),
                    .end,
                ]
            }
            var events: [StreamEvent] = []
            if !finished {
                closeOpenBlock(into: &events)
                let error = GatewayError(
                    .upstreamFailed, "The provider's stream ended before the answer was finished.", code: "upstream_truncated_stream")
                events.append(.error(error))
            }
            events.append(.end)
            return events
        }

        private mutating func handle(_ part: GeminiResponsePart, into events: inout [StreamEvent]) {
            switch part {
            case .text(let text):
                guard !text.isEmpty else { return }
                let index = openBlock(thinking: false, into: &events)
                events.append(.textDelta(index: index, text: text))
            case .thought(let text, let signature):
                guard !text.isEmpty || signature != nil else { return }
                let index = openBlock(thinking: true, into: &events)
                if !text.isEmpty { events.append(.thinkingDelta(index: index, text: text)) }
                if let signature { events.append(.thinkingSignature(index: index, signature: ThinkingSignatures.fromGemini(signature))) }
            case .functionCall(let id, let name, let arguments, let signature):
                closeOpenBlock(into: &events)
                let callID = GeminiSignedCallID.embed(id: id ?? GeminiCallID.mint(responseID: responseID, ordinal: calls), signature: signature)
                calls += 1
                let index = nextIndex
                nextIndex += 1
                events.append(.blockStart(index: index, kind: .toolCall(id: callID, name: name)))
                events.append(.toolArgumentsDelta(index: index, json: arguments))
                events.append(.blockStop(index: index))
            case .ignored:
                return
            }
        }

        /// The index of the open text (or thinking) block, opening one (and closing a block of the other kind)
        /// when needed.
        private mutating func openBlock(thinking: Bool, into events: inout [StreamEvent]) -> Int {
            switch (open, thinking) {
            case (.text(let index)?, false), (.thinking(let index)?, true):
                return index
            default:
                closeOpenBlock(into: &events)
                let index = nextIndex
                nextIndex += 1
                open = thinking ? .thinking(index) : .text(index)
                events.append(.blockStart(index: index, kind: thinking ? .thinking : .text))
                return index
            }
        }

        private mutating func closeOpenBlock(into events: inout [StreamEvent]) {
            guard let block = open else { return }
            events.append(.blockStop(index: block.index))
            open = nil
        }

        private mutating func finish(_ reason: StopReason, into events: inout [StreamEvent]) {
            closeOpenBlock(into: &events)
            events.append(.finish(reason, stopSequence: nil))
            finished = true
        }
    }
}
